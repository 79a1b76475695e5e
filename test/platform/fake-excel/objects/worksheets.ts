import type { XlClientResult, XlWorksheetCollection } from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import type { SheetState } from '../state';
import { FakeCollection } from './collection';
import { FakeChangedEvent } from './events';
import { FakeWorksheet } from './worksheet';

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XlWorksheetCollection {
  /** Changes on every sheet (ExcelApi 1.9). */
  readonly onChanged: FakeChangedEvent;

  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets');
    this.onChanged = new FakeChangedEvent(ctx, 'worksheets.onChanged', '1.9');
  }

  protected members(): FakeWorksheet[] {
    return this.ctx.document.sheets.map((s) => this.byId(s.id, `getItem("${s.name}")`));
  }

  private byId(id: string, call: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.${call}`, () => this.ctx.document.sheetById(id));
  }

  /** A sheet by name (ignoring case, as Excel) or by id. */
  private find(key: string): SheetState | undefined {
    return this.ctx.document.sheetByName(key) ?? this.ctx.document.sheetById(key);
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    const path = `${this.path}.add(${name === undefined ? '' : JSON.stringify(name)})`;
    this.enqueue('add', [name ?? null], () => {
      created = this.ctx.document.addSheet(name, path);
    });
    return new FakeWorksheet(this.ctx, path, () => created).instantiate();
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () =>
      this.find(key),
    ).instantiate();
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const path = `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`;
    this.enqueue('getItemOrNullObject', [key], () => undefined, '1.4');
    return new FakeWorksheet(this.ctx, path, () => this.find(key), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getActiveWorksheet()`, () =>
      this.ctx.document.sheetById(this.ctx.document.activeSheetId),
    );
  }

  getCount(visibleOnly = false): XlClientResult<number> {
    const sheets = () => this.ctx.document.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
    return this.count(`getCount(${visibleOnly})`, () => sheets().length, '1.4');
  }
}

import type { XlSheetVisibility, XlWorksheet } from '../../../../src/excel/api';
import { parseAddress } from '../a1';
import { usedRect } from '../cells';
import type { FakeContext } from '../context';
import { invalidOperation } from '../errors';
import { FakeProxy } from '../proxy';
import { normaliseColour } from '../rules';
import type { SheetState } from '../state';
import { FakeChartCollection } from './charts';
import { FakeChangedEvent } from './events';
import { bindSheet, type SheetLocator } from './locate';
import { FakeNamedItemCollection } from './names';
import { FakePageBreakCollection } from './pageBreaks';
import { FakeRange, rangeAt } from './range';
import { FakeShapeCollection } from './shapes';
import { FakePageLayout, FakeWorksheetFreezePanes, FakeWorksheetProtection } from './sheetParts';

const A1 = parseAddress('A1').rect;

export class FakeWorksheet extends FakeProxy implements XlWorksheet {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeWorksheetFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreakCollection;
  readonly charts: FakeChartCollection;
  readonly shapes: FakeShapeCollection;
  readonly names: FakeNamedItemCollection;
  readonly onChanged: FakeChangedEvent;
  private readonly locate: SheetLocator;

  constructor(ctx: FakeContext, path: string, locate: SheetLocator, nullable = false) {
    super(ctx, path, nullable);
    this.locate = bindSheet(ctx.document, locate);
    const sheet = () => this.target();
    this.protection = new FakeWorksheetProtection(ctx, `${path}.protection`, sheet);
    this.freezePanes = new FakeWorksheetFreezePanes(ctx, `${path}.freezePanes`, sheet);
    this.pageLayout = new FakePageLayout(ctx, `${path}.pageLayout`, sheet);
    this.horizontalPageBreaks = new FakePageBreakCollection(ctx, `${path}.horizontalPageBreaks`, sheet);
    this.charts = new FakeChartCollection(ctx, `${path}.charts`, sheet);
    this.shapes = new FakeShapeCollection(ctx, `${path}.shapes`, sheet);
    this.names = new FakeNamedItemCollection(ctx, `${path}.names`, sheet);
    this.onChanged = new FakeChangedEvent(ctx, `${path}.onChanged`, '1.7', () => sheet().id);
  }

  target(): SheetState {
    return this.locate() ?? this.missing('The worksheet');
  }

  protected override checkTarget(): void {
    this.target();
  }

  protected override exists(): boolean {
    return this.locate() !== undefined;
  }

  protected properties(): Record<string, () => unknown> {
    const doc = this.ctx.document;
    return {
      name: () => this.target().name,
      id: () => this.target().id,
      position: () => doc.sheets.indexOf(this.target()),
      visibility: () => this.target().visibility,
      tabColor: () => this.target().tabColor,
    };
  }

  protected override navigation(): Record<string, FakeProxy> {
    return { protection: this.protection, pageLayout: this.pageLayout };
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => this.ctx.document.renameSheet(this.target(), name, this.path));
  }
  get position(): number {
    return this.read('position');
  }
  set position(position: number) {
    this.write('position', position, () => this.ctx.document.moveSheet(this.target(), position, this.path));
  }
  get visibility(): XlSheetVisibility {
    return this.read('visibility');
  }
  set visibility(visibility: XlSheetVisibility) {
    this.write('visibility', visibility, () =>
      this.ctx.document.setVisibility(this.target(), visibility, this.path),
    );
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(colour: string) {
    this.write(
      'tabColor',
      colour,
      () => {
        this.target().tabColor = colour === '' ? '' : normaliseColour(colour, this.path);
      },
      '1.7',
    );
  }

  getRange(address?: string): FakeRange {
    const path = `${this.path}.getRange(${address === undefined ? '' : JSON.stringify(address)})`;
    return new FakeRange(this.ctx, path, () => {
      const sheet = this.target();
      return address === undefined ? rangeAt(sheet, 'A:XFD', path) : rangeAt(sheet, address, path);
    }).instantiate();
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(this.ctx.document.engine, sheet, valuesOnly) ?? A1 };
    }).instantiate();
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const path = `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`;
    const range = new FakeRange(
      this.ctx,
      path,
      () => {
        const sheet = this.locate();
        const rect = sheet && usedRect(this.ctx.document.engine, sheet, valuesOnly);
        return sheet && rect ? { sheet, rect } : undefined;
      },
      true,
    );
    this.ctx.enqueue({ path, action: 'create', args: [], since: '1.4', apply: () => undefined });
    return range;
  }

  activate(): void {
    this.enqueue('activate', [], () => {
      const sheet = this.target();
      if (sheet.visibility !== 'Visible')
        throw invalidOperation(`Sheet '${sheet.name}' is hidden and cannot be activated.`, this.path);
      this.ctx.document.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.enqueue('delete', [], () => this.ctx.document.deleteSheet(this.target(), this.path));
  }
}

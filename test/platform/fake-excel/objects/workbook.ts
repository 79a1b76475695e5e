import type { XlWorkbook } from '../../../../src/excel/api';
import { parseAddress } from '../a1';
import type { FakeContext } from '../context';
import { FakeApplication } from './application';
import { FakeNamedItemCollection } from './names';
import { FakeRange } from './range';
import { FakeSettingCollection } from './settings';
import { FakeWorksheetCollection } from './worksheets';

export class FakeWorkbookProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, 'names');
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  /** The selection, or A1 of the active sheet when nothing was selected through the API. */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, 'getSelectedRange()', () => {
      const doc = this.ctx.document;
      const selected = doc.selection && doc.sheetById(doc.selection.sheetId);
      if (selected && doc.selection) return { sheet: selected, rect: doc.selection.rect };
      const active = doc.sheetById(doc.activeSheetId);
      return active && { sheet: active, rect: parseAddress('A1').rect };
    });
  }
}

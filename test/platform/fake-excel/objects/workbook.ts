import type { XlInsertWorksheetOptions, XlWorkbook } from '../../../../src/excel/api';
import { parseAddress } from '../a1';
import type { FakeContext } from '../context';
import { insertWorksheetsFromFile } from '../insertFromFile';
import { FakeClientResult } from '../proxy';
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

  /** Excel's own parser: the file's worksheets into this document (insertFromFile.ts), ExcelApi 1.13. */
  insertWorksheetsFromBase64(
    base64File: string,
    options?: XlInsertWorksheetOptions,
  ): FakeClientResult<string[]> {
    const path = 'workbook.insertWorksheetsFromBase64()';
    const result = new FakeClientResult<string[]>(path);
    this.ctx.enqueue({
      path,
      action: 'insertWorksheetsFromBase64',
      args: [base64File, options ?? null],
      type: 'Workbook',
      apply: () =>
        result.set(insertWorksheetsFromFile(this.ctx.document, base64File, options, this.ctx.platform, path)),
    });
    return result;
  }
}

/**
 * The fake refuses a member on a host below its requirement set, as Excel does: the operation
 * fails at sync with ApiNotFound. The sets are the `[Api set: ExcelApi ...]` tags of
 * @types/office-js (generated into apiSets.generated.json), e.g. Worksheet.visibility:
 * "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]", and
 * WorksheetProtectionOptions.allowEditObjects: "[Api set: ExcelApi 1.7]".
 */
import { MINIMUM_API_SET } from '../../src/excel/requirements';
import { FakeContext, FakeWorkbook, gateway } from './fake-excel';
import { memberSet, operationSet } from './fake-excel/apiSets';

describe('requirement sets, from the typings', () => {
  it('reads the tags, including different sets for reading and writing', () => {
    expect(memberSet('Worksheet', 'visibility')).toBe('1.1');
    expect(memberSet('Worksheet', 'visibility', 'write')).toBe('1.2');
    expect(memberSet('WorksheetProtectionOptions', 'allowEditObjects')).toBe('1.7');
    expect(memberSet('ShapeCollection', 'getItemOrNullObject')).toBe('1.14');
    expect(memberSet('', 'createWorkbook')).toBe('1.8');
    expect(operationSet('Worksheet', 'load', ['name', 'visibility', 'tabColor'])).toBe('1.7');
    expect(operationSet('WorksheetCollection', 'getCount(true)', [])).toBe('1.4');
  });

  it('lets a 1.1 host read a sheet’s visibility but not set it (the generate bug on Excel 2016)', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start', 'Meta'] });
    const read = new FakeContext(doc, '1.1');
    const meta = read.workbook.worksheets.getItem('Meta').load('visibility');
    await read.sync();
    expect(meta.visibility).toBe('Visible');

    const write = new FakeContext(doc, '1.1');
    write.workbook.worksheets.getItem('Meta').visibility = 'Hidden';
    await expect(write.sync()).rejects.toMatchObject({
      code: 'ApiNotFound',
      message: expect.stringContaining("'Worksheet.set visibility' needs ExcelApi 1.2"),
    });
    expect(doc.sheet('Meta').visibility).toBe('Visible');
  });

  it('refuses a protection option newer than the host (allowEditObjects on 1.2), allows it on 1.7', async () => {
    const doc = new FakeWorkbook({ sheets: ['Area'] });
    const old = new FakeContext(doc, '1.2');
    old.workbook.worksheets
      .getItem('Area')
      .protection.protect({ allowFormatColumns: true, allowEditObjects: true });
    await expect(old.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(doc.sheet('Area').protection.protected).toBe(false);

    const newer = new FakeContext(doc, '1.7');
    newer.workbook.worksheets
      .getItem('Area')
      .protection.protect({ allowFormatColumns: true, allowEditObjects: true });
    await newer.sync();
    expect(doc.sheet('Area').protection.protected).toBe(true);
  });

  it('simulates the manifest’s minimum by default, and nothing newer', () => {
    const g = gateway(new FakeWorkbook());
    expect(g.isSetSupported(MINIMUM_API_SET)).toBe(true);
    expect(g.isSetSupported('1.10')).toBe(false);
  });

  it('refuses Excel.createWorkbook below 1.8 and anything that is not an .xlsx file', async () => {
    const opened: string[] = [];
    await expect(
      gateway(new FakeWorkbook(), { supportedVersion: '1.7' }).files.openWorkbook('UEsDBAo='),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      gateway(new FakeWorkbook(), { openedWorkbooks: opened }).files.openWorkbook('aGVsbG8='),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await gateway(new FakeWorkbook(), { openedWorkbooks: opened }).files.openWorkbook('UEsDBAo=');
    expect(opened).toEqual(['UEsDBAo=']);
  });
});

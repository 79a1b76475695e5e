/**
 * The fake's `Workbook.insertWorksheetsFromBase64` against what Excel documents: the d.ts of
 * @types/office-js (ExcelApi 1.13; "An array of IDs corresponding to each newly inserted
 * worksheet"; "In Excel on the web, this API doesn't support inserting charts"), Worksheet.delete
 * ("if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
 * InvalidOperation exception") and the office-js issues cited in insertFromFile.ts.
 */
import { strToU8, zipSync } from 'fflate';
import { FakeContext, FakeWorkbook, gateway } from './fake-excel';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sheetXml = (data: string, extra = '') =>
  `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData>${extra}</worksheet>`;

/**
 * A small file written by hand (independent of the add-in's writer): Start with text that looks
 * like a number and a number, Data with a formula over Start, a very hidden protected sheet, two
 * workbook names, and (optionally) a chart part.
 */
function sourceFile(withChart = false): Promise<string> {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        '<sheet name="Start" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/>' +
        '<sheet name="Hidden" sheetId="3" state="veryHidden" r:id="rId3"/></sheets>' +
        '<definedNames><definedName name="Total">Start!$B$1</definedName>' +
        '<definedName name="Answer">Start!$B$1</definedName></definedNames></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        [1, 2, 3]
          .map(
            (n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>123</t></is></c><c r="B1"><v>42</v></c></row>'),
    ),
    'xl/worksheets/sheet2.xml': strToU8(
      sheetXml('<row r="1"><c r="A1"><f>Start!B1*2</f><v>84</v></c></row>'),
    ),
    'xl/worksheets/sheet3.xml': strToU8(
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>secret</t></is></c></row>',
        '<sheetProtection sheet="1"/>',
      ),
    ),
  };
  if (withChart)
    files['xl/charts/chart1.xml'] = strToU8(
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
  return Promise.resolve(Buffer.from(zipSync(files)).toString('base64'));
}

async function insert(
  doc: FakeWorkbook,
  base64: string,
  version = '1.13',
  platform: 'PC' | 'OfficeOnline' = 'PC',
) {
  return gateway(doc, { supportedVersion: version, platform }).run(async (ctx) => {
    const ids = ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
    await ctx.sync();
    return ids.value;
  });
}

describe('insertWorksheetsFromBase64 in the fake', () => {
  it('needs ExcelApi 1.13', async () => {
    const doc = new FakeWorkbook();
    await expect(insert(doc, await sourceFile(), '1.12')).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(doc.sheetNames()).toEqual(['Sheet1']);
  });

  it('inserts each worksheet at the end, in the source’s order, and gives their ids', async () => {
    const doc = new FakeWorkbook({ sheets: ['Start'] });
    const ids = await insert(doc, await sourceFile());
    expect(ids.map((id) => doc.sheetById(id)?.name)).toEqual(['Start (2)', 'Data', 'Hidden']);
    expect(doc.sheetNames()).toEqual(['Start', 'Start (2)', 'Data', 'Hidden']);
    expect(doc.value('Start (2)', 'A1')).toBe('123');
    expect(doc.value('Start (2)', 'B1')).toBe(42);
    // A reference to the renamed sheet follows it.
    expect(doc.formula('Data', 'A1')).toBe("='Start (2)'!B1*2");
    expect(doc.value('Data', 'A1')).toBe(84);
    expect(doc.sheet('Hidden').visibility).toBe('VeryHidden');
  });

  it('refuses to delete a very hidden sheet until it is unhidden (Worksheet.delete)', async () => {
    const doc = new FakeWorkbook();
    await insert(doc, await sourceFile());
    const run = gateway(doc, { supportedVersion: '1.13' }).run;
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hidden').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Hidden');
      sheet.visibility = 'Hidden';
      sheet.delete();
      await ctx.sync();
    });
    expect(doc.sheetNames()).not.toContain('Hidden');
  });

  it('fails on Excel on the web for a source with a chart, inserting nothing', async () => {
    const doc = new FakeWorkbook();
    await expect(insert(doc, await sourceFile(true), '1.13', 'OfficeOnline')).rejects.toMatchObject({
      code: 'GeneralException',
    });
    expect(doc.sheetNames()).toEqual(['Sheet1']);
    // Without a chart it works there too.
    await insert(new FakeWorkbook(), await sourceFile(false), '1.13', 'OfficeOnline');
  });

  it('adds the source’s workbook names it lacks; keeps its own unless told to take the source’s', async () => {
    const keep = new FakeWorkbook({ sheets: ['Start'] });
    keep.addName('Total', '=Start!$A$1', '', undefined, 'test');
    await insert(keep, await sourceFile());
    expect(keep.nameList().map((n) => [n.name, n.formula])).toEqual([
      ['Total', '=Start!$A$1'],
      ['Answer', "='Start (2)'!$B$1"],
    ]);
    const take = new FakeWorkbook({ sheets: ['Start'] });
    take.addName('Total', '=Start!$A$1', '', undefined, 'test');
    take.insertTakesSourceNames = true;
    await insert(take, await sourceFile());
    expect(take.nameList().find((n) => n.name === 'Total')?.formula).toBe("='Start (2)'!$B$1");
  });

  it('refuses a file that is not an .xlsx (InvalidArgument), as Excel cannot open it', async () => {
    const ctx = new FakeContext(new FakeWorkbook(), '1.13');
    ctx.workbook.insertWorksheetsFromBase64(Buffer.from('not a workbook').toString('base64'));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

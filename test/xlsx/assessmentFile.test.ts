/**
 * An assessment read from an .xlsx file: a filled workbook written by the add-in's own writer
 * reads back with every response, setting and name as written, through the framework kept in the
 * file; each kind of file that cannot be used is refused with a message naming it. (Files re-saved
 * by LibreOffice: test/libreoffice/assessmentFile.test.ts.)
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  bundledFrameworks,
  describeProblem,
  loadFramework,
  type CellValue,
  type Framework,
  type ResponseRow,
} from '../../src/domain';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { META_SHEET } from '../../src/workbook/layout';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { usedRangeOf } from '../../src/workbook/fileSnapshot';
import { writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from './planFile';
import { sampleResponses } from './sampleResponses';
import { excelSerialOf, calendarDateOf } from '../../src/domain/dates';

const reading = { loadFramework, describeProblem };
const KNOWN = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];

async function fileOf(
  framework: Framework,
  responses: readonly ResponseRow[],
  edit?: (p: WorkbookPlan) => WorkbookPlan,
) {
  const plan = withResponses(buildPlan(framework, SETTINGS).plan, framework, responses);
  return writeWorkbookFile(edit ? edit(plan) : plan);
}

/** What the sheet holds for a value typed in: a date is its serial number, a blank is ''. */
function asHeld(value: CellValue): CellValue {
  if (value instanceof Date) return excelSerialOf(calendarDateOf(value));
  return value ?? '';
}

describe('reading an assessment file', () => {
  it.each([
    ['the 2009 draft', bundledFrameworks.draft2009],
    ['the revised Leadership area', bundledFrameworks.leadershipRevision],
  ])('reads back every response of %s as written, with the settings and names', async (_, framework) => {
    const responses = sampleResponses(framework, 7);
    const read = readAssessmentFile(await fileOf(framework, responses), 'colleague.xlsx', KNOWN, reading);
    if (read.status !== 'read') throw new Error(read.message);
    expect(read.framework).toEqual(framework);
    expect(read.frameworkFrom).toBe('stored');
    expect(read.assessment.settings).toEqual({ metThreshold: 3, requiredShare: 1 });
    expect(read.assessment.organisation).toBe(SETTINGS.organisation);
    expect(read.assessment.period).toBe(SETTINGS.period);
    const got = new Map(read.assessment.responses.map((r) => [`${r.area}/${r.criterionId}`, r]));
    expect(got.size).toBe(framework.criteria.length);
    for (const r of responses) {
      const row = got.get(`${r.area}/${r.criterionId}`);
      expect({
        rating: row?.rating,
        evidence: row?.evidence,
        difference: row?.difference,
        owner: row?.owner,
        reviewDate: row?.reviewDate,
        notes: row?.notes,
      }).toEqual({
        rating: asHeld(r.rating),
        evidence: asHeld(r.evidence),
        difference: asHeld(r.difference),
        owner: asHeld(r.owner),
        reviewDate: asHeld(r.reviewDate),
        notes: asHeld(r.notes),
      });
    }
  });

  it('uses a known framework with the same id and version when the file keeps none', async () => {
    const framework = bundledFrameworks.draft2009;
    const bytes = await fileOf(framework, sampleResponses(framework), withoutStoredFramework);
    const read = readAssessmentFile(bytes, 'older.xlsx', KNOWN, reading);
    if (read.status !== 'read') throw new Error(read.message);
    expect(read.frameworkFrom).toBe('known');
    expect(read.assessment.responses).toHaveLength(framework.criteria.length);
  });

  describe('refuses a file it cannot use, naming it', () => {
    it('a file that is not a workbook', () => {
      const read = readAssessmentFile(strToU8('name,rating\nA,3\n'), 'ratings.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'not-xlsx', details: ['ratings.xlsx'] });
      expect(read.status === 'refused' && read.message).toMatch(/^ratings\.xlsx cannot be read: /);
    });

    it('a damaged zip', async () => {
      const bytes = await fileOf(bundledFrameworks.draft2009, []);
      const read = readAssessmentFile(bytes.slice(0, bytes.length / 2), 'cut.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'not-xlsx' });
    });

    it('a copy whose area sheet is damaged (found when that sheet is read), naming the file and part', async () => {
      const parts = unzipSync(await fileOf(bundledFrameworks.draft2009, []));
      // Every sheet part cut short: whichever the reader needs first is found damaged.
      for (const p of Object.keys(parts))
        if (p.startsWith('xl/worksheets/')) parts[p] = parts[p]!.slice(0, 200);
      const read = readAssessmentFile(zipSync(parts), 'cut-sheet.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'not-xlsx' });
      if (read.status === 'refused')
        expect(read.message).toMatch(
          /^cut-sheet\.xlsx cannot be read: it is not an \.xlsx workbook, or it is damaged \(xl\/worksheets\//,
        );
    });

    it('a password-protected workbook (an OLE compound file)', () => {
      const bytes = new Uint8Array(1024);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      const read = readAssessmentFile(bytes, 'locked.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'password-protected' });
      expect(read.status === 'refused' && read.message).toMatch(/locked\.xlsx is password-protected/);
    });

    it('a workbook that is not an assessment', () => {
      const bytes = zipSync({
        'xl/workbook.xml': strToU8(
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Budget" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
        ),
      });
      const read = readAssessmentFile(bytes, 'budget.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'not-an-assessment' });
      expect(read.status === 'refused' && read.message).toContain(`no ${META_SHEET} sheet`);
    });

    it('a workbook from a newer version of the add-in', async () => {
      const bytes = await fileOf(bundledFrameworks.draft2009, [], (plan) =>
        withMetaValue(plan, 'layoutVersion', 99),
      );
      const read = readAssessmentFile(bytes, 'newer.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'newer-layout' });
      expect(read.status === 'refused' && read.message).toMatch(/newer\.xlsx was made by a newer version/);
    });

    it('a workbook whose record was edited, naming the cell', async () => {
      const bytes = await fileOf(bundledFrameworks.draft2009, [], (plan) =>
        withMetaValue(plan, 'addin', 'edited'),
      );
      const read = readAssessmentFile(bytes, 'edited.xlsx', KNOWN, reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'damaged-record' });
      expect(read.status === 'refused' && read.details.join('\n')).toContain(`edited.xlsx: ${META_SHEET}!B2`);
    });

    it('a workbook from a framework the add-in does not know and the file does not keep', async () => {
      const framework = bundledFrameworks.draft2009;
      const bytes = await fileOf(framework, [], withoutStoredFramework);
      const read = readAssessmentFile(bytes, 'other.xlsx', [bundledFrameworks.leadershipRevision], reading);
      expect(read).toMatchObject({ status: 'refused', reason: 'unknown-framework' });
    });
  });
});

/** The plan without the framework kept in the meta sheet (columns G:H), as in an older workbook. */
function withoutStoredFramework(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.role === 'meta' ? { ...s, blocks: s.blocks.filter((b) => !b.at.startsWith('G')) } : s,
    ),
  };
}

/** The plan with one key of the meta block holding `value` instead. */
function withMetaValue(plan: WorkbookPlan, key: string, value: string | number): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => {
      if (s.role !== 'meta') return s;
      const blocks = s.blocks.map((b) => ({
        ...b,
        cells: b.cells.map((row) => (row[0] === key ? [row[0], value, ...row.slice(2)] : row)),
      }));
      return { ...s, blocks };
    }),
  };
}

describe('a sheet read from a file', () => {
  it('keeps its width and cells when the file leaves rows out (holes in the row list)', () => {
    const rows: (string[] | undefined)[] = [];
    rows[0] = ['Title'];
    rows[3] = ['a', 'b', 'c'];
    const range = usedRangeOf({ name: 'Saved responses', rows });
    expect(range.values).toEqual([
      ['Title', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['a', 'b', 'c'],
    ]);
  });
});

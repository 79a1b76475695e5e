/**
 * Combining a colleague's copy on the fake (issue 23 part 1): the choices written into the cells
 * the responses were read from, what they replace kept in the Archived responses sheet, and a cell
 * changed by someone else after the comparison stopping the whole write with the cell named.
 */
import {
  bundledFrameworks,
  compareCopies,
  sameCell,
  type CombineChoice,
  type CriterionSlot,
  type Framework,
  type ResponseRow,
} from '../../src/domain';
import { applyCombination } from '../../src/excel/combineCopy';
import { generateAssessment } from '../../src/excel/generate';
import { readAssessment } from '../../src/excel/readAssessment';
import { columnLetter, parseCell, splitCellReference } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import { planCombine } from '../../src/workbook/combineWrite';
import { withResponses } from '../../src/workbook/filledPlan';
import { ARCHIVE_FIRST_ROW, ARCHIVE_SHEET, archiveColumn } from '../../src/workbook/sheets/archive';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { sampleResponses } from '../xlsx/sampleResponses';
import { SETTINGS } from './generateHelpers';

const framework = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 12, day: 3 };

async function workbookWith(f: Framework, responses: readonly ResponseRow[]): Promise<FakeWorkbook> {
  const doc = new FakeWorkbook();
  await generateAssessment(gateway(doc), withResponses(buildPlan(f, SETTINGS).plan, f, responses));
  return doc;
}

async function combine(doc: FakeWorkbook, theirs: readonly ResponseRow[], choice: CombineChoice) {
  const ours = (await readAssessment(gateway(doc), framework)).responses;
  const { criteria } = compareCopies(framework, ours, theirs);
  const choices = new Map<CriterionSlot, CombineChoice>(criteria.map((c) => [c.slot, choice]));
  const write = planCombine(framework, ours, criteria, choices, 'hr.xlsx', TODAY);
  return { ours, criteria, write };
}

describe('combining a colleague’s copy into the workbook', () => {
  it('takes theirs for every criterion: the workbook then holds their responses, ours archived', async () => {
    const doc = await workbookWith(framework, sampleResponses(framework, 3));
    const theirs = sampleResponses(framework, 4);
    const { ours, write } = await combine(doc, theirs, 'theirs');
    expect(write.problems).toEqual([]);
    const outcome = await applyCombination(gateway(doc), write);
    expect(outcome).toEqual({
      status: 'combined',
      written: write.writes.length,
      archived: write.archiveRows.length,
      // Short texts: the archive rows in one request, the cells in one more.
      writeBatches: 2,
    });

    const after = (await readAssessment(gateway(doc), framework)).responses;
    const wanted = (await readAssessment(gateway(await workbookWith(framework, theirs)), framework))
      .responses;
    const fields = (r: ResponseRow) => [r.rating, r.evidence, r.difference, r.owner, r.reviewDate, r.notes];
    expect(after.map(fields)).toEqual(wanted.map(fields));

    // Every non-blank value of ours that changed is on an archive row, with the reason.
    const archived = new Set<string>();
    for (let row = ARCHIVE_FIRST_ROW; row < ARCHIVE_FIRST_ROW + write.archiveRows.length; row++) {
      const id = doc.value(ARCHIVE_SHEET, `C${row}`);
      expect(String(doc.value(ARCHIVE_SHEET, cellAt(row, archiveColumn('reason'))))).toMatch(
        /^Replaced on 03\/12\/2026 when combining with hr\.xlsx \(took theirs\)\.$/,
      );
      archived.add(
        `${String(id)}|${String(doc.value(ARCHIVE_SHEET, cellAt(row, archiveColumn('evidence'))))}`,
      );
    }
    for (const [i, mine] of ours.entries()) {
      const now = after[i]!;
      if (mine.evidence !== '' && !sameCell(mine.evidence, now.evidence)) {
        expect(archived.has(`${mine.criterionId}|${String(mine.evidence)}`)).toBe(true);
      }
    }
  });

  it('stops, writing nothing, when a cell changed after the comparison, naming it', async () => {
    const doc = await workbookWith(framework, sampleResponses(framework, 5));
    const { write } = await combine(doc, sampleResponses(framework, 6), 'theirs');
    const target = write.writes[0]!;
    const { row, column } = parseCell(target.address);
    doc.engine.setCellContents({ sheet: doc.sheet(target.sheet).engineId, row: row - 1, col: column - 1 }, [
      ['changed by a co-author'],
    ]);
    const before = (await readAssessment(gateway(doc), framework)).responses;
    const outcome = await applyCombination(gateway(doc), write);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'changed-since' });
    expect(outcome.status === 'refused' && outcome.details[0]).toContain(`${target.address} now holds`);
    expect((await readAssessment(gateway(doc), framework)).responses).toEqual(before);
    expect(doc.sheetNames()).not.toContain(ARCHIVE_SHEET);
  });

  it('cuts long texts into requests under the budget, with the same result as one request', async () => {
    // Pages of evidence in every criterion, ours and theirs: far past a small budget in one write.
    const long = (rows: readonly ResponseRow[], tag: string) =>
      rows.map((r, i) => ({ ...r, evidence: `${tag} ${i} `.padEnd(6_000, 'é ') }));
    const ours = long(sampleResponses(framework, 7), 'ours');
    const theirs = long(sampleResponses(framework, 8), 'theirs');
    const budget = 100 * 1024;

    const whole = await workbookWith(framework, ours);
    const one = await combine(whole, theirs, 'theirs');
    await applyCombination(gateway(whole), one.write);

    const cut = await workbookWith(framework, ours);
    const { write } = await combine(cut, theirs, 'theirs');
    const before = cut.batches.length;
    const outcome = await applyCombination(gateway(cut), write, { batchBytes: budget });
    expect(outcome).toMatchObject({ status: 'combined', written: write.writes.length });
    expect(outcome.status === 'combined' && outcome.writeBatches).toBeGreaterThan(4);
    // Each request the fake received, counted as it counts them (UTF-8 JSON of its operations).
    const sizes = cut.batches.slice(before).map((b) => b.bytes);
    expect(Math.max(...sizes)).toBeLessThan(budget + 16 * 1024);
    const responses = cut.batches.slice(before).map((b) => b.responseBytes);
    expect(Math.max(...responses)).toBeLessThan(budget + 16 * 1024);

    const read = async (doc: FakeWorkbook) => (await readAssessment(gateway(doc), framework)).responses;
    const fields = (r: ResponseRow) => [r.rating, r.evidence, r.difference, r.owner, r.reviewDate];
    expect((await read(cut)).map(fields)).toEqual((await read(whole)).map(fields));
    const archiveRows = (doc: FakeWorkbook) =>
      doc.values(ARCHIVE_SHEET, `A${ARCHIVE_FIRST_ROW}:M${ARCHIVE_FIRST_ROW + write.archiveRows.length}`);
    expect(archiveRows(cut)).toEqual(archiveRows(whole));
  });

  it('joins texts under "both" and keeps our rating', async () => {
    const c = framework.criteria[0]!;
    const row = (rating: number, evidence: string): ResponseRow => ({
      criterionId: c.id,
      area: c.area,
      rating,
      evidence,
      difference: '',
      owner: '',
      reviewDate: '',
      notes: '',
    });
    const doc = await workbookWith(framework, [row(2, 'Policy agreed')]);
    const { write } = await combine(doc, [row(3, 'Audit done')], 'both');
    await applyCombination(gateway(doc), write);
    const after = (await readAssessment(gateway(doc), framework)).responses.find(
      (r) => r.criterionId === c.id,
    );
    expect(after).toMatchObject({ rating: 2, evidence: 'Policy agreed\n[From hr.xlsx] Audit done' });
    const { sheet, address } = splitCellReference(after!.cells!.evidence!);
    expect(sheet).toBe(framework.areas[0]!.shortName);
    expect(doc.value(ARCHIVE_SHEET, cellAt(ARCHIVE_FIRST_ROW, archiveColumn('evidence')))).toBe(
      'Policy agreed',
    );
    expect(address).toMatch(/^[A-Z]+\d+$/);
  });
});

function cellAt(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

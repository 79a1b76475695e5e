/**
 * Completing the framework in the workbook, through the Office.js adapter on the fake: the text
 * cell of a criterion the source lacks is an input (an officer's edit lands; the locked source
 * text of a complete criterion refuses one), what is typed there is read back as that criterion's
 * wording, Check lists the ones still empty by criterion and cell, and the wording survives
 * regeneration, an upgrade that keeps the area, and a round trip through the .xlsx file.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Criterion, Framework } from '../../src/domain/framework/types';
import { withCompletedText } from '../../src/domain/index';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { readAssessment } from '../../src/excel/readAssessment';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { ACTION_PLAN_SHEET } from '../../src/workbook/sheets/actionPlan';
import { BOARD_SHEET } from '../../src/workbook/sheets/board';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { cell, columnLetter } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { AREA_FIRST_DATA_ROW, COLOURS } from '../../src/workbook/layout';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { ARCHIVE_SHEET } from '../../src/workbook/sheets/archive';
import { responsesOfArea, type RangeSnapshot, type SheetValue } from '../../src/workbook/snapshot';
import { writeWorkbookFile } from '../../src/xlsx';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { readXlsx, type XlsxFile, type XmlNode } from '../xlsx/readXlsx';
import { generateInto, SETTINGS } from './generateHelpers';

jest.setTimeout(120_000);

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;
const frameworks = [draft, revision, combined];
const TODAY = { today: new Date(2026, 5, 1) };

function find(framework: Framework, area: number, id: string): Criterion {
  const c = framework.criteria.find((x) => x.area === area && x.id === id);
  if (!c) throw new Error(`no criterion ${area}/${id}`);
  return c;
}

/** The sheet and A1 address of a criterion's text cell in a framework's layout. */
function textCell(framework: Framework, c: Criterion): { sheet: string; address: string } {
  const area = framework.areas.find((a) => a.number === c.area);
  const row = AREA_FIRST_DATA_ROW + areaCriteria(framework, c.area).findIndex((x) => x.id === c.id);
  return {
    sheet: area?.shortName ?? '',
    address: cell(row, areaLayoutOf(framework, c.area).column('text')),
  };
}

const knowing = find(draft, 1, '2.2'); // absent: the whole area's text is missing from the source
const fragment = find(draft, 2, '1.9'); // only its last words survive
const workforce = find(draft, 5, '1.23'); // complete source text
const OURS = 'Our customer profile is reviewed each year with residents.';
const FRAGMENT_TYPED = `The communication strategy is ${fragment.text}`;

async function typeText(doc: FakeWorkbook, framework: Framework, c: Criterion, text: string): Promise<void> {
  const at = textCell(framework, c);
  await doc.simulateEdit(at.sheet, at.address, [[text]]);
}

async function worded(doc: FakeWorkbook, framework: Framework): Promise<Framework> {
  const read = await readAssessment(gateway(doc), framework);
  return withCompletedText(framework, read.responses);
}

async function completedDraft(): Promise<FakeWorkbook> {
  const { doc } = await generateInto(draft);
  await typeText(doc, draft, knowing, OURS);
  await typeText(doc, draft, fragment, FRAGMENT_TYPED);
  return doc;
}

describe('the text cell of a criterion the source lacks', () => {
  it('is an input cell in the area sheet’s input style, with a fragment kept in it and quoted beside it', async () => {
    const { doc } = await generateInto(draft);
    for (const c of [knowing, fragment]) {
      const at = textCell(draft, c);
      const range = doc.sheet(at.sheet);
      expect(range.protection.protected).toBe(true);
      expect(doc.value(at.sheet, at.address)).toBe(c.textStatus === 'absent' ? '' : c.text);
    }
    const plan = buildPlan(draft, SETTINGS).plan;
    const leadership = plan.sheets.find((s) => s.area === 2);
    const at = textCell(draft, fragment);
    const formats = leadership?.formats.filter((f) => f.range === at.address) ?? [];
    expect(formats).toContainEqual(expect.objectContaining({ locked: false, fill: COLOURS.input }));
    const status = doc.value(
      at.sheet,
      cell(AREA_FIRST_DATA_ROW + 5, areaLayoutOf(draft, 2).column('textStatus')),
    );
    expect(String(status)).toContain(fragment.text.trim());
  });

  it('takes what the officer types, while complete source text stays locked and word for word', async () => {
    const doc = await completedDraft();
    const locked = textCell(draft, workforce);
    await expect(doc.simulateEdit(locked.sheet, locked.address, [['Changed']])).rejects.toThrow();
    expect(doc.value(locked.sheet, locked.address)).toBe(workforce.text);

    const f = await worded(doc, draft);
    expect(find(f, 1, knowing.id)).toMatchObject({ text: OURS, ownWording: true });
    expect(find(f, 2, fragment.id)).toMatchObject({ text: FRAGMENT_TYPED, ownWording: true });
    expect(find(f, 5, workforce.id)).toBe(workforce);
  });

  it('is listed by Check while empty, by criterion and cell, and no longer once typed', async () => {
    const doc = await completedDraft();
    const outcome = await checkWorkbook(gateway(doc), draft, buildPlan(draft, SETTINGS), TODAY);
    if (outcome.status !== 'checked') throw new Error(outcome.message);
    const missing = outcome.problems.filter((p) => p.ruleId === 'criterion-text-missing');
    const lacking = draft.criteria.filter((c) => c.textStatus !== 'complete');
    expect(missing).toHaveLength(lacking.length - 2);
    expect(missing.map((p) => `${p.area}/${p.criterionId}`)).not.toContain(`1/${knowing.id}`);
    const first = lacking.find((c) => c !== knowing);
    if (!first) throw new Error('no other lacking criterion');
    const at = textCell(draft, first);
    expect(missing[0]).toMatchObject({
      severity: 'warning',
      criterionId: first.id,
      field: 'text',
      cell: `'${at.sheet}'!${at.address}`,
    });
  });
});

describe('the organisation’s wording in the report', () => {
  it('names the criterion in the action plan and on the board in the organisation’s words', async () => {
    const doc = await completedDraft();
    const first = find(draft, 1, '1.1');
    await typeText(doc, draft, first, 'We hold an up-to-date profile of our customers.');
    const outcome = await refreshBoard(gateway(doc), draft, { today: { year: 2026, month: 6, day: 1 } });
    expect(outcome.status).toBe('refreshed');
    const texts = (sheet: string) =>
      doc.engine
        .getSheetSerialized(doc.sheet(sheet).engineId)
        .flat()
        .map((v) => String(v).replace(/^'/, ''));
    // Nothing is rated, so every criterion is an action: the typed wording names 2.2.
    expect(texts(ACTION_PLAN_SHEET)).toContain(OURS);
    expect(texts(ACTION_PLAN_SHEET)).toContain(FRAGMENT_TYPED);
    // The board lists the first actions (1.1 first) and names blockers by their opening words.
    const board = texts(BOARD_SHEET).join(' ');
    expect(board).toContain('We hold an up-to-date');
    expect(board).toContain('Knowing customers is blocked by 1.1 “We hold an');
  });
});

describe('the organisation’s wording is kept', () => {
  it('by regeneration with the same framework', async () => {
    const doc = await completedDraft();
    const outcome = await regenerateAssessment(gateway(doc), { frameworks, target: draft });
    if (outcome.status !== 'regenerated') throw new Error(outcome.message);
    for (const [c, text] of [
      [knowing, OURS],
      [fragment, FRAGMENT_TYPED],
    ] as const) {
      const at = textCell(draft, c);
      expect(doc.value(at.sheet, at.address)).toBe(text);
    }
    // Still an input: the officer can change it after regenerating.
    const at = textCell(draft, knowing);
    await doc.simulateEdit(at.sheet, at.address, [['Changed again']]);
    expect(find(await worded(doc, draft), 1, knowing.id).text).toBe('Changed again');
  });

  it('by an upgrade to the draft with the revised Leadership area: kept where the area stays, archived where the revision gives the text', async () => {
    const doc = await completedDraft();
    const outcome = await regenerateAssessment(gateway(doc), {
      frameworks,
      target: combined,
      mappings: bundledMappings,
    });
    if (outcome.status !== 'regenerated') throw new Error(outcome.message);
    const at = textCell(combined, find(combined, 1, knowing.id));
    expect(doc.value(at.sheet, at.address)).toBe(OURS);
    expect(find(await worded(doc, combined), 1, knowing.id)).toMatchObject({ text: OURS, ownWording: true });
    // The revision gives Leadership in full: the wording typed for the draft's fragment is archived, not lost.
    // Text the add-in writes as literal text is held with a leading apostrophe by the engine.
    const archived = doc.engine
      .getSheetSerialized(doc.sheet(ARCHIVE_SHEET).engineId)
      .flat()
      .map((v) => String(v).replace(/^'/, ''));
    expect(archived).toContain(FRAGMENT_TYPED);
  });

  it('through the .xlsx file: written into the text cell, still unlocked, and read back as the criterion’s wording', async () => {
    const doc = await completedDraft();
    const read = await readAssessment(gateway(doc), draft);
    const plan = withResponses(buildPlan(draft, SETTINGS).plan, draft, read.responses);
    const file = readXlsx(await writeWorkbookFile(plan));
    for (const [c, text] of [
      [knowing, OURS],
      [fragment, FRAGMENT_TYPED],
    ] as const) {
      const at = textCell(draft, c);
      const written = file.cells(at.sheet).get(at.address);
      expect(written?.value).toBe(text);
      expect(isLocked(file, written?.style ?? 0)).toBe(false);
    }
    expect(
      isLocked(
        file,
        file.cells(textCell(draft, workforce).sheet).get(textCell(draft, workforce).address)?.style ?? 0,
      ),
    ).toBe(true);
    const responses = draft.areas.flatMap((a) =>
      responsesOfArea(rangeOf(file, a.shortName)).map((r) => ({ ...r, area: a.number })),
    );
    const back = withCompletedText(draft, responses);
    expect(find(back, 1, knowing.id).text).toBe(OURS);
    expect(find(back, 2, fragment.id).text).toBe(FRAGMENT_TYPED);
    const untouched = draft.criteria.filter(
      (c) => c.textStatus !== 'complete' && c !== knowing && c !== fragment,
    );
    for (const c of untouched) expect(find(back, c.area, c.id)).toBe(c);
  });
});

function isLocked(file: XlsxFile, style: number): boolean {
  const styles = file.xml('xl/styles.xml').styleSheet as XmlNode;
  const xfs = (styles.cellXfs as XmlNode).xf as XmlNode[];
  return ((xfs[style]?.protection as XmlNode | undefined)?.['@_locked'] ?? '1') !== '0';
}

/** A sheet of the file as the add-in's readers see a used range: values from A1. */
function rangeOf(file: XlsxFile, sheet: string): RangeSnapshot {
  const cells = file.cells(sheet);
  const at = [...cells.keys()].map((a) => /^([A-Z]+)(\d+)$/.exec(a) ?? ['', 'A', '1']);
  const columnOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Math.max(...at.map((m) => Number(m[2])));
  const columns = Math.max(...at.map((m) => columnOf(m[1] ?? 'A')));
  const values: SheetValue[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const v = cells.get(`${columnLetter(c + 1)}${r + 1}`)?.value;
      return v === undefined ? '' : v;
    }),
  );
  return { sheet, top: 1, left: 1, values, formulas: values };
}

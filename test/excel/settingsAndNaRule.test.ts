/**
 * Settings that cannot mislead, the N/A rule, and provisional versus settled, on the formula engine
 * of the test platform (HyperFormula): the Summary's words must be the ones stated here and the
 * ones the engine gives for the same cells.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import {
  CHECK_START_SHEET,
  NO_APPLICABLE_CRITERIA,
  PROVISIONAL_WORDS,
  levelText,
  provisionalWord,
} from '../../src/domain/levelWords';
import type { CellValue } from '../../src/domain/responses';
import { score } from '../../src/domain/scoring';
import type { XlCellValue } from '../../src/excel/api';
import { readAssessment } from '../../src/excel/readAssessment';
import { rect } from '../../src/workbook/address';
import type { BuiltPlan } from '../../src/workbook/buildPlan';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { buildFramework } from '../builders/framework';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

async function rate(
  doc: FakeWorkbook,
  framework: Framework,
  ratings: (id: string) => CellValue,
): Promise<void> {
  for (const area of framework.areas) {
    const criteria = areaCriteria(framework, area.number);
    const column = criteria.map((c): XlCellValue[] => {
      const value = ratings(c.id);
      return [value === null || value === undefined || value instanceof Date ? '' : value];
    });
    await doc.simulateEdit(
      area.shortName,
      rect(AREA_FIRST_DATA_ROW, areaColumn('rating'), criteria.length, 1),
      column,
    );
  }
}

interface Row {
  levelName: XlCellValue;
  levelNo: XlCellValue;
  provisional: XlCellValue;
  shares?: XlCellValue[];
}

function sheetRows(doc: FakeWorkbook, built: BuiltPlan): Row[] {
  const v = (a: string) => doc.value('Summary', a);
  return [
    ...built.summary.areas.map((a) => ({
      levelName: v(a.levelName),
      levelNo: v(a.levelNo),
      provisional: v(a.provisional),
      shares: a.shares.map(v),
    })),
    {
      levelName: v(built.summary.overall.levelName),
      levelNo: v(built.summary.overall.levelNo),
      provisional: v(built.summary.overall.provisional),
    },
  ];
}

async function engineRows(doc: FakeWorkbook, framework: Framework): Promise<Row[]> {
  const read = await readAssessment(gateway(doc), framework);
  if (!read.settings) throw new Error(`settings refused: ${read.problems.join(' ')}`);
  const result = score(framework, read.responses, read.settings);
  const first = framework.levels[0]?.name ?? '';
  return [
    ...result.areas.map((a) => ({
      levelName: levelText({ assessed: a.assessed, levelName: a.levelReachedName }, first),
      levelNo: a.assessed ? a.levelReached : '',
      provisional: provisionalWord(a),
      shares: a.levels.map((l) => (l.shareMet === null ? '' : l.shareMet)),
    })),
    {
      levelName: levelText(result.overall, first),
      levelNo: result.overall.assessed ? result.overall.level : '',
      provisional: provisionalWord(result.overall),
    },
  ];
}

describe('a setting that cannot be used shows "Check the Start sheet" and no level, as the engine refuses it', () => {
  const framework = bundledFrameworks.draft2009;
  let doc: FakeWorkbook;
  let built: BuiltPlan;

  beforeAll(async () => {
    ({ doc, built } = await generateInto(framework));
    // A strong assessment: with usable settings it reaches a level.
    await rate(doc, framework, () => 4);
  });

  const cases: { what: string; threshold: XlCellValue; share: XlCellValue; cell: 'threshold' | 'share' }[] = [
    { what: 'a blank share', threshold: 3, share: '', cell: 'share' },
    { what: 'a share of 0', threshold: 3, share: 0, cell: 'share' },
    { what: 'a negative share', threshold: 3, share: -0.5, cell: 'share' },
    { what: 'a share over 100%', threshold: 3, share: 1.5, cell: 'share' },
    { what: 'a share that is not a whole percentage (0.667)', threshold: 3, share: 0.667, cell: 'share' },
    { what: 'a share typed as text "80%"', threshold: 3, share: "'80%", cell: 'share' },
    { what: 'a share of TRUE', threshold: 3, share: true, cell: 'share' },
    { what: 'a blank threshold', threshold: '', share: 1, cell: 'threshold' },
    { what: 'a threshold of 0', threshold: 0, share: 1, cell: 'threshold' },
    { what: 'a threshold typed as text "3"', threshold: "'3", share: 1, cell: 'threshold' },
    { what: 'a negative threshold', threshold: -3, share: 1, cell: 'threshold' },
    { what: 'a threshold off the scale (2.5)', threshold: 2.5, share: 1, cell: 'threshold' },
    { what: 'a threshold above the scale (5)', threshold: 5, share: 1, cell: 'threshold' },
  ];

  test.each(cases)('$what', async ({ threshold, share, cell }) => {
    await doc.simulateEdit('Start', built.start.metThreshold, [[threshold]]);
    await doc.simulateEdit('Start', built.start.requiredShare, [[share]]);
    expect(doc.value('Summary', built.summary.settingsUsable)).toBe(false);
    for (const row of sheetRows(doc, built)) {
      expect(row).toEqual({
        levelName: CHECK_START_SHEET,
        levelNo: '',
        provisional: '',
        ...(row.shares ? { shares: row.shares.map(() => '') } : {}),
      });
    }
    const read = await readAssessment(gateway(doc), framework);
    expect(read.settings).toBeNull();
    const address = cell === 'threshold' ? built.start.metThreshold : built.start.requiredShare;
    expect(read.problems).toEqual([expect.stringContaining(`Start!${address} should hold`)]);
  });

  test('usable settings give the level back, equal to the engine (a 67% share, typed as a number)', async () => {
    await doc.simulateEdit('Start', built.start.metThreshold, [[3]]);
    await doc.simulateEdit('Start', built.start.requiredShare, [[0.67]]);
    expect(doc.value('Summary', built.summary.settingsUsable)).toBe(true);
    const rows = sheetRows(doc, built);
    expect(rows[rows.length - 1]?.levelName).toBe('Excellent');
    expect(rows).toEqual(await engineRows(doc, framework));
  });
});

describe('the N/A rule and provisional versus settled, in the sheet and the engine', () => {
  // Two areas, three levels, two criteria each: area 1 is 1.1 1.2 | 2.1 2.2 | 3.1 3.2, area 2 is 1.3 1.4 | 2.3 2.4 | 3.3 3.4.
  const framework = buildFramework({ areas: 2, criteria: 2 });
  let doc: FakeWorkbook;
  let built: BuiltPlan;

  beforeAll(async () => {
    ({ doc, built } = await generateInto(framework));
  });

  const inArea = (area: number, id: string) => areaCriteria(framework, area).some((c) => c.id === id);

  const cases: {
    what: string;
    ratings: (id: string) => CellValue;
    words: [string, string, string];
    provisional: [string, string, string];
  }[] = [
    {
      what: 'an area with every criterion N/A has no level and does not lower the organisation',
      ratings: (id) => (inArea(1, id) ? 'N/A' : 4),
      words: [NO_APPLICABLE_CRITERIA, 'Excellent', 'Excellent'],
      provisional: [PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no],
    },
    {
      what: 'every Developing criterion N/A and everything else rated 1 is not yet Developing',
      ratings: (id) => (id.startsWith('1.') ? 'N/A' : 1),
      words: ['Not yet Developing', 'Not yet Developing', 'Not yet Developing'],
      provisional: [PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no],
    },
    {
      what: 'a level above with nothing applicable does not lift an area',
      ratings: (id) => (id.startsWith('1.') ? 4 : 'N/A'),
      words: ['Developing', 'Developing', 'Developing'],
      provisional: [PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no],
    },
    {
      what: 'nothing applicable anywhere',
      ratings: () => 'N/A',
      words: [NO_APPLICABLE_CRITERIA, NO_APPLICABLE_CRITERIA, NO_APPLICABLE_CRITERIA],
      provisional: [PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.no],
    },
    {
      what: 'a Developing criterion not met settles the area although the rest is blank',
      ratings: (id) => (id === '1.1' ? 1 : inArea(1, id) ? null : 4),
      words: ['Not yet Developing', 'Excellent', 'Not yet Developing'],
      provisional: [PROVISIONAL_WORDS.settled, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.settled],
    },
    {
      what: 'a blank criterion that could lift the area is provisional',
      ratings: (id) => (id === '3.2' ? null : 4),
      words: ['Achieving', 'Excellent', 'Achieving'],
      provisional: [PROVISIONAL_WORDS.yes, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.yes],
    },
    {
      what: 'a provisional area above the lowest does not make the organisation provisional',
      ratings: (id) => (id === '3.2' ? null : inArea(2, id) && id.startsWith('2.') ? 1 : 4),
      words: ['Achieving', 'Developing', 'Developing'],
      provisional: [PROVISIONAL_WORDS.yes, PROVISIONAL_WORDS.no, PROVISIONAL_WORDS.settled],
    },
  ];

  test.each(cases)('$what', async ({ ratings, words, provisional }) => {
    await doc.simulateEdit('Start', built.start.metThreshold, [[3]]);
    await doc.simulateEdit('Start', built.start.requiredShare, [[1]]);
    await rate(doc, framework, ratings);
    const rows = sheetRows(doc, built);
    expect(rows.map((r) => r.levelName)).toEqual(words);
    expect(rows.map((r) => r.provisional)).toEqual(provisional);
    expect(rows).toEqual(await engineRows(doc, framework));
  });

  test('a share met is shown rounded down, so a share shown at the setting always reaches it', async () => {
    // 2 of 3 met is 66.7%: shown as 66%, short of a 67% setting, as the level says.
    const three = buildFramework({ areas: 1, criteria: [[3, 1, 1]] });
    const generated = await generateInto(three);
    await generated.doc.simulateEdit('Start', generated.built.start.requiredShare, [[0.67]]);
    await rate(generated.doc, three, (id) => (id === '1.3' ? 1 : 4));
    const rows = sheetRows(generated.doc, generated.built);
    expect(rows[0]?.shares?.[0]).toBe(0.66);
    expect(rows[0]?.levelName).toBe('Not yet Developing');
    expect(rows).toEqual(await engineRows(generated.doc, three));
    await generated.doc.simulateEdit('Start', generated.built.start.requiredShare, [[0.66]]);
    expect(sheetRows(generated.doc, generated.built)[0]?.levelName).toBe('Excellent');
  });
});

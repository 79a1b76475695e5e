/**
 * The carry-over's rules, one row in and one decision out (src/workbook/carryOverRows.ts): what
 * is placed where, what goes to the archive and why, what counts as carried. planCarryOver
 * (test/workbook/carryOver.test.ts, test/excel/regenerate.test.ts) writes these decisions.
 */
import { slotOf, type CriterionSlot, type Framework, type Mapping } from '../../src/domain';
import { cell } from '../../src/workbook/address';
import type { KeptCell, KeptSheet } from '../../src/workbook/carryOverBackup';
import {
  decideRow,
  readRows,
  type DecisionContext,
  type RowDecision,
  type TargetPlace,
} from '../../src/workbook/carryOverRows';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { buildFramework } from '../builders/framework';

const ID = areaColumn('id');
const TEXT = areaColumn('text');
const RATING = areaColumn('rating');
const EVIDENCE = areaColumn('evidence');
const OWN = AREA_COLUMNS.length + 1;
const FIRST = AREA_FIRST_DATA_ROW;

const kc = (row: number, column: number, value: string | number): KeptCell => ({
  row,
  column,
  value,
  isFormula: false,
  numberFormat: 'General',
});

/** Two areas, two criteria per area and level: area 1 holds 1.1, 1.2, 2.1, 2.2, 3.1, 3.2 (6 rows). */
const source = buildFramework({ id: 'src', version: '1', areas: 2 });
/** The same framework with criterion 1.2 a fragment, so an officer may word it. */
const withFragment: Framework = {
  ...source,
  criteria: source.criteria.map((c) => (c.id === '1.2' ? { ...c, textStatus: 'fragment' as const } : c)),
};
const target = buildFramework({ id: 'tgt', version: '2', areas: 2 });

function placesOf(framework: Framework): Map<CriterionSlot, TargetPlace> {
  const places = new Map<CriterionSlot, TargetPlace>();
  for (const area of framework.areas) {
    areaCriteria(framework, area.number).forEach((criterion, i) =>
      places.set(slotOf(criterion), { criterion, sheet: area.shortName, row: FIRST + i }),
    );
  }
  return places;
}

const lastRow = FIRST + 5;
const sheetOf = (cells: KeptCell[], name = 'Area 1'): KeptSheet => ({
  name,
  role: 'area',
  area: 1,
  lastTableRow: lastRow,
  cells,
});

/** The one row read from a sheet holding these cells (all on one row). */
function rowOf(framework: Framework, cells: KeptCell[], name?: string) {
  const rows = readRows(sheetOf(cells, name), areaCriteria(framework, 1));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const sameContext: DecisionContext = {
  same: true,
  target: source,
  targetPlace: placesOf(source),
  toSheet: { name: 'Area 1', lastTableRow: lastRow },
};

const mapping: Mapping = {
  formatVersion: 1,
  from: { id: 'src', version: '1' },
  to: { id: 'tgt', version: '2' },
  areas: [1],
  pairs: [{ from: '1.1', to: '2.2', basis: 'same theme' }],
  unmapped: [{ from: '1.2', reason: 'no-counterpart', explanation: 'the revision dropped it' }],
};
const upgradeContext: DecisionContext = {
  same: false,
  mapping,
  target,
  targetPlace: placesOf(target),
  toSheet: { name: 'Area 1', lastTableRow: lastRow + 3 },
};

/** A decision as plain facts, so a table row reads as what happens. */
function summary(d: RowDecision) {
  return {
    place: d.place.map((p) => `${p.sheet}!R${p.row}C${p.column}=${String(p.content.value)}`),
    archive: d.archive.map((a) => `${a.item.kind} ${a.item.criterionId || '-'}: ${a.item.reason}`),
    moves: d.ownMoves.map((m) => `${m.from}->${m.to}`),
    carried: d.carried ? `${d.carried.fromId}->${d.carried.toId}@${d.carried.toRow}` : null,
  };
}

const rated = (row: number, id: string, rating: number | string = 3) => [
  kc(row, ID, id),
  kc(row, RATING, rating),
];

describe('one kept row, one decision', () => {
  type Case = [string, Framework, KeptCell[], DecisionContext, ReturnType<typeof summary>];
  it.each<Case>([
    [
      'a rated criterion, rebuilt with the same framework: stays on its criterion',
      source,
      [...rated(FIRST, '1.1'), kc(FIRST, EVIDENCE, 'Policy 2024')],
      sameContext,
      {
        place: [`Area 1!R${FIRST}C${RATING}=3`, `Area 1!R${FIRST}C${EVIDENCE}=Policy 2024`],
        archive: [],
        moves: [],
        carried: `1.1->1.1@${FIRST}`,
      },
    ],
    [
      'an own cell right of the table moves with its criterion',
      source,
      [kc(FIRST + 1, ID, '1.2'), kc(FIRST + 1, OWN, 'my note')],
      sameContext,
      {
        place: [`Area 1!R${FIRST + 1}C${OWN}=my note`],
        archive: [],
        moves: [`${cell(FIRST + 1, OWN)}->${cell(FIRST + 1, OWN)}`],
        carried: `1.2->1.2@${FIRST + 1}`,
      },
    ],
    [
      'a row with only its id and text: nothing to carry',
      source,
      [kc(FIRST, ID, '1.1'), kc(FIRST, TEXT, '[test] criterion 1.1')],
      sameContext,
      { place: [], archive: [], moves: [], carried: null },
    ],
    [
      'a rated row with no id goes to the archive, saying so',
      source,
      [kc(FIRST + 2, RATING, 2)],
      sameContext,
      {
        place: [],
        archive: [`response -: Row ${FIRST + 2} of Area 1 has no criterion id.`],
        moves: [],
        carried: null,
      },
    ],
    [
      'a rated row whose id is not a criterion of the area goes to the archive',
      source,
      rated(FIRST, '9.9'),
      sameContext,
      {
        place: [],
        archive: [
          `response 9.9: Row ${FIRST} of Area 1 has the id 9.9, which is not a criterion of this area.`,
        ],
        moves: [],
        carried: null,
      },
    ],
    [
      'an upgrade carries a response to the criterion the mapping pairs it with',
      source,
      rated(FIRST, '1.1', 4),
      upgradeContext,
      {
        place: [`Area 1!R${FIRST + 3}C${RATING}=4`],
        archive: [],
        moves: [],
        carried: `1.1->2.2@${FIRST + 3}`,
      },
    ],
    [
      'an upgrade archives what the mapping leaves without a counterpart, with its explanation',
      source,
      rated(FIRST + 1, '1.2'),
      upgradeContext,
      {
        place: [],
        archive: [
          `response 1.2: No counterpart in "${target.title}" (tgt version 2): the revision dropped it`,
        ],
        moves: [],
        carried: null,
      },
    ],
    [
      'an upgrade archives a criterion the mapping does not list',
      source,
      rated(FIRST + 2, '2.1'),
      upgradeContext,
      {
        place: [],
        archive: ['response 2.1: The mapping does not list 2.1.'],
        moves: [],
        carried: null,
      },
    ],
    [
      "the officer's wording of a fragment is kept where the new text is still a fragment",
      withFragment,
      [kc(FIRST + 1, ID, '1.2'), kc(FIRST + 1, TEXT, 'Our own wording')],
      { ...sameContext, target: withFragment, targetPlace: placesOf(withFragment) },
      { place: [`Area 1!R${FIRST + 1}C${TEXT}=Our own wording`], archive: [], moves: [], carried: null },
    ],
    [
      "the officer's wording goes to the archive where the new framework gives the full text; the rating is carried",
      withFragment,
      [...rated(FIRST + 1, '1.2', 2), kc(FIRST + 1, TEXT, 'Our own wording')],
      sameContext,
      {
        place: [`Area 1!R${FIRST + 1}C${RATING}=2`],
        archive: [
          expect.stringMatching(/^own-wording 1\.2: Your wording for 1\.2; .* gives the full text of 1\.2/),
        ],
        moves: [],
        carried: `1.2->1.2@${FIRST + 1}`,
      },
    ],
  ])('%s', (...[, framework, cells, context, expected]: Case) => {
    expect(summary(decideRow(rowOf(framework, cells), context))).toEqual(expected);
  });

  it('an own cell below the table keeps its distance below the new, longer table', () => {
    const below = kc(lastRow + 2, 2, 'signed off by');
    const decision = summary(decideRow(rowOf(source, [below]), upgradeContext));
    expect(decision).toEqual({
      place: [`Area 1!R${lastRow + 3 + 2}C2=signed off by`],
      archive: [],
      moves: [`B${lastRow + 2}->B${lastRow + 5}`],
      carried: null,
    });
  });

  it('an own cell of a sheet the new layout lacks goes to the archive', () => {
    const below = kc(lastRow + 1, 1, 'x');
    const { toSheet: _gone, ...noSheet } = sameContext;
    const decision = summary(decideRow(rowOf(source, [below]), noSheet));
    expect(decision.archive).toEqual([
      `own-cell -: Your cell A${lastRow + 1} on Area 1, a sheet the new layout does not have.`,
    ]);
    expect(decision.place).toEqual([]);
  });

  it('a second row with the same id is an orphan; the first is carried', () => {
    const rows = readRows(
      sheetOf([...rated(FIRST, '1.1'), ...rated(FIRST + 1, '1.1', 2)]),
      areaCriteria(source, 1),
    );
    const decisions = rows.map((r) => summary(decideRow(r, sameContext)));
    expect(decisions.map((d) => d.carried)).toEqual([`1.1->1.1@${FIRST}`, null]);
    expect(decisions[1]!.archive).toEqual([
      `response 1.1: Row ${FIRST + 1} of Area 1 repeats criterion 1.1; the first row with that id was carried.`,
    ]);
  });
});

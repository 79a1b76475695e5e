/**
 * The group comparison workbook, as `npm run compare` and the pane write it, recalculated by
 * LibreOffice: for every organisation, the level number and words of every area and overall, the
 * share met at each level and the completeness must equal the engine's `score()` of its responses
 * with its own settings. One group joins the draft and the draft with the revised Leadership
 * area through the bundled mapping.
 *
 * A handful of files through one soffice process (LibreOffice is slow to start). Without
 * LibreOffice this test fails and says how to install it: it never passes by skipping.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../src/domain/responses';
import { levelText } from '../../src/domain/levelWords';
import { score, shownShare } from '../../src/domain/scoring';
import { cell } from '../../src/workbook/address';
import { prepareGroup, type Group, type GroupFile } from '../../src/workbook/group/groupInput';
import { GROUP_SHEET, type GroupLayout } from '../../src/workbook/group/groupLayout';
import { buildGroupPlan } from '../../src/workbook/group/groupPlan';
import { writeWorkbookFile } from '../../src/xlsx';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { frameworkArb, ratingArb, rowsOf } from '../builders/arbitraries';
import { readXlsx, type XlsxFile } from '../xlsx/readXlsx';
import { convertAll } from './soffice';

jest.setTimeout(600_000);

const TODAY = { year: 2026, month: 12, day: 3 };
const { draft2009, draftWithRevisedLeadership } = bundledFrameworks;

const settingsArb: fc.Arbitrary<ScoringSettings> = fc.record({
  metThreshold: fc.constantFrom(3, 4),
  requiredShare: fc.constantFrom(1, 0.8, 0.67, 0.57, 0.5),
});

const entryArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<CellValue>(3, 4) },
  { weight: 3, arbitrary: ratingArb },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('4', '=1+3', true, 'n/a') },
);

/** A group with one member per framework given, each with random ratings and settings. */
function groupOf(frameworks: readonly Framework[], seed: number): Group {
  const files = frameworks.map((framework, i): GroupFile => {
    const [chosen] = fc.sample(
      fc.record({
        settings: settingsArb,
        ratings: fc.array(entryArb, {
          minLength: framework.criteria.length,
          maxLength: framework.criteria.length,
        }),
      }),
      { numRuns: 1, seed: seed * 100 + i },
    );
    return {
      fileName: `org-${i + 1}.xlsx`,
      framework,
      organisation: `Organisation ${i + 1}`,
      period: '2026/27',
      responses: rowsOf(framework, chosen!.ratings),
      settings: chosen!.settings,
      problems: [],
      missingSheets: [],
    };
  });
  const group = prepareGroup(files, bundledMappings);
  if (group.status !== 'prepared') throw new Error(`${group.message} ${group.details.join('; ')}`);
  return group;
}

const [randomA, randomB] = fc.sample(frameworkArb, { numRuns: 2, seed: 2323 });
const groups: Group[] = [
  groupOf([draft2009, draft2009, draft2009, draft2009], 1),
  groupOf([draft2009, draft2009, draft2009], 2),
  groupOf([draft2009, draftWithRevisedLeadership, draftWithRevisedLeadership], 3),
  groupOf([randomA!, randomA!, randomA!], 4),
  groupOf([randomB!, randomB!], 5),
];

interface Checked {
  readonly group: Group;
  readonly layout: GroupLayout;
  readonly file: XlsxFile;
}

let checked: Checked[] = [];
const folder = mkdtempSync(join(tmpdir(), 'eq-xlsx-group-'));

beforeAll(async () => {
  const prepared = await Promise.all(
    groups.map(async (group, i) => {
      const { plan, layout } = buildGroupPlan(group, TODAY);
      const path = join(folder, `group-${i}.xlsx`);
      writeFileSync(path, await writeWorkbookFile(plan));
      return { group, layout, path };
    }),
  );
  const outputs = convertAll(
    prepared.map((p) => p.path),
    join(folder, 'recalculated'),
    'xlsx',
    'xlsx',
  );
  checked = prepared.map((p, i) => ({ ...p, file: readXlsx(readFileSync(outputs[i] ?? '')) }));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the group comparison recalculated by LibreOffice', () => {
  it('covers groups of the draft, a group joined through the mapping, and random frameworks', () => {
    expect(checked).toHaveLength(groups.length);
    expect(groups.some((g) => g.members.some((m) => m.mappedFrom !== null))).toBe(true);
    const levels = new Set(
      groups.flatMap((g) =>
        g.members.flatMap((m) =>
          score(g.framework, m.responses, m.settings).areas.map((a) => a.levelReached),
        ),
      ),
    );
    expect(levels.has(0) && [...levels].some((l) => l > 0)).toBe(true);
  });

  it('finds every organisation’s levels, shares met and completeness equal to the engine', () => {
    const mismatches: string[] = [];
    let organisations = 0;
    checked.forEach(({ group, layout, file }, i) => {
      const { framework } = group;
      const cells = file.cells(GROUP_SHEET);
      const value = (row: number, column: number) => cells.get(cell(row, column))?.value ?? '';
      const levels = [...framework.levels].sort((a, b) => a.number - b.number);
      const first = levels[0]?.name ?? '';
      const same = (what: string, row: number, column: number, want: unknown) => {
        const got = value(row, column);
        const close = typeof got === 'number' && typeof want === 'number' && Math.abs(got - want) < 1e-9;
        if (got !== want && !close)
          mismatches.push(
            `group ${i}, ${what} (${cell(row, column)}): file ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`,
          );
      };
      for (const m of group.members) {
        const result = score(framework, m.responses, m.settings);
        const row = layout.memberRow(m.number);
        const shareRow = layout.shares.first + m.number - 1;
        result.areas.forEach((a, ai) => {
          same(
            `${m.organisation} area ${a.area} level`,
            row,
            layout.work.levelNo(ai),
            a.assessed ? a.levelReached : '',
          );
          same(
            `${m.organisation} area ${a.area} words`,
            row,
            layout.table.area(ai),
            levelText({ assessed: a.assessed, levelName: a.levelReachedName }, first),
          );
        });
        same(`${m.organisation} overall`, row, layout.table.overall, levelText(result.overall, first));
        levels.forEach((_, l) => {
          const applicable = result.areas.reduce((n, a) => n + (a.levels[l]?.applicable ?? 0), 0);
          const met = result.areas.reduce((n, a) => n + (a.levels[l]?.met ?? 0), 0);
          same(
            `${m.organisation} share ${l + 1}`,
            shareRow,
            layout.shareColumn(l),
            applicable === 0 ? '' : shownShare(met, applicable),
          );
        });
        same(
          `${m.organisation} completeness`,
          shareRow,
          layout.completenessColumn,
          result.overall.completeness,
        );
        organisations += 1;
      }
    });
    expect(mismatches).toEqual([]);
    expect(organisations).toBeGreaterThanOrEqual(2 * groups.length);
  });
});

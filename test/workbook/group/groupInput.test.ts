/**
 * Preparing a group to compare: duplicates and unreadable files are refused by name, files made
 * from frameworks no mapping joins are refused naming each file, a bundled mapping joins the draft
 * and the draft with the revised Leadership area (and says so), and the criteria blocking each
 * level are counted exactly, checked against a recount from each criterion's status.
 */
import fc from 'fast-check';
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import type { Framework } from '../../../src/domain/framework/types';
import type { CellValue, ScoringSettings } from '../../../src/domain/responses';
import { score } from '../../../src/domain/scoring';
import { criterionSlot } from '../../../src/domain/framework/identity';
import { blockingCriteria } from '../../../src/workbook/group/blocking';
import { prepareGroup, type GroupFile } from '../../../src/workbook/group/groupInput';
import { groupListRows } from '../../../src/workbook/group/groupLists';
import { bundledMappings } from '../../../src/taskpane/bundledMappings';
import { frameworkArb, ratingArb, rowsOf } from '../../builders/arbitraries';

const SETTINGS: ScoringSettings = { metThreshold: 3, requiredShare: 1 };
const { draft2009, leadershipRevision, draftWithRevisedLeadership } = bundledFrameworks;

function file(
  name: string,
  organisation: string,
  period: string,
  framework: Framework = draft2009,
): GroupFile {
  return {
    fileName: name,
    framework,
    organisation,
    period,
    responses: rowsOf(
      framework,
      framework.criteria.map(() => 4),
    ),
    settings: SETTINGS,
    problems: [],
    missingSheets: [],
  };
}

describe('preparing a group', () => {
  it('numbers the members in file order, one row per criterion, names and periods trimmed', () => {
    const group = prepareGroup(
      [file('a.xlsx', ' Riverside Homes ', '2026/27'), file('b.xlsx', 'Hillside', '2026/27')],
      [],
    );
    if (group.status !== 'prepared') throw new Error(group.message);
    expect(group.members.map((m) => [m.number, m.organisation, m.period, m.fileName])).toEqual([
      [1, 'Riverside Homes', '2026/27', 'a.xlsx'],
      [2, 'Hillside', '2026/27', 'b.xlsx'],
    ]);
    expect(group.members[0]!.responses.map((r) => criterionSlot(r.area!, r.criterionId))).toEqual(
      draft2009.criteria.map((c) => criterionSlot(c.area, c.id)),
    );
  });

  it('refuses fewer than two files', () => {
    expect(prepareGroup([file('a.xlsx', 'A', '2026/27')], [])).toMatchObject({
      status: 'refused',
      reason: 'too-few',
    });
  });

  it('refuses the same organisation and period twice, naming the files (spaces and case do not make two)', () => {
    const refused = prepareGroup(
      [
        file('riverside.xlsx', 'Riverside Homes', '2026/27'),
        file('hillside.xlsx', 'Hillside', '2026/27'),
        file('riverside-copy.xlsx', 'riverside  homes', ' 2026/27'),
        file('riverside-2025.xlsx', 'Riverside Homes', '2025/26'),
      ],
      [],
    );
    expect(refused).toMatchObject({
      status: 'refused',
      reason: 'duplicate',
      details: ['Riverside Homes, 2026/27: riverside.xlsx, riverside-copy.xlsx'],
    });
    expect(refused.status === 'refused' && refused.message).toMatch(/does not merge them/);
  });

  it('refuses files whose settings or area sheets cannot be read, naming each file', () => {
    const broken: GroupFile = {
      ...file('broken.xlsx', 'Broken', '2026/27'),
      settings: null,
      problems: ['Start!B13: the share must be a whole percentage'],
      missingSheets: ['Workforce'],
    };
    expect(prepareGroup([file('a.xlsx', 'A', 'x'), broken], [])).toMatchObject({
      status: 'refused',
      reason: 'unreadable-assessment',
      details: [
        'broken.xlsx: the Workforce sheet is missing, so its criteria cannot be read.',
        'broken.xlsx: Start!B13: the share must be a whole percentage',
      ],
    });
  });

  it('refuses files made from frameworks no mapping joins, naming the files of each', () => {
    const other = fc.sample(frameworkArb, { numRuns: 1, seed: 7 })[0]!;
    const refused = prepareGroup(
      [file('a.xlsx', 'A', 'x'), file('b.xlsx', 'B', 'x'), file('c.xlsx', 'C', 'x', other)],
      bundledMappings,
    );
    expect(refused).toMatchObject({
      status: 'refused',
      reason: 'different-frameworks',
      details: [
        `${draft2009.title} (version ${draft2009.version}): a.xlsx, b.xlsx`,
        `${other.title} (version ${other.version}): c.xlsx`,
      ],
    });
    // Without the bundled mapping the draft and its revision cannot be joined either.
    expect(
      prepareGroup([file('a.xlsx', 'A', 'x'), file('r.xlsx', 'R', 'x', draftWithRevisedLeadership)], []),
    ).toMatchObject({ reason: 'different-frameworks' });
  });

  it('joins the draft and the draft with the revised Leadership area through the bundled mapping, and says so', () => {
    const group = prepareGroup(
      [
        file('draft.xlsx', 'Old', '2026/27'),
        file('new-1.xlsx', 'New 1', '2026/27', draftWithRevisedLeadership),
        file('new-2.xlsx', 'New 2', '2026/27', draftWithRevisedLeadership),
      ],
      bundledMappings,
    );
    if (group.status !== 'prepared') throw new Error(group.message);
    expect(group.framework).toBe(draftWithRevisedLeadership);
    expect(group.members.map((m) => m.mappedFrom?.version ?? null)).toEqual([draft2009.version, null, null]);
    const draft = group.members[0]!;
    expect(draft.responses).toHaveLength(draftWithRevisedLeadership.criteria.length);
    // A criterion the mapping carries keeps its rating; one with no counterpart is blank.
    const rated = draft.responses.filter((r) => r.rating === 4).length;
    expect(rated).toBeGreaterThan(0);
    expect(rated).toBeLessThanOrEqual(draft2009.criteria.length);
    expect(leadershipRevision.criteria.length).toBeGreaterThan(0);
  });
});

describe('the criteria blocking each level across the group', () => {
  const ratingsArb = (framework: Framework) =>
    fc.array(fc.oneof(ratingArb, fc.constantFrom<CellValue>(3, 4)), {
      minLength: framework.criteria.length,
      maxLength: framework.criteria.length,
    });
  const caseArb = fc.oneof(fc.constant(draft2009), frameworkArb).chain((framework) =>
    fc.record({
      framework: fc.constant(framework),
      members: fc.array(fc.record({ ratings: ratingsArb(framework), share: fc.constantFrom(1, 0.8, 0.5) }), {
        minLength: 1,
        maxLength: 6,
      }),
      shown: fc.integer({ min: 1, max: 8 }),
    }),
  );

  it('counts, for each criterion, exactly the organisations it holds back at its level', () => {
    fc.assert(
      fc.property(caseArb, ({ framework, members, shown }) => {
        const results = members.map((m) =>
          score(framework, rowsOf(framework, m.ratings), { metThreshold: 3, requiredShare: m.share }),
        );
        // The recount: a criterion not met or not answered, at a level its area has not satisfied,
        // no higher than the area's next level with applicable criteria.
        const recount = new Map<string, { notMet: number; unanswered: number }>();
        for (const result of results) {
          for (const c of result.criteria) {
            const area = result.areas.find((a) => a.area === c.area)!;
            const level = area.levels.find((l) => l.level === c.level)!;
            const blocks =
              area.nextLevel !== null &&
              c.level <= area.nextLevel &&
              !level.satisfied &&
              c.status !== 'met' &&
              c.status !== 'na';
            if (!blocks) continue;
            const key = `${c.area}#${c.criterionId}`;
            const entry = recount.get(key) ?? { notMet: 0, unanswered: 0 };
            if (c.status === 'not-met') entry.notMet += 1;
            else entry.unanswered += 1;
            recount.set(key, entry);
          }
        }
        const levels = blockingCriteria(framework, results, shown);
        for (const level of levels) {
          const all = framework.criteria
            .filter((c) => c.level === level.level)
            .map((c) => {
              const e = recount.get(`${c.area}#${c.id}`) ?? { notMet: 0, unanswered: 0 };
              return { key: `${c.area}#${c.id}`, total: e.notMet + e.unanswered, ...e };
            })
            .filter((c) => c.total > 0);
          expect(level.total).toBe(all.length);
          expect(level.criteria.length).toBe(Math.min(shown, all.length));
          for (const c of level.criteria) {
            const want = recount.get(`${c.area}#${c.criterionId}`);
            expect({ notMet: c.notMet, unanswered: c.unanswered, organisations: c.organisations }).toEqual({
              ...want,
              organisations: (want?.notMet ?? 0) + (want?.unanswered ?? 0),
            });
          }
          // Most organisations first, and nothing left out holds more back than the last shown.
          const counts = level.criteria.map((c) => c.organisations);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
          const listed = new Set(level.criteria.map((c) => `${c.area}#${c.criterionId}`));
          const lowest = counts[counts.length - 1] ?? 0;
          expect(all.filter((c) => !listed.has(c.key)).every((c) => c.total <= lowest)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 2301 },
    );
  });

  it('are listed under the chart as values, labelled as worked out by the add-in on the day', () => {
    const results = [
      score(
        draft2009,
        rowsOf(
          draft2009,
          draft2009.criteria.map(() => 2),
        ),
        SETTINGS,
      ),
    ];
    const group = prepareGroup([file('a.xlsx', 'A', 'x'), file('b.xlsx', 'B', 'x')], []);
    if (group.status !== 'prepared') throw new Error(group.message);
    const lists = groupListRows({
      framework: draft2009,
      members: group.members,
      blockers: blockingCriteria(draft2009, results),
      today: { year: 2026, month: 12, day: 3 },
    });
    expect(lists.rows.every((r) => r.length === lists.width)).toBe(true);
    expect(String(lists.rows[1]?.[0])).toMatch(/^Worked out by the add-in on .*2026.* values, not formulas/);
    expect(lists.rows.flat().some((c) => typeof c === 'object' && c !== null)).toBe(false);
    const first = draft2009.criteria.find((c) => c.level === 1)!;
    expect(lists.rows).toContainEqual([
      draft2009.levels[0]!.name,
      draft2009.areas.find((a) => a.number === first.area)!.shortName,
      first.id,
      first.text,
      1,
      1,
      0,
    ]);
  });
});

/**
 * Engine throughput: checks and scoring of many responses, pure code, no Excel. Two mixes:
 * - "in use": an assessment as it stands mid-year: most ratings valid with evidence, notes for
 *   N/A and review dates ahead, and about one response in twenty with each kind of problem;
 * - "worst case": every response with one or more problems (a third of the ratings not
 *   recognised, most review dates past), so nearly every response produces issues.
 * Reported, not budgeted: the earlier budget (100,000 responses under 200 ms) was replaced in
 * issue 23 by the figures of real work at that scale, combining 200 copies (groupJobs.ts).
 */
import { check } from '../src/domain/checks';
import type { Framework } from '../src/domain/framework/types';
import type { CellValue, ResponseRow } from '../src/domain/responses';
import { score } from '../src/domain/scoring';
import { buildFramework } from '../test/builders/framework';

export type Mix = 'in use' | 'worst case';

export interface Throughput {
  readonly mix: Mix;
  readonly responses: number;
  readonly issues: number;
  readonly checkMs: number;
  readonly scoreMs: number;
}

/** 23 November 2026 as an Excel serial, and a date 90 days on. */
const TODAY = new Date(2026, 10, 23);
const SERIAL_TODAY = 46_349;

function inUse(i: number): Omit<ResponseRow, 'criterionId' | 'cells'> {
  const problem = i % 20; // one in twenty of each problem kind below
  const rating: CellValue =
    problem === 1 ? ' 4 ' : problem === 2 ? 'maybe' : problem === 3 ? 'N/A' : (i % 4) + 1;
  return {
    rating,
    evidence: problem === 4 ? '' : 'Minutes of the March board meeting',
    difference: 'Fewer complaints from disabled residents',
    owner: 'Head of Housing',
    reviewDate:
      problem === 5 ? SERIAL_TODAY - 30 : problem === 6 ? 'next spring' : SERIAL_TODAY + 90 + (i % 200),
    notes: problem === 3 && i % 40 === 3 ? '' : 'Reviewed at the equality forum',
  };
}

function worstCase(i: number): Omit<ResponseRow, 'criterionId' | 'cells'> {
  const values: CellValue[] = [1, 2, 3, 4, 'N/A', '', ' 4 ', 'in place and effective', 'maybe'];
  return {
    rating: values[i % values.length] ?? '',
    evidence: i % 3 === 0 ? '' : 'Minutes of the March board meeting',
    difference: '',
    owner: i % 2 === 0 ? 'Head of Housing' : '',
    reviewDate: i % 4 === 0 ? '' : 46_000 + (i % 400),
    notes: i % 5 === 0 ? '' : 'Reviewed',
  };
}

/** A framework of five areas and three levels with about `n` criteria, and a response for each. */
function assessment(n: number, mix: Mix): { framework: Framework; responses: ResponseRow[] } {
  const framework = buildFramework({ areas: 5, levels: 3, criteria: Math.ceil(n / 15) });
  const fields = mix === 'in use' ? inUse : worstCase;
  const responses = framework.criteria.map((c, i): ResponseRow => ({
    criterionId: c.id,
    ...fields(i),
    cells: { rating: `'Area'!F${i + 5}` },
  }));
  return { framework, responses };
}

/** Best of `runs` timings, after one warm-up: the figure least disturbed by the machine. */
function best(runs: number, fn: () => unknown): number {
  fn();
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

export function engineThroughput(n: number, mix: Mix): Throughput {
  const { framework, responses } = assessment(n, mix);
  const settings = { metThreshold: 3, requiredShare: 1 };
  return {
    mix,
    responses: responses.length,
    issues: check(framework, responses, settings, { today: TODAY }).length,
    checkMs: best(5, () => check(framework, responses, settings, { today: TODAY })),
    scoreMs: best(5, () => score(framework, responses, settings)),
  };
}

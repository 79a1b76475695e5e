/** Engine throughput: checks and scoring of many responses, pure code, no Excel. */
import { check } from '../src/domain/checks';
import type { Framework } from '../src/domain/framework/types';
import type { ResponseRow } from '../src/domain/responses';
import { score } from '../src/domain/scoring';
import { buildFramework } from '../test/builders/framework';

export interface Throughput {
  readonly responses: number;
  readonly checkMs: number;
  readonly scoreMs: number;
}

/** A framework of five areas and three levels with about `n` criteria, and a response for each. */
function assessment(n: number): { framework: Framework; responses: ResponseRow[] } {
  const perAreaLevel = Math.ceil(n / 15);
  const framework = buildFramework({ areas: 5, levels: 3, criteria: perAreaLevel });
  const values = [1, 2, 3, 4, 'N/A', '', ' 4 ', 'in place and effective', 'maybe'];
  const responses = framework.criteria.map((c, i): ResponseRow => ({
    criterionId: c.id,
    rating: values[i % values.length] ?? '',
    evidence: i % 3 === 0 ? '' : 'Minutes of the March board meeting',
    difference: '',
    owner: i % 2 === 0 ? 'Head of Housing' : '',
    reviewDate: i % 4 === 0 ? '' : 46_000 + (i % 400),
    notes: i % 5 === 0 ? '' : 'Reviewed',
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

export function engineThroughput(n: number): Throughput {
  const { framework, responses } = assessment(n);
  const settings = { metThreshold: 3, requiredShare: 1 };
  const today = new Date(2026, 10, 23);
  return {
    responses: responses.length,
    checkMs: best(5, () => check(framework, responses, settings, { today })),
    scoreMs: best(5, () => score(framework, responses, settings)),
  };
}

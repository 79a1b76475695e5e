/** Test helper: responses of every kind an officer types, for every criterion, the same for a seed. */
import type { CellValue, Framework, ResponseRow } from '../../src/domain';

/** A deterministic spread of responses: every kind of value an officer types, for every criterion. */
export function sampleResponses(framework: Framework, seed = 1): ResponseRow[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const scale = framework.ratingScale.points.map((p) => p.value);
  const texts = [
    'Policy & plan agreed',
    '=1+3 typed as text',
    'Résumé “quoted” <b>',
    '  spaced  ',
    'Line one\nline two',
  ];
  return framework.areas.flatMap((area) =>
    framework.criteria
      .filter((c) => c.area === area.number)
      .map((c): ResponseRow => {
        const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
        const maybe = (value: CellValue): CellValue => (next() < 0.3 ? '' : value);
        return {
          criterionId: c.id,
          area: area.number,
          rating: maybe(pick(scale)),
          evidence: maybe(pick(texts)),
          difference: maybe(pick(texts)),
          owner: maybe(pick(['Equality lead', 'HR', 'Ana Ó Súilleabháin'])),
          reviewDate: maybe(new Date(Date.UTC(2027, Math.floor(next() * 12), 1 + Math.floor(next() * 28)))),
          notes: maybe(pick(texts)),
        };
      }),
  );
}

/**
 * One refusal type for every operation that can decline (docs/architecture.md, "Results and
 * refusals"): built by refuse(), recognised by isRefusal(), whatever success sits beside it.
 */
import { isRefusal, refuse, type Refusal } from '../../src/domain';

type Outcome = { readonly status: 'done'; readonly value: number } | Refusal<'no-board'>;

describe('refusal', () => {
  it('carries its reason, message and the cells concerned', () => {
    expect(refuse('no-board', 'There is no board.', ['Board!A1'])).toEqual({
      status: 'refused',
      reason: 'no-board',
      message: 'There is no board.',
      details: ['Board!A1'],
    });
    expect(refuse('no-board', 'There is no board.').details).toEqual([]);
  });

  it('tells a refusal from a success, narrowing the type', () => {
    const outcomes: Outcome[] = [{ status: 'done', value: 3 }, refuse('no-board', 'none')];
    const described = outcomes.map((o) => (isRefusal(o) ? `refused: ${o.message}` : `done: ${o.value}`));
    expect(described).toEqual(['done: 3', 'refused: none']);
  });
});

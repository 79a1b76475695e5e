/**
 * The one way an operation says it did nothing, on purpose: a refusal. Every operation that can
 * decline (generate, regenerate, upgrade, check, board refresh, copy, download) returns its own
 * success, tagged by a `status` word saying what happened ('generated', 'refreshed', ...), or a
 * Refusal. The officer reads `message`, then `details` (the cells, sheets or files concerned,
 * one line each); `reason` is for code that reacts to a particular cause.
 *
 * Parsers of input (a framework file, a mapping, the meta block) have a second, separate shape:
 * `{ ok: true, ... } | { ok: false, problems }`, because their failures are lists of problems,
 * each with its place, rather than one decision. docs/architecture.md, "Results and refusals".
 */
export interface Refusal<Reason extends string = string> {
  readonly status: 'refused';
  readonly reason: Reason;
  /** What the officer reads: what is wrong, that nothing was changed, and what to do. */
  readonly message: string;
  /** Cells, sheets or files concerned, one line each. */
  readonly details: readonly string[];
}

export function refuse<Reason extends string>(
  reason: Reason,
  message: string,
  details: readonly string[] = [],
): Refusal<Reason> {
  return { status: 'refused', reason, message, details };
}

/** True for a refusal, whatever the success type beside it. */
export function isRefusal(outcome: { readonly status: string }): outcome is Refusal {
  return outcome.status === 'refused';
}

/**
 * Focus after a fix, once: when the list first changes after the fix, to the problem that took
 * the fixed one's place. Never again for that fix, so a later live check (the officer typing in
 * the sheet) does not pull focus into the pane. `order` holds only problems in open sections:
 * the one after the last error may sit in a folded section of warnings, where focusing it would
 * drop the focus to the page.
 */
import { useLayoutEffect, useRef, type MutableRefObject } from 'react';
import type { WorkbookProblem } from '../../workbook/audit';
import { placeOf } from './issueGroups';

export interface FixFocus {
  /** The problem to focus in this commit, if any: give it `target` as its ref. */
  readonly focusKey: string | null;
  /** The problem the notice stays with: the one focus went to for this fix, until the next action. */
  readonly noticeKey: string | null;
  readonly target: MutableRefObject<HTMLLIElement | null>;
}

export function useFixFocus(
  problems: readonly WorkbookProblem[],
  order: string[],
  fixedKey: string | null,
): FixFocus {
  const lastOrder = useRef(order);
  const pending = useRef<{ fixed: string; order: string[]; problems: readonly WorkbookProblem[] } | null>(
    null,
  );
  // Where focus went for this fix: the notice stays with that problem until the next action.
  const placed = useRef<string | null>(null);
  if (fixedKey !== null && pending.current?.fixed !== fixedKey) {
    pending.current = { fixed: fixedKey, order: lastOrder.current, problems };
    placed.current = null;
  }
  if (fixedKey === null) {
    pending.current = null;
    placed.current = null;
  }
  const waiting = pending.current;
  const focusKey =
    waiting && waiting.problems !== problems ? placeOf(waiting.fixed, waiting.order, order) : null;
  const target = useRef<HTMLLIElement | null>(null);
  // A layout effect: focus moves in the same commit that removes the fixed problem, before the
  // browser paints, so there is no moment with the focus on the page.
  useLayoutEffect(() => {
    lastOrder.current = order;
    if (focusKey !== null && waiting) {
      placed.current = focusKey;
      target.current?.focus();
      // Done for this fix: keep the key (so it is not taken again) but stop waiting.
      pending.current = { ...waiting, problems };
    }
  });
  return { focusKey, noticeKey: focusKey ?? placed.current, target };
}

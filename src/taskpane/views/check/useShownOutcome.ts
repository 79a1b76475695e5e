/**
 * The outcome the Check view shows, from a check the officer asked for or a live check. Each is
 * announced, but a live check only when what it lists has changed, so typing in the sheet does not
 * make the screen reader repeat the same count.
 */
import { useCallback, useRef, useState } from 'react';
import type { CheckOutcome } from '../../../excel/checkWorkbook';
import type { Announce } from '../../components/Announcer';
import { countWords } from '../../components/issueGroups';

export type ShowOutcome = (outcome: CheckOutcome, why: 'check' | 'live') => void;

export function useShownOutcome(announce: Announce): { shown: CheckOutcome | null; show: ShowOutcome } {
  const [shown, setShown] = useState<CheckOutcome | null>(null);
  const lastKeys = useRef<string | null>(null);

  const show = useCallback<ShowOutcome>(
    (outcome, why) => {
      setShown(outcome);
      const keys = outcome.status === 'checked' ? outcome.problems.map((p) => p.key).join('\n') : '';
      const first = lastKeys.current === null;
      if (why === 'live' && !first && keys === lastKeys.current) return;
      lastKeys.current = keys;
      if (outcome.status === 'refused') {
        announce(outcome.message);
      } else {
        announce(
          `${why === 'live' && !first ? 'Checked your change' : 'Check finished'}: ${countWords(outcome.problems)}.`,
        );
      }
    },
    [announce],
  );
  return { shown, show };
}

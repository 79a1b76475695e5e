/**
 * The changes the officer can ask for from the Check view: the certain fixes (one or all), the
 * formula repair and going to a cell. Each is announced, and all but going to a cell are followed
 * by a fresh check, so the list shows what is left.
 */
import { useCallback, useState } from 'react';
import type { Framework } from '../../../domain/index';
import type { CheckOutcome } from '../../../excel/checkWorkbook';
import type { ProblemFix, WorkbookProblem } from '../../../workbook/audit';
import type { OwnWrite } from '../../../workbook/changeLog';
import type { Announce } from '../../components/Announcer';
import { fixedWords, fixPlace, leftAloneWords } from '../../components/problemWords';
import { useTask } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import type { Session } from '../../session/useSession';
import { planSettingsOf } from '../workbookSettings';
import type { ActionDone } from './CheckResult';

type Checked = Extract<CheckOutcome, { status: 'checked' }>;

interface Options {
  readonly gateway: Session['gateway'];
  readonly engine: Engine;
  readonly framework: Framework;
  readonly runCheck: () => Promise<void>;
  readonly announce: Announce;
  /** Told the cells a fix is about to write (the change log names them as the add-in's). */
  readonly beforeWrite?: (writes: readonly OwnWrite[]) => void;
}

export function useCheckActions({ gateway, engine, framework, runCheck, announce, beforeWrite }: Options) {
  const action = useTask<ActionDone>('change the workbook');
  // The problem whose own Fix button was pressed: focus goes to its place when the list comes back.
  const [fixedKey, setFixedKey] = useState<string | null>(null);

  /** Runs a change the officer asked for, announces it, then checks again to show what is left. */
  const change = useCallback(
    async (work: () => Promise<ActionDone>, fromProblem: string | null = null) => {
      setFixedKey(fromProblem);
      const state = await action.run(work);
      if (state.status === 'failed') {
        announce(state.problem.message, 'assertive');
        return;
      }
      if (state.status !== 'done') return;
      announce(state.value.text);
      if (state.value.kind !== 'selected') await runCheck();
    },
    [action.run, announce, runCheck],
  );

  const applyFixes = useCallback(
    (fixes: readonly ProblemFix[], from?: WorkbookProblem) =>
      change(async () => {
        const { applied, skipped } = await engine.applyFixes(
          gateway,
          fixes,
          beforeWrite ? { beforeWrite } : {},
        );
        return fixedText(applied, skipped);
      }, from?.key ?? null),
    [change, engine, gateway, beforeWrite],
  );

  const repair = useCallback(
    (outcome: Checked) =>
      change(async () => {
        // Rebuilt with the workbook's own settings: only formulas are written, and they are the
        // same whatever the settings, but the plan is the one this workbook was generated from.
        const read = engine.assessmentFrom(framework, outcome.snapshot);
        const plan = engine.buildPlan(framework, planSettingsOf(framework, read).settings).plan;
        // Compared with what this check saw: a cell changed since (a co-author) stops the repair.
        const repaired = await engine.repairFormulas(gateway, plan, outcome.snapshot);
        if (repaired.status === 'refused') {
          return {
            kind: 'repaired',
            intent: 'warning',
            text: [repaired.message, ...repaired.details].join(' '),
          };
        }
        return repairedText(repaired.sheets);
      }),
    [change, engine, framework, gateway],
  );

  const goTo = useCallback(
    (cell: string) =>
      change(async () => {
        await engine.selectCell(gateway, cell);
        return { kind: 'selected', intent: 'success', text: `Selected ${cell} in the workbook.` };
      }),
    [change, engine, gateway],
  );

  return { action: action.state, fixedKey, applyFixes, repair, goTo };
}

function repairedText(sheets: readonly string[]): ActionDone {
  return {
    kind: 'repaired',
    intent: 'success',
    text:
      sheets.length > 0
        ? `Rewrote the add-in’s formulas on ${sheets.join(', ')}. Your ratings and notes were not touched.`
        : 'None of the sheets whose formulas the add-in writes is in the workbook, so nothing was repaired.',
  };
}

function fixedText(applied: readonly ProblemFix[], skipped: readonly ProblemFix[]): ActionDone {
  const fixed = fixedWords(applied);
  if (skipped.length === 0) return { kind: 'fixed', intent: 'success', text: fixed, skipped: [] };
  const places = skipped.map(fixPlace);
  return {
    kind: 'fixed',
    intent: 'warning',
    text:
      `${fixed} ${leftAloneWords(skipped)} left alone because ` +
      `${skipped.length === 1 ? 'it has' : 'they have'} changed since the check: ${places.join(', ')}. ` +
      'The list below has been checked again.',
    skipped: places,
  };
}

/**
 * The checks of the Check view: live checks while the view is open, and a full check on demand
 * (Check again, after a change, or once when it opens if live checks could not start).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Framework } from '../../../domain/index';
import type { CheckOutcome } from '../../../excel/checkWorkbook';
import type { ExcelProblem } from '../../../excel/errors';
import type { BuiltPlan } from '../../../workbook/buildPlan';
import type { Announce } from '../../components/Announcer';
import { useTask } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import type { Session } from '../../session/useSession';
import { useLiveChecks } from './useLiveChecks';
import type { ShowOutcome } from './useShownOutcome';

interface Options {
  readonly gateway: Session['gateway'];
  readonly engine: Engine;
  readonly framework: Framework;
  /** The cell positions and formulas the audit compares the workbook with. */
  readonly built: BuiltPlan;
  readonly show: ShowOutcome;
  readonly announce: Announce;
}

export function useCheckRun({ gateway, engine, framework, built, show, announce }: Options) {
  const check = useTask<CheckOutcome>('check the workbook');
  const [liveProblem, setLiveProblem] = useState<ExcelProblem | null>(null);

  const onLiveError = useCallback(
    (problem: ExcelProblem) => {
      setLiveProblem(problem);
      announce(problem.message, 'assertive');
    },
    [announce],
  );
  const onLiveUpdate = useCallback(
    (outcome: CheckOutcome) => {
      setLiveProblem(null);
      show(outcome, 'live');
    },
    [show],
  );
  const live = useLiveChecks({
    gateway,
    engine,
    framework,
    built,
    onUpdate: onLiveUpdate,
    onError: onLiveError,
  });

  const runCheck = useCallback(async () => {
    const state = await check.run(() =>
      engine.checkWorkbook(gateway, framework, built, { today: new Date() }),
    );
    if (state.status === 'done') show(state.value, 'check');
    else if (state.status === 'failed') announce(state.problem.message, 'assertive');
  }, [check.run, engine, gateway, framework, built, show, announce]);

  // Live checks read the whole workbook when they start; if they could not start, the view
  // checks once when it opens.
  const checkOnOpen = live.status === 'failed';
  const liveFailure = live.status === 'failed' ? live.problem.message : null;
  useEffect(() => {
    if (liveFailure) announce(liveFailure, 'assertive');
  }, [liveFailure, announce]);
  useEffect(() => {
    if (checkOnOpen) void runCheck();
  }, [checkOnOpen, runCheck]);

  return { check: check.state, live, liveProblem, runCheck };
}

/**
 * Live checks while the Check view is open (ExcelApi 1.7 change events): started when the view
 * mounts, stopped when it unmounts or the framework changes. Each update replaces the list; a
 * change that could not be checked, or live checks that could not start, become a problem the
 * view shows. Every host the add-in runs on has 1.7 (the manifest asks for 1.9).
 */
import { useEffect, useRef, useState } from 'react';
import type { Framework } from '../../../domain/index';
import type { CheckOutcome } from '../../../excel/checkWorkbook';
import { describeExcelError, type ExcelProblem } from '../../../excel/errors';
import type { BuiltPlan } from '../../../workbook/buildPlan';
import type { Session } from '../../session/useSession';
import type { Engine } from '../../loadEngine';

export type LiveState =
  | { readonly status: 'starting' }
  | { readonly status: 'on' }
  /** Live checks could not start; the officer checks on demand. */
  | { readonly status: 'failed'; readonly problem: ExcelProblem };

interface Options {
  readonly gateway: Session['gateway'];
  readonly engine: Engine;
  readonly framework: Framework;
  /** Positions and formulas only: they do not depend on the settings (see CheckView). */
  readonly built: BuiltPlan;
  readonly onUpdate: (outcome: CheckOutcome) => void;
  /** A change heard while live could not be checked. */
  readonly onError: (problem: ExcelProblem) => void;
}

export function useLiveChecks({ gateway, engine, framework, built, onUpdate, onError }: Options): LiveState {
  const [state, setState] = useState<LiveState>({ status: 'starting' });

  // The latest callbacks, without restarting live checks (a full read) when their identity changes.
  const callbacks = useRef({ onUpdate, onError });
  callbacks.current = { onUpdate, onError };

  useEffect(() => {
    const report = (problem: ExcelProblem) => callbacks.current.onError(problem);
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    setState({ status: 'starting' });
    engine
      .startLiveChecks(gateway, framework, built, {
        today: () => new Date(),
        onUpdate: (outcome) => {
          if (!stopped) callbacks.current.onUpdate(outcome);
        },
        onError: (error) => {
          if (!stopped) report(describeExcelError(error, 'check your change'));
        },
      })
      .then(
        (live) => {
          stop = () => live.stop();
          if (stopped) {
            void stopAndReport(stop, report);
          } else {
            setState({ status: 'on' });
          }
        },
        (error: unknown) => {
          if (!stopped)
            setState({ status: 'failed', problem: describeExcelError(error, 'start live checks') });
        },
      );
    return () => {
      stopped = true;
      if (stop) void stopAndReport(stop, report);
    };
  }, [engine, gateway, framework, built]);

  return state;
}

/**
 * Stopping removes the change handlers. If Excel fails to remove them the handlers stay until
 * the pane closes; the officer is told rather than the error being lost.
 */
async function stopAndReport(stop: () => Promise<void>, onError: Options['onError']): Promise<void> {
  try {
    await stop();
  } catch (error: unknown) {
    onError(describeExcelError(error, 'stop live checks'));
  }
}

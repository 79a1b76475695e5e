/**
 * The change log while the pane is open (src/excel/changeLog.ts): started once the workbook holds
 * an assessment the pane understands and the engine is loaded, stopped when the pane closes or the
 * framework changes (a regenerate or upgrade restarts it on the new sheets). Gives the views the
 * log's state for its line, the switch, and the hook the add-in's own writes use so the log names
 * them as the add-in's.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Framework } from '../../domain/index';
import type { ChangeLogger, ChangeLogStatus } from '../../excel/changeLog';
import { describeExcelError, type ExcelProblem } from '../../excel/errors';
import type { OwnWrite } from '../../workbook/changeLog';
import type { Announce } from '../components/Announcer';
import type { Session } from './useSession';
import type { Engine } from '../loadEngine';

export type ChangeLogState =
  | { readonly status: 'starting' }
  | ChangeLogStatus
  /** The log could not start, or a change could not be logged. */
  | { readonly status: 'failed'; readonly problem: ExcelProblem };

export interface ChangeLogControls {
  readonly state: ChangeLogState;
  /** Turns logging on or off; a failure becomes the state's problem. */
  readonly setLogging: (on: boolean) => Promise<void>;
  /** For applyFixes: the cells about to be written are the add-in's changes. */
  readonly expectOwnWrites: (writes: readonly OwnWrite[]) => void;
}

export function useChangeLog(
  gateway: Session['gateway'],
  /** Null until the pane knows the workbook holds an assessment of a known framework. */
  engine: Engine | null,
  framework: Framework | null,
  announce: Announce,
): ChangeLogControls {
  const [state, setState] = useState<ChangeLogState>({ status: 'starting' });
  const frameworkKey = framework ? `${framework.id}\n${framework.version}` : null;
  const logger = useRef<ChangeLogger | null>(null);

  useEffect(() => {
    if (!engine || !framework) {
      setState({ status: 'starting' });
      return undefined;
    }
    let stopped = false;
    const fail = (error: unknown, doing: string) => {
      if (!stopped) setState({ status: 'failed', problem: describeExcelError(error, doing) });
    };
    setState({ status: 'starting' });
    engine
      .startChangeLog(gateway, framework, {
        now: () => new Date(),
        onStatus: (status) => {
          if (!stopped) setState(status);
        },
        onError: (error) => fail(error, 'log your change'),
      })
      .then(
        (started) => {
          if (stopped) void stopAndAnnounce(started, announce);
          else logger.current = started;
        },
        (error: unknown) => fail(error, 'start the change log'),
      );
    return () => {
      stopped = true;
      const started = logger.current;
      logger.current = null;
      if (started) void stopAndAnnounce(started, announce);
    };
    // Keyed on the framework's identity, not the object: the pane reads the workbook again after
    // every operation and builds an equal framework, which must not restart the log (nor its count).
  }, [engine, gateway, frameworkKey, announce]);

  const setLogging = useCallback(async (on: boolean) => {
    try {
      await logger.current?.setLogging(on);
    } catch (error: unknown) {
      setState({
        status: 'failed',
        problem: describeExcelError(error, on ? 'turn the log on' : 'turn the log off'),
      });
    }
  }, []);
  const expectOwnWrites = useCallback(
    (writes: readonly OwnWrite[]) => logger.current?.expectOwnWrites(writes),
    [],
  );
  return { state, setLogging, expectOwnWrites };
}

/** The log stops (framework changed): a failure to remove the handler is announced. */
async function stopAndAnnounce(logger: ChangeLogger, announce: Announce): Promise<void> {
  try {
    await logger.stop();
  } catch (error: unknown) {
    announce(describeExcelError(error, 'stop the change log').message, 'assertive');
  }
}

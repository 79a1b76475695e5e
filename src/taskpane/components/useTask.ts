/**
 * One async action of a view (generate, check, read results) as state the view can always draw:
 * idle, running, done with a value, or failed with the error in words. Errors are never dropped:
 * they become `failed` with describeExcelError's message and details.
 */
import { useCallback, useRef, useState } from 'react';
import { describeExcelError, type ExcelProblem } from '../../excel/errors';

export type TaskState<T> =
  | { readonly status: 'idle' }
  /** `previous`: the last value, so a view can keep showing it while it runs again. */
  | { readonly status: 'running'; readonly previous: T | undefined }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly problem: ExcelProblem };

export function useTask<T>(doing: string): {
  state: TaskState<T>;
  run: (work: () => Promise<T>) => Promise<TaskState<T>>;
  reset: () => void;
} {
  const [state, setState] = useState<TaskState<T>>({ status: 'idle' });
  // Only the latest run may set the state: an older one finishing late must not overwrite it.
  const latest = useRef(0);
  const run = useCallback(
    async (work: () => Promise<T>): Promise<TaskState<T>> => {
      const id = ++latest.current;
      setState((old) => ({
        status: 'running',
        previous: old.status === 'done' ? old.value : old.status === 'running' ? old.previous : undefined,
      }));
      let next: TaskState<T>;
      try {
        next = { status: 'done', value: await work() };
      } catch (error: unknown) {
        next = { status: 'failed', problem: describeExcelError(error, doing) };
      }
      if (id === latest.current) setState(next);
      return next;
    },
    [doing],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ status: 'idle' });
  }, []);
  return { state, run, reset };
}

/** The value to show: the result, or the previous one while running again. */
export function latestValue<T>(state: TaskState<T>): T | undefined {
  if (state.status === 'done') return state.value;
  if (state.status === 'running') return state.previous;
  return undefined;
}

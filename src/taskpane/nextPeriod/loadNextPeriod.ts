/** Loads "Start next period" (its reader, planner and the .xlsx writer) on demand, once; a failed load is retried next call. */
export type NextPeriodModule = typeof import('./nextPeriodModule');

let loading: Promise<NextPeriodModule> | undefined;

export function loadNextPeriod(): Promise<NextPeriodModule> {
  loading ??= import(/* webpackChunkName: "next-period" */ './nextPeriodModule').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

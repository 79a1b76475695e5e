/** Loads the combining code on demand, once; a failed load (a dropped connection) is retried next call. */
export type CombineModule = typeof import('./combineModule');

let loading: Promise<CombineModule> | undefined;

export function loadCombine(): Promise<CombineModule> {
  loading ??= import(/* webpackChunkName: "combine" */ './combineModule').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

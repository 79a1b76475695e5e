/** Loads the group comparison on demand, once; a failed load (a dropped connection) is retried next call. */
export type GroupModule = typeof import('./groupModule');

let loading: Promise<GroupModule> | undefined;

export function loadGroup(): Promise<GroupModule> {
  loading ??= import(/* webpackChunkName: "group" */ './groupModule').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

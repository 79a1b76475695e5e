/**
 * Loads src/taskpane/engine.ts on demand. This file must stay tiny and import the engine only
 * through import(): a static import would pull the frameworks, zod and the scoring engine into
 * the bundle the pane needs before its first view.
 */
export type Engine = typeof import('./engine');

let loading: Promise<Engine> | undefined;

/** The engine module, loaded once; a failed load (say, a dropped connection) is retried next call. */
export function loadEngine(): Promise<Engine> {
  loading ??= import(/* webpackChunkName: "engine" */ './engine').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

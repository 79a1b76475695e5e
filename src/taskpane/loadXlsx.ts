/**
 * Loads the .xlsx writer (src/xlsx and its zip library) on demand, only when the officer asks for
 * a download: it is not needed to open the pane, so it stays out of the initial bundle.
 */
export type XlsxWriter = typeof import('../xlsx/index');

let loading: Promise<XlsxWriter> | undefined;

/** The writer module, loaded once; a failed load (a dropped connection) is retried next call. */
export function loadXlsx(): Promise<XlsxWriter> {
  loading ??= import(/* webpackChunkName: "xlsx" */ '../xlsx/index').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Which framework files are read as workbooks, by their names. Apart from the reader so that the
 * pane can decide before it loads the reader (and its zip library) on demand.
 */

/** Files read as framework workbooks: Excel's .xlsx, and .xlsm, which is the same format with macros. */
export function isWorkbookName(name: string): boolean {
  return /\.xls[xm]$/i.test(name);
}

/**
 * What to say about a spreadsheet saved in a format this reader does not take (the old .xls, the
 * binary .xlsb, LibreOffice's .ods, Numbers, CSV), or null for any other name.
 */
export function otherSpreadsheetProblem(name: string): string | null {
  const m = /\.(xls|xlsb|ods|numbers|csv)$/i.exec(name);
  if (!m) return null;
  return `it is saved as .${(m[1] ?? '').toLowerCase()}, which the add-in does not read; open it and save it as an Excel Workbook (.xlsx), then choose that file`;
}

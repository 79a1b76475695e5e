/** Writing the workbook plan as an .xlsx file (template download and command line). */
export { writeWorkbookFile, workbookParts } from './writeWorkbookFile';
export { readWorkbookCells, XlsxReadError } from './readCells';
export { isWorkbookName, otherSpreadsheetProblem } from './fileNames';

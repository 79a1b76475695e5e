/**
 * Framework files for `npm run template`: a framework is read from JSON or from an .xlsx file
 * written as sheets (the format the add-in's template has), through the same loaders as in the
 * pane, and a framework can be written out as that .xlsx template (`--framework-template`).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadFramework, type LoadResult } from '../src/domain/framework/loader';
import { loadFrameworkSheets } from '../src/domain/framework/sheets/read';
import { frameworkTemplatePlan } from '../src/workbook/frameworkTemplate';
import type { Framework } from '../src/domain/framework/types';
import {
  isWorkbookName,
  otherSpreadsheetProblem,
  readWorkbookCells,
  writeWorkbookFile,
  XlsxReadError,
} from '../src/xlsx';

/**
 * Loads a framework file by its name: sheets for .xlsx, JSON otherwise. `readError` turns a
 * system error into words; a file that is not a workbook comes back as a problem in the result.
 */
export function loadFrameworkFile(file: string): LoadResult {
  const name = basename(file);
  const other = otherSpreadsheetProblem(name);
  if (other) return { ok: false, problems: [{ file: name, path: '$', message: other }] };
  if (!isWorkbookName(name)) return loadFramework(readFileSync(file, 'utf8'), name);
  try {
    return loadFrameworkSheets(readWorkbookCells(readFileSync(file)), name);
  } catch (error: unknown) {
    if (!(error instanceof XlsxReadError)) throw error;
    return { ok: false, problems: [{ file: name, path: '$', message: error.message }] };
  }
}

/** The framework template's bytes: the framework laid out as sheets, ready to edit in Excel. */
export function frameworkTemplateBytes(framework: Framework): Promise<Uint8Array> {
  return writeWorkbookFile(frameworkTemplatePlan(framework));
}

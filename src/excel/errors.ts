/**
 * Office errors in the officer's words, with what to do next. Office rejects `context.sync()`
 * with an OfficeExtension.Error whose `code` says what went wrong; anything else is a bug of ours
 * and is shown as such rather than hidden.
 */
import type { XlErrorCode } from './api';

const ADVICE: Readonly<Record<XlErrorCode, string>> = {
  ItemNotFound:
    'A sheet, range or name the add-in expected is missing. Check that no sheet was renamed or deleted, then try again.',
  InvalidArgument:
    'Excel did not accept a value the add-in wrote. Try again; if it happens again, report it with the details below.',
  InvalidOperation:
    'Excel could not do this right now. Finish editing any cell (press Enter or Esc), then try again.',
  AccessDenied:
    'A sheet is protected or the workbook is read-only. Unprotect the sheet (Review > Unprotect Sheet) or save an editable copy, then try again.',
  ApiNotFound:
    'This version of Excel lacks a feature the add-in needs. Update Excel or use Excel on the web.',
  InvalidObjectPath: 'The workbook changed while the add-in was working. Try again.',
  PropertyNotLoaded: 'The add-in read something from Excel too early. This is a bug: please report it.',
  ItemAlreadyExists:
    'A sheet or name the add-in wanted to create already exists. Rename or delete it, then try again.',
  GeneralException:
    'Excel reported an unexpected error. Save the workbook, close and reopen the task pane, and try again.',
  RequestPayloadSizeLimitExceeded:
    'The change was too large for Excel to take in one go. Please report this with the size of your framework.',
};

export interface ExcelProblem {
  /** What the officer reads: what went wrong and what to do. */
  readonly message: string;
  /** Office's code and message, for a support request. */
  readonly details: string;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function describeExcelError(error: unknown, doing: string): ExcelProblem {
  const code = codeOf(error);
  const raw = error instanceof Error ? error.message : String(error);
  const advice = code !== undefined && code in ADVICE ? ADVICE[code as XlErrorCode] : undefined;
  if (advice) {
    return { message: `Could not ${doing}. ${advice}`, details: `${code}: ${raw}` };
  }
  return {
    message: `Could not ${doing} because of an unexpected error. Please report it with the details below.`,
    details: code ? `${code}: ${raw}` : raw,
  };
}

/**
 * Reading a review-date cell. A date is a calendar day (no time, no time zone): officers think
 * in days, and comparing Date objects across time zones would move a deadline by one.
 *
 * `readDate` accepts: an Excel serial number from 01/01/1901 to 31/12/9999 (a time of day is
 * ignored), a valid Date (its local calendar day), and text "dd/mm/yyyy" (day and month may be one
 * digit) or "yyyy-mm-dd" naming a real day. Anything else is invalid.
 *
 * A review date is read more strictly (`readReviewDate`): only what Excel holds as a date counts,
 * because that is all the sheet's own highlight can read. See readReviewDate for why.
 */
import type { CellValue } from './responses';
import { describeCellValue } from './cellText';
import { isBlankCell } from './rating';

export interface CalendarDate {
  readonly year: number;
  /** 1 to 12 */
  readonly month: number;
  /** 1 to 31 */
  readonly day: number;
}

export type DateReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'date'; readonly date: CalendarDate }
  | { readonly kind: 'invalid'; readonly raw: CellValue; readonly message: string };

export const EXPECTED_DATE_TEXT = 'a date such as 31/03/2027';

/**
 * Serial numbers Excel (1900 date system) uses for 01/01/1901 and 31/12/9999. Starting in 1901
 * keeps clear of Excel's phantom 29/02/1900 (serial 60); no review date is older than that.
 */
export const EXCEL_SERIAL_FIRST = 367;
export const EXCEL_SERIAL_LAST = 2958465;

/** Serial 0 in Excel's 1900 system is 30/12/1899 for every serial from 61 on. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function readDate(raw: CellValue): DateReading {
  if (isBlankCell(raw)) return { kind: 'blank' };
  if (typeof raw === 'number') return readSerial(raw);
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return invalid(raw, 'an invalid date');
    return { kind: 'date', date: calendarDateOf(raw) };
  }
  if (typeof raw === 'string') return readDateText(raw);
  return invalid(raw, `${describeCellValue(raw)} is not a date`);
}

/**
 * A review-date cell, read exactly as the sheet's highlights read it (src/workbook/sheets/highlights.ts):
 * blank, a date Excel holds as a date (a serial number from 01/01/1901 to 31/12/9999, or a Date),
 * or invalid. Text that spells a date ("01/04/2026", pasted into a cell formatted as text or typed
 * after an apostrophe) is invalid too, with words of its own: Excel cannot compare text with
 * TODAY(), so the sheet could never show that it has passed; it sorts and filters as text; and
 * the only formula that reads it, DATEVALUE, takes "01/04/2026" as 4 January on a US-English
 * machine. Retyped into the cell (formatted as a date), it becomes a date the sheet and the
 * add-in both read. Small numbers (3, 60) are not dates either: Excel would show 03/01/1900.
 */
export function readReviewDate(raw: CellValue): DateReading {
  if (typeof raw !== 'string' || isBlankCell(raw)) return readDate(raw);
  const asText = readDate(raw);
  if (asText.kind !== 'date') return asText;
  return {
    kind: 'invalid',
    raw,
    message:
      `${describeCellValue(raw)} is a date stored as text, which Excel cannot compare with today's date; ` +
      `expected ${EXPECTED_DATE_TEXT} held as a date (type it again into the cell)`,
  };
}

/** The local calendar day of a Date. */
export function calendarDateOf(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Negative when a is before b, 0 on the same day, positive after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** 31/03/2027 */
export function formatDate(date: CalendarDate): string {
  const dd = String(date.day).padStart(2, '0');
  const mm = String(date.month).padStart(2, '0');
  return `${dd}/${mm}/${String(date.year).padStart(4, '0')}`;
}

/** The Excel serial number of a calendar day (for writing a date back). */
export function excelSerialOf(date: CalendarDate): number {
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - EXCEL_EPOCH_UTC) / DAY_MS);
}

function readSerial(serial: number): DateReading {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_FIRST || serial >= EXCEL_SERIAL_LAST + 1) {
    return invalid(serial, `${describeCellValue(serial)} is not a date`);
  }
  const utc = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return {
    kind: 'date',
    date: { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() },
  };
}

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;

function readDateText(raw: string): DateReading {
  const text = raw.trim();
  const dayFirst = DAY_FIRST.exec(text);
  const iso = ISO.exec(text);
  const parts = dayFirst
    ? { day: dayFirst[1], month: dayFirst[2], year: dayFirst[3] }
    : iso
      ? { day: iso[3], month: iso[2], year: iso[1] }
      : null;
  if (parts) {
    const date = realDate(Number(parts.year), Number(parts.month), Number(parts.day));
    if (date) return { kind: 'date', date };
    return invalid(raw, `${describeCellValue(raw)} is not a real day`);
  }
  return invalid(raw, `${describeCellValue(raw)} is not a date`);
}

/** The day if it exists in the calendar (no 31/04, 29/02 only in leap years), else null. */
function realDate(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  // Date.UTC maps years 0-99 to 1900-1999, so build the day with setUTCFullYear instead.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const exists =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return exists ? { year, month, day } : null;
}

function invalid(raw: CellValue, found: string): DateReading {
  return { kind: 'invalid', raw, message: `${found}; expected ${EXPECTED_DATE_TEXT}` };
}

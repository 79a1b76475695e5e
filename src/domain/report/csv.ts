/**
 * The board summary as CSV, for officers who paste figures into a report: no clipboard needed
 * (it is blocked in Excel on the web), the task pane offers it as a download.
 */
import { formatDate, type CalendarDate } from '../dates';
import type { BoardFigures, BoardRow } from './figures';
import { percentText } from './words';

export interface CsvHeading {
  readonly organisation: string;
  readonly period: string;
  readonly assessmentDate: CalendarDate;
  readonly framework: string;
}

/**
 * One field: quoted when it holds a comma, quote or line break (RFC 4180); text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, as OWASP advises for CSV injection.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

function row(r: BoardRow): string[] {
  return [
    r.name,
    r.levelName,
    ...r.shares.map(percentText),
    percentText(r.shareMet),
    percentText(r.completeness),
    r.status,
    r.change,
  ];
}

/** Lines end with CRLF, as RFC 4180 and Excel expect. */
export function boardCsv(figures: BoardFigures, heading: CsvHeading): string {
  const lines = [
    line(['Organisation', heading.organisation]),
    line(['Period', heading.period]),
    line(['Assessment date', formatDate(heading.assessmentDate)]),
    line(['Framework', heading.framework]),
    '',
    line([
      'Area',
      'Level reached',
      ...figures.levelNames.map((l) => `${l}: share met`),
      'Share met (all levels)',
      'Completeness',
      'Provisional',
      'Change since last snapshot',
    ]),
    ...figures.areas.map((r) => line(row(r))),
    line(row(figures.organisation)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The hidden meta sheet's key/value block (sheets/meta.ts writes it): which framework, version and
 * layout an assessment workbook was written with. Parsed here, from values already read, so that
 * every reader (inspection, check, regeneration) decides alike and is tested without Excel.
 */
import { rect } from './address';
import { ADDIN_MARKER, META_SHEET } from './layout';
import type { SheetValue } from './snapshot';

export interface StoredMeta {
  readonly layoutVersion: number;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly frameworkTitle: string;
}

/**
 * Keys of the meta sheet's key/value block, in order from row 2. Here rather than with the sheet's
 * builder (sheets/meta.ts) so that reading them on opening does not bring the area sheet's
 * builder into the JavaScript loaded before the first view.
 */
export const META_KEYS = [
  'addin',
  'layoutVersion',
  'frameworkId',
  'frameworkVersion',
  'frameworkTitle',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** The meta sheet's key/value rows (row 2 onwards, columns A:B). */
export const META_BLOCK = rect(2, 1, META_KEYS.length, 2);

/** What reading the meta block gives: the stored meta, or the problems that stop it, by cell. */
export type MetaReading =
  | { readonly ok: true; readonly meta: StoredMeta }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads the stored meta from the meta block's values, or the problems that stop it. */
export function parseMeta(values: readonly (readonly SheetValue[])[]): MetaReading {
  const found = new Map<string, SheetValue>();
  for (const row of values) {
    const [key, value] = row;
    if (typeof key === 'string' && value !== undefined) found.set(key, value);
  }
  const problems: string[] = [];
  const at = (key: MetaKey) => `${META_SHEET}!B${2 + META_KEYS.indexOf(key)}`;
  const text = (key: MetaKey): string => {
    const value = found.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    problems.push(`${at(key)} should hold the ${key} but holds ${JSON.stringify(value ?? '')}.`);
    return '';
  };
  const addin = found.get('addin');
  if (addin !== ADDIN_MARKER) {
    return {
      ok: false,
      problems: [
        `${META_SHEET}!B2 should say "${ADDIN_MARKER}" but holds ${JSON.stringify(addin ?? '')}: the sheet was not written by this add-in or has been edited.`,
      ],
    };
  }
  const layout = found.get('layoutVersion');
  const layoutVersion = typeof layout === 'number' && Number.isInteger(layout) && layout > 0 ? layout : NaN;
  if (Number.isNaN(layoutVersion)) {
    problems.push(
      `${at('layoutVersion')} should hold a whole number but holds ${JSON.stringify(layout ?? '')}.`,
    );
  }
  const meta = {
    layoutVersion,
    frameworkId: text('frameworkId'),
    frameworkVersion: text('frameworkVersion'),
    frameworkTitle: text('frameworkTitle'),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, meta };
}

/**
 * The sign-off block: the workbook's approval as the add-in last recorded it (finalise and reopen
 * write it), in columns J:K of the meta sheet, clear of the key/value block, the criterion index
 * (A:E) and the stored framework (G:H), so that no earlier reader's rows move. The Sign-off
 * record sheet keeps every finalise and reopen; this block is the current state for readers that
 * only open the meta sheet.
 */
export const SIGN_OFF_META_KEYS = [
  'signOffState',
  'approvedBy',
  'approvalBody',
  'approvalDate',
  'minuteReference',
  'acceptedProblems',
  'finalisedOn',
  'reopenedOn',
  'reopenedBy',
  'reopenReason',
] as const;
export type SignOffMetaKey = (typeof SIGN_OFF_META_KEYS)[number];

export const SIGN_OFF_META_COLUMN = 10;

/** The block's header row and one row per key (row 1 onwards, columns J:K). */
export const SIGN_OFF_META_BLOCK = rect(1, SIGN_OFF_META_COLUMN, SIGN_OFF_META_KEYS.length + 1, 2);

/** The block's cells, from its header: each key and its value ('' when the state has none). */
export function signOffMetaRows(values: Partial<Record<SignOffMetaKey, SheetValue>>): SheetValue[][] {
  return [['sign-off key', 'value'], ...SIGN_OFF_META_KEYS.map((k) => [k, values[k] ?? ''])];
}

/** The values the block holds, by key (keys it lacks are absent). */
export function parseSignOffMeta(
  values: readonly (readonly SheetValue[])[],
): Partial<Record<SignOffMetaKey, SheetValue>> {
  const found: Partial<Record<SignOffMetaKey, SheetValue>> = {};
  for (const [key, value] of values) {
    const known = SIGN_OFF_META_KEYS.find((k) => k === key);
    if (known && value !== undefined) found[known] = value;
  }
  return found;
}

/**
 * The change log's marker: the day the add-in first kept a log in this workbook, in M1:N2 of the
 * meta sheet, clear of the other blocks. With it, a Change log sheet that has gone is known to
 * have been deleted (the add-in then starts a new section rather than a fresh log that hides the
 * loss). Regeneration rebuilds the meta sheet without it; the add-in writes it again the next
 * time it logs, from the log sheet, which regeneration keeps.
 */
export const CHANGE_LOG_META_COLUMN = 13;
export const CHANGE_LOG_META_BLOCK = rect(1, CHANGE_LOG_META_COLUMN, 2, 2);
export const CHANGE_LOG_META_KEY = 'changeLogKeptSince';

/** The block's cells: its header and the day (an Excel serial) the log was first kept. */
export function changeLogMetaRows(since: number): SheetValue[][] {
  return [
    ['change-log key', 'value'],
    [CHANGE_LOG_META_KEY, since],
  ];
}

/** Whether the block says a log was kept (its key beside a day). */
export function changeLogWasKept(values: readonly (readonly SheetValue[])[]): boolean {
  return values.some(([key, value]) => key === CHANGE_LOG_META_KEY && typeof value === 'number' && value > 0);
}

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

/** Reads the stored meta from the meta block's values, or the problems that stop it. */
export function parseMeta(values: readonly (readonly SheetValue[])[]): StoredMeta | { problems: string[] } {
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
  return problems.length > 0 ? { problems } : meta;
}

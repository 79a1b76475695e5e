/** How proxies find their target in the document when a sync applies their operations. */
import type { Rect } from '../a1';
import type { SheetState } from '../state';
import type { FakeWorkbook } from '../workbook';

export interface Located {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

export type SheetLocator = () => SheetState | undefined;
export type RangeLocator = () => Located | undefined;

/**
 * Office binds a proxy to the object it first finds, so a sheet renamed later in the same batch
 * is still the same proxy's sheet. The binding is by id; a deleted sheet is then not found.
 */
export function bindSheet(doc: FakeWorkbook, locate: SheetLocator): SheetLocator {
  let id: string | undefined;
  return () => {
    if (id !== undefined) return doc.sheetById(id);
    const sheet = locate();
    id = sheet?.id;
    return sheet;
  };
}

/** JSON-safe stand-in for an argument in the payload measure (proxies by path, functions by kind). */
export function describeArg(arg: unknown): unknown {
  if (typeof arg === 'function') return '[function]';
  if (typeof arg === 'object' && arg !== null && 'path' in arg && typeof arg.path === 'string')
    return { ref: arg.path };
  return arg;
}

/**
 * Names as Excel compares them: sheet names and defined names are unique without regard to case
 * ("Summary" and "SUMMARY" are the same sheet). Every comparison, Set and Map of such names goes
 * through a key made here, so no caller lower-cases by hand (and two spellings of one rule cannot
 * drift apart).
 */

/** A sheet name as Excel compares it, for Sets, Maps and equality; never shown to anyone. */
export type SheetKey = string & { readonly __sheetKey: true };

/** A defined (workbook-level) name as Excel compares it. */
export type NameKey = string & { readonly __nameKey: true };

export function sheetKey(name: string): SheetKey {
  return name.toLocaleLowerCase() as SheetKey;
}

export function nameKey(name: string): NameKey {
  return name.toLocaleLowerCase() as NameKey;
}

/** Whether two spellings name the same sheet. */
export function sameSheet(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/** The keys of some sheet names, for membership tests. */
export function sheetKeys(names: Iterable<string>): Set<SheetKey> {
  return new Set([...names].map(sheetKey));
}

/** The workbook's own spelling of a sheet name. */
export function actualSheetName(names: readonly string[], wanted: string): string | undefined {
  const key = sheetKey(wanted);
  return names.find((n) => sheetKey(n) === key);
}

export function hasSheet(names: readonly string[], name: string): boolean {
  return actualSheetName(names, name) !== undefined;
}

/** Sheet names as Excel compares them: unique without regard to case. */

/** The workbook's own spelling of a sheet name. */
export function actualSheetName(names: readonly string[], wanted: string): string | undefined {
  const lower = wanted.toLocaleLowerCase();
  return names.find((n) => n.toLocaleLowerCase() === lower);
}

export function hasSheet(names: readonly string[], name: string): boolean {
  return actualSheetName(names, name) !== undefined;
}

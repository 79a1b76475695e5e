/** Excel's rules for names and colours that the fake enforces at sync, as Excel does. */
import { FakeOfficeError, invalidArgument } from './errors';

const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/;

/** Excel's sheet-name rules; `existing` are the other sheets' names. Throws InvalidArgument. */
export function checkSheetName(name: string, existing: readonly string[], where: string): void {
  const problem =
    name.length === 0 || name.length > 31
      ? 'must be 1 to 31 characters long'
      : FORBIDDEN_IN_SHEET_NAME.test(name)
        ? 'must not contain any of \\ / ? * [ ] :'
        : name.startsWith("'") || name.endsWith("'")
          ? "must not start or end with an apostrophe (')"
          : name.toLowerCase() === 'history'
            ? "must not be 'History', which Excel reserves"
            : undefined;
  if (problem) throw invalidArgument(`The sheet name '${name}' ${problem}.`, where);
  // Excel answers a duplicate name (compared ignoring case) with ItemAlreadyExists, not
  // InvalidArgument: Office.js error codes, "ItemAlreadyExists: The resource being created already exists".
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError(
      'ItemAlreadyExists',
      `The sheet name '${name}' is already used by another sheet (names are compared ignoring case).`,
      where,
    );
  }
}

/**
 * Excel's defined-name rules: starts with a letter, '_' or '\', then letters, digits, '_', '.';
 * at most 255 characters; not a cell reference such as 'AB12' or an R1C1 reference.
 */
export function checkDefinedName(name: string, where: string): void {
  const shape = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && name.length <= 255;
  const looksLikeCell =
    /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (!shape || looksLikeCell) {
    throw invalidArgument(
      `'${name}' is not a valid name: use up to 255 letters, digits, '_' or '.', starting with a letter or '_', and not a cell reference.`,
      where,
    );
  }
}

/** Excel hands colours back as upper-case '#RRGGBB'; the fake accepts only that form, in any case. */
export function normaliseColour(colour: string, where: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(colour)) {
    throw invalidArgument(`'${colour}' is not a colour: expected '#RRGGBB'.`, where);
  }
  return colour.toUpperCase();
}

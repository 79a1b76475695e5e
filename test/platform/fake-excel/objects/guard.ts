import type { XlWorksheetProtectionOptions } from '../../../../src/excel/api';
import { accessDenied } from '../errors';
import type { SheetState } from '../state';

/** On a protected sheet a change needs the matching protection option, as in Excel. */
export function checkAllowed(
  sheet: SheetState,
  option: keyof XlWorksheetProtectionOptions | undefined,
  what: string,
  where: string,
): void {
  if (!sheet.protection.protected) return;
  if (option !== undefined && sheet.protection.options[option] === true) return;
  throw accessDenied(`Sheet '${sheet.name}' is protected: cannot ${what}.`, where);
}

/**
 * The status line: which Excel JavaScript API requirement sets this copy of Excel supports.
 * Office's sets are cumulative, so the officer needs only the highest one in an unbroken run.
 */

/** The sets the add-in knows about, lowest first (see src/excel/requirements.ts for their uses). */
export const KNOWN_API_VERSIONS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9'] as const;

export interface ApiStatus {
  /** The highest known set supported with every lower one, or undefined if not even 1.1. */
  readonly highest: string | undefined;
  readonly message: string;
}

export function apiStatus(isSetSupported: (version: string) => boolean): ApiStatus {
  let highest: string | undefined;
  for (const version of KNOWN_API_VERSIONS) {
    if (!isSetSupported(version)) break;
    highest = version;
  }
  const newest = KNOWN_API_VERSIONS[KNOWN_API_VERSIONS.length - 1];
  if (highest === undefined) {
    return {
      highest,
      message: 'This version of Excel does not support the Excel JavaScript API 1.1, which the add-in needs.',
    };
  }
  if (highest === newest) {
    return {
      highest,
      message: `Connected to Excel: every feature of the add-in is available (Excel API ${highest}).`,
    };
  }
  return {
    highest,
    message: `Connected to Excel (Excel API up to ${highest}): some features need a newer version of Excel.`,
  };
}

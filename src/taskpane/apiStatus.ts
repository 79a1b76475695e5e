/**
 * The status line, and the pane's refusal on a host below the minimum: which Excel JavaScript API
 * requirement sets this copy of Excel supports. Office's sets are cumulative, so the highest one in
 * an unbroken run is enough to name.
 */
import { MINIMUM_API_SET } from '../excel/requirements';

/** The sets named to the officer, lowest first, up to the add-in's minimum. */
export const KNOWN_API_VERSIONS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  MINIMUM_API_SET,
] as const;

export interface ApiStatus {
  /** Whether this host has the minimum set: without it the pane offers no views. */
  readonly supported: boolean;
  /** The highest known set supported with every lower one, or undefined if not even 1.1. */
  readonly highest: string | undefined;
  readonly message: string;
}

/** What works instead, in the words of the bootstrap's message for older webviews. */
export const WHAT_WORKS_INSTEAD =
  'The add-in needs Microsoft 365, Excel 2021 or later, Excel on the web or a current Excel for Mac. ' +
  'Until then, open the workbook in Excel on the web, or use the assessment workbook file, which needs no add-in.';

export function apiStatus(isSetSupported: (version: string) => boolean): ApiStatus {
  let highest: string | undefined;
  for (const version of KNOWN_API_VERSIONS) {
    if (!isSetSupported(version)) break;
    highest = version;
  }
  if (highest === MINIMUM_API_SET) {
    return {
      supported: true,
      highest,
      message: 'Connected to Excel: this version has everything the add-in needs.',
    };
  }
  return {
    supported: false,
    highest,
    message:
      `This version of Excel is older than the add-in needs: ${excelWords(highest)}. ${WHAT_WORKS_INSTEAD} ` +
      `(For IT: Excel API ${highest ?? 'none'}; the add-in needs ${MINIMUM_API_SET}.)`,
  };
}

/**
 * The Excel an officer would recognise for the highest set a host has, instead of the set's number:
 * Excel 2016 stops at 1.1, Excel 2019 at 1.8 (older Microsoft 365 builds sit in between).
 */
function excelWords(highest: string | undefined): string {
  if (highest === undefined) return 'it has no add-in features at all';
  if (highest === '1.1') return 'it has the add-in features of Excel 2016';
  return 'it has the add-in features of Excel 2019 or an older Microsoft 365, not those of Excel 2021';
}

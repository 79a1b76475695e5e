/**
 * The full Check's look at the page headers. Excel headers cannot hold formulas, so the header the
 * add-in wrote on each printed sheet names the organisation and period as they were when it was
 * last written; the pane rewrites them while its live checks run, at a board refresh and at
 * regeneration, but an officer who edits the Start sheet with the pane elsewhere and then prints
 * gets pages headed with the old names. Check reports each such sheet, with a certain fix that
 * writes the Start sheet's organisation and period into its header (src/excel/fixes.ts).
 */
import { START_SHEET } from './layout';
import { headerIsStale, printedForHeader, printedForOf, type PrintedFor } from './print';
import type { PageHeaderSnapshot, WorkbookSnapshot } from './snapshot';

/**
 * A certain fix to a sheet's page header: write `who` into it if it still holds `found` (a header
 * changed since the check is left alone, as a cell is).
 */
export interface HeaderFix {
  readonly kind: 'page-header';
  readonly sheet: string;
  readonly found: { readonly leftHeader: string; readonly rightHeader: string };
  readonly who: PrintedFor;
}

export interface StaleHeader {
  readonly sheet: string;
  readonly message: string;
  readonly fix: HeaderFix;
}

/** A header's text as it prints: header codes undone (&& is a literal &). */
function printed(text: string): string {
  return text.replace(/&&/g, '&');
}

/** "Riverside Homes, Period 2026/27", or what is blank said in words. */
function naming(leftHeader: string, rightHeader: string): string {
  const organisation = printed(leftHeader).trim();
  const period = printed(rightHeader).trim();
  const who = organisation === '' ? 'no organisation' : `"${organisation}"`;
  return period === '' ? `${who} and no period` : `${who}, ${period}`;
}

/**
 * Each add-in sheet whose page header no longer names the Start sheet's organisation and period,
 * in the order the sheets were read; none when the headers were not read or the Start sheet is
 * missing (the Check reports that on its own).
 */
export function staleHeaders(snapshot: WorkbookSnapshot): StaleHeader[] {
  if (!snapshot.pageHeaders || !snapshot.start) return [];
  const who = printedForOf(snapshot.start);
  const wanted = printedForHeader(who);
  return snapshot.pageHeaders
    .filter((texts) => headerIsStale(texts, who))
    .map((texts: PageHeaderSnapshot) => ({
      sheet: texts.sheet,
      message:
        `The printed pages of "${texts.sheet}" are headed ${naming(texts.leftHeader, texts.rightHeader)}, ` +
        `but the ${START_SHEET} sheet now says ${naming(wanted.left, wanted.right)}. ` +
        'Page headers do not follow the Start sheet by themselves: the add-in writes them.',
      fix: {
        kind: 'page-header',
        sheet: texts.sheet,
        found: { leftHeader: texts.leftHeader, rightHeader: texts.rightHeader },
        who,
      },
    }));
}

/**
 * How each sheet prints: decided here, once, and applied alike by both adapters (Office.js in
 * src/excel/applyPlan.ts, the file in src/xlsx/). UK organisations print on A4; every sheet is
 * scaled to one page wide so a criterion, its rating and its owner are never on different pages
 * (a row is never split across pages: Excel and LibreOffice break between rows), the rows named
 * in `printTitleRows` repeat on every page, and the header and footer say whose assessment it is,
 * which sheet, and which page.
 */
import type { A1 } from './address';

export interface HeaderFooterText {
  /** In Excel's header/footer codes (&P page, &N pages, &A sheet name); a literal & is &&. */
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

/**
 * How a sheet is scaled to the paper: fitted to one page wide (and one page tall, or as many as
 * needed), or by a fixed percentage. A sheet with manual page breaks takes the percentage:
 * Microsoft's support article on page breaks is remembered as saying Excel ignores manual page
 * breaks with the Fit To option; we could not find that article to check its scope, and nothing
 * we found documents breaks being honoured when only the width is fitted (the VBA reference says
 * only that FitToPagesTall = False scales by FitToPagesWide). A percentage honours them either
 * way; it is worked out from the printed columns' widths so the table still fits one page wide.
 */
export type PrintScaling =
  { readonly fitToPagesWide: 1; readonly fitToPagesTall: 1 | null } | { readonly percent: number };

export interface PageSetup {
  readonly paperSize: 'A4';
  readonly scaling: PrintScaling;
  /** What prints; absent prints the used range. */
  readonly printArea?: A1;
  /** Margins in inches (narrow, so a wide table prints as large as it can). */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally: boolean;
  readonly header: HeaderFooterText;
  readonly footer: HeaderFooterText;
  /**
   * Rows that start a new printed page (manual horizontal page breaks, each above its row), in
   * ascending order; empty when the pages break where they fall. Both hosts break only between
   * rows, so a criterion's row is never split whichever way the pages fall.
   */
  readonly breaksBeforeRows: readonly number[];
}

/** Who and when, for the header: the Start sheet's organisation and period as generated. */
export interface PrintedFor {
  readonly organisation: string;
  readonly period: string;
}

/** The organisation and period as the Start sheet holds them (any cell value), as header text. */
export function printedForOf(start: {
  readonly organisation: unknown;
  readonly period: unknown;
}): PrintedFor {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  return { organisation: text(start.organisation), period: text(start.period) };
}

/** Text for a header or footer: '&' is a code there, so a literal one is doubled. */
export function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The footer's left part on every sheet the add-in prints: how the pane knows its own headers. */
export const FOOTER_LEFT = 'Equality self-assessment';

export const PAGE_MARGINS_INCHES = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
};

/** A4 in inches, portrait. */
export const A4_INCHES = { width: 8.27, height: 11.69 } as const;

/**
 * Share of the printable width the columns may take: hosts round column widths to whole pixels
 * of their own font and add cell padding, so the page keeps a little in hand.
 */
const WIDTH_IN_HAND = 0.94;

/**
 * The whole percentage (10 to 100) at which columns `points` wide fit one A4 page wide between
 * the margins: never enlarged past 100%, never below the 10% hosts accept.
 */
export function percentToFitWidth(points: number, landscape: boolean): number {
  if (!Number.isFinite(points) || points <= 0)
    throw new RangeError(`a printed width must be a positive number of points, not ${points}`);
  const paper = landscape ? A4_INCHES.height : A4_INCHES.width;
  const printable = (paper - PAGE_MARGINS_INCHES.left - PAGE_MARGINS_INCHES.right) * 72;
  return Math.max(10, Math.min(100, Math.floor((100 * printable * WIDTH_IN_HAND) / points)));
}

/** The page setup of one sheet. */
export function pageSetup(options: {
  onePage: boolean;
  printArea?: A1;
  who?: PrintedFor;
  breaksBeforeRows?: readonly number[];
  /** The printed columns' total width in points and the orientation: needed with page breaks. */
  printedWidth?: { readonly points: number; readonly landscape: boolean };
}): PageSetup {
  const who = options.who ?? { organisation: '', period: '' };
  const breaks = [...new Set(options.breaksBeforeRows ?? [])].sort((a, b) => a - b);
  const bad = breaks.find((row) => !Number.isInteger(row) || row < 2);
  if (bad !== undefined)
    throw new RangeError(`a page break goes above a row from 2 on, not above row ${bad}`);
  if (options.onePage && breaks.length > 0)
    throw new RangeError('a sheet printed on one page cannot have page breaks');
  return {
    paperSize: 'A4',
    scaling: scalingOf(options.onePage, breaks, options.printedWidth),
    ...(options.printArea !== undefined ? { printArea: options.printArea } : {}),
    margins: PAGE_MARGINS_INCHES,
    centerHorizontally: true,
    header: {
      left: headerText(who.organisation.trim()),
      center: '&A',
      right: headerText(who.period.trim() === '' ? '' : `Period ${who.period.trim()}`),
    },
    footer: {
      left: FOOTER_LEFT,
      center: '',
      right: 'Page &P of &N',
    },
    breaksBeforeRows: breaks,
  };
}

/** Fit to pages, or, where manual breaks must be honoured, the percentage that fits the width. */
function scalingOf(
  onePage: boolean,
  breaks: readonly number[],
  width: { readonly points: number; readonly landscape: boolean } | undefined,
): PrintScaling {
  if (breaks.length === 0) return { fitToPagesWide: 1, fitToPagesTall: onePage ? 1 : null };
  if (!width) throw new RangeError('a sheet with page breaks needs the width of its printed columns');
  return { percent: percentToFitWidth(width.points, width.landscape) };
}

/** The header that names the organisation and the period (the same on every printed sheet). */
export function printedForHeader(who: PrintedFor): HeaderFooterText {
  return pageSetup({ onePage: true, who }).header;
}

/**
 * Whether a sheet's header, written by the add-in (its footer starts with FOOTER_LEFT and its
 * centre names the sheet), no longer names `who`: the officer changed the organisation or the
 * period on the Start sheet after it was written. Excel headers cannot hold formulas, so nothing
 * in the file keeps them in step; the pane rewrites them (src/excel/printedHeaders.ts).
 */
export function headerIsStale(
  texts: {
    readonly leftHeader: string;
    readonly centerHeader: string;
    readonly rightHeader: string;
    readonly leftFooter: string;
  },
  who: PrintedFor,
): boolean {
  if (texts.leftFooter !== FOOTER_LEFT || texts.centerHeader !== '&A') return false;
  const header = printedForHeader(who);
  return texts.leftHeader !== header.left || texts.rightHeader !== header.right;
}

/** The sheet with its header naming the organisation and period (unchanged when it does not print). */
export function withPrintedFor<S extends { readonly page?: PageSetup }>(sheet: S, who: PrintedFor): S {
  if (!sheet.page) return sheet;
  return { ...sheet, page: { ...sheet.page, header: printedForHeader(who) } };
}

/**
 * The page setup an adapter applies: none for a hidden sheet (LibreOffice prints a hidden sheet
 * that has a print area, where Excel does not; neither should print it).
 */
export function printedPage(sheet: {
  readonly visible: boolean;
  readonly page?: PageSetup;
}): PageSetup | undefined {
  return sheet.visible ? sheet.page : undefined;
}

/**
 * One worksheet part (xl/worksheets/sheetN.xml). Elements follow the order the SpreadsheetML
 * schema requires (Excel refuses a file whose elements are out of order, LibreOffice does not):
 * sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection,
 * conditionalFormatting, dataValidations, printOptions, pageMargins, pageSetup, headerFooter,
 * rowBreaks, drawing.
 */
import { cell, columnLetter } from '../workbook/address';
import { SHEET_PROTECTION } from '../workbook/layout';
import {
  isFormula,
  type ColumnSpec,
  type HighlightSpec,
  type SheetPlan,
  type ValidationSpec,
} from '../workbook/plan';
import { buildGrid, usedRange, type Grid } from './cellGrid';
import { toFileFormula } from './formulaText';
import { NS } from './namespaces';
import type { SharedStrings } from './sharedStrings';
import type { StyleSheet } from './styles';
import { printedPage } from '../workbook/print';
import { argb, el, escapeText, XML_DECLARATION, xmlNumber } from './xml';

/** Maximum digit width in pixels of the default font (Calibri 11), which column widths are counted in. */
const MAX_DIGIT_WIDTH_PX = 7;

/**
 * Plan widths are points (Office.js `columnWidth`); a file counts widths in characters of the
 * default font's widest digit, padding included: pixels / max digit width, in 1/256ths.
 */
export function columnWidthChars(points: number): number {
  const pixels = (points * 96) / 72;
  return Math.round((pixels / MAX_DIGIT_WIDTH_PX) * 256) / 256;
}

export interface SheetXmlOptions {
  readonly selected: boolean;
  /** The relationship id of the sheet's drawing, when it has charts. */
  readonly drawingRelId?: string;
}

export function sheetXml(
  sheet: SheetPlan,
  strings: SharedStrings,
  styles: StyleSheet,
  options: SheetXmlOptions,
): string {
  const grid = buildGrid(sheet);
  return (
    XML_DECLARATION +
    el(
      'worksheet',
      { xmlns: NS.main, 'xmlns:r': NS.rel },
      sheetPrXml(sheet),
      el('dimension', { ref: usedRange(grid) }),
      el('sheetViews', {}, sheetView(sheet, options.selected)),
      el('sheetFormatPr', { defaultRowHeight: 15 }),
      colsXml(sheet.columns),
      el('sheetData', {}, ...rowsXml(sheet, grid, strings, styles)),
      sheet.protect ? protectionXml() : '',
      ...highlightsXml(sheet, styles),
      validationsXml(sheet),
      ...pageXml(sheet),
      options.drawingRelId !== undefined ? el('drawing', { 'r:id': options.drawingRelId }) : '',
    )
  );
}

function sheetPrXml(sheet: SheetPlan): string {
  const tab =
    sheet.tabColor !== undefined
      ? el('tabColor', { rgb: argb(sheet.tabColor, `tab colour of ${sheet.name}`) })
      : '';
  // fitToPage makes pageSetup's fitToWidth/fitToHeight count instead of its scale; a sheet
  // scaled by a percentage (one with manual page breaks, see print.ts) leaves it off.
  const page = printedPage(sheet);
  const fit = page && !('percent' in page.scaling) ? el('pageSetUpPr', { fitToPage: true }) : '';
  return tab === '' && fit === '' ? '' : el('sheetPr', {}, tab, fit);
}

/** A4 paper size in SpreadsheetML (ECMA-376 Part 1, 18.3.1.63). */
const PAPER_SIZE = { A4: 9 } as const;

/** printOptions, pageMargins, pageSetup, headerFooter and rowBreaks, in the schema's order. */
function pageXml(sheet: SheetPlan): string[] {
  const page = printedPage(sheet);
  const orientation = sheet.landscape ? 'landscape' : 'portrait';
  if (!page) {
    return [
      el('pageMargins', { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }),
      sheet.landscape ? el('pageSetup', { orientation }) : '',
    ];
  }
  const part = (t: { left: string; center: string; right: string }) =>
    escapeText(`&L${t.left}&C${t.center}&R${t.right}`);
  return [
    page.centerHorizontally ? el('printOptions', { horizontalCentered: true }) : '',
    el('pageMargins', { ...page.margins }),
    el('pageSetup', {
      paperSize: PAPER_SIZE[page.paperSize],
      orientation,
      ...('percent' in page.scaling
        ? { scale: page.scaling.percent }
        : // 0: as many pages tall as needed.
          { fitToWidth: page.scaling.fitToPagesWide, fitToHeight: page.scaling.fitToPagesTall ?? 0 }),
    }),
    el('headerFooter', {}, el('oddHeader', {}, part(page.header)), el('oddFooter', {}, part(page.footer))),
    rowBreaksXml(page.breaksBeforeRows),
  ];
}

/** The last column's zero-based index: a row break spans the whole row. */
const LAST_COLUMN_INDEX = 16383;

/**
 * Manual page breaks above the given rows. A break's id is the zero-based index of the row that
 * starts the new page, which is the 1-based number of the last row on the page before
 * (ECMA-376 Part 1, 18.3.1.3 brk and 18.3.1.74 rowBreaks).
 */
function rowBreaksXml(breaksBeforeRows: readonly number[]): string {
  if (breaksBeforeRows.length === 0) return '';
  return el(
    'rowBreaks',
    { count: breaksBeforeRows.length, manualBreakCount: breaksBeforeRows.length },
    ...breaksBeforeRows.map((row) => el('brk', { id: row - 1, max: LAST_COLUMN_INDEX, man: true })),
  );
}

function sheetView(sheet: SheetPlan, selected: boolean): string {
  const freeze = sheet.freeze;
  const attributes = { tabSelected: selected ? true : undefined, workbookViewId: 0 };
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return el('sheetView', attributes);
  const { rows, columns } = freeze;
  const activePane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return el(
    'sheetView',
    attributes,
    el('pane', {
      xSplit: columns > 0 ? columns : undefined,
      ySplit: rows > 0 ? rows : undefined,
      topLeftCell: cell(rows + 1, columns + 1),
      activePane,
      state: 'frozen',
    }),
    el('selection', { pane: activePane }),
  );
}

function colsXml(columns: readonly ColumnSpec[]): string {
  // The schema wants ascending, non-overlapping <col> ranges; a later spec for a column wins.
  const byColumn = new Map<number, ColumnSpec>();
  for (const col of columns) byColumn.set(col.column, col);
  const sorted = [...byColumn.values()].sort((a, b) => a.column - b.column);
  if (sorted.length === 0) return '';
  return el(
    'cols',
    {},
    ...sorted.map((col) =>
      el('col', {
        min: col.column,
        max: col.column,
        width: columnWidthChars(col.width),
        hidden: col.hidden ? true : undefined,
        customWidth: true,
      }),
    ),
  );
}

function rowsXml(sheet: SheetPlan, grid: Grid, strings: SharedStrings, styles: StyleSheet): string[] {
  return [...grid.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) =>
      el(
        'row',
        { r: row },
        ...[...cells.entries()]
          .sort(([a], [b]) => a - b)
          .map(([column, c]) => {
            const ref = `${columnLetter(column)}${row}`;
            const s = styles.index(c.style) || undefined;
            const value = c.value;
            const where = `${sheet.name}!${ref}`;
            if (value === undefined) return el('c', { r: ref, s });
            if (isFormula(value))
              return el('c', { r: ref, s }, el('f', {}, escapeText(toFileFormula(value.formula))));
            if (typeof value === 'string')
              return el('c', { r: ref, s, t: 's' }, el('v', {}, String(strings.index(value))));
            if (typeof value === 'boolean')
              return el('c', { r: ref, s, t: 'b' }, el('v', {}, value ? '1' : '0'));
            return el('c', { r: ref, s }, el('v', {}, xmlNumber(value, where)));
          }),
      ),
    );
}

/**
 * The plan's SHEET_PROTECTION, without a password. In this element "1" means the action is
 * protected, so an allowed action is "0".
 */
function protectionXml(): string {
  return el('sheetProtection', {
    sheet: true,
    objects: !SHEET_PROTECTION.editObjects,
    scenarios: true,
    formatCells: !SHEET_PROTECTION.formatCells,
    formatColumns: !SHEET_PROTECTION.formatColumns,
    formatRows: !SHEET_PROTECTION.formatRows,
    autoFilter: !SHEET_PROTECTION.autoFilter,
    sort: !SHEET_PROTECTION.sort,
  });
}

/**
 * One <conditionalFormatting> per highlight, as a formula rule (relative to the range's top-left
 * cell, as in Excel), in plan order of priority.
 */
function highlightsXml(sheet: SheetPlan, styles: StyleSheet): string[] {
  const highlights: readonly HighlightSpec[] = sheet.highlights ?? [];
  return highlights.map((h, i) =>
    el(
      'conditionalFormatting',
      { sqref: h.range.replace(/\$/g, '') },
      el(
        'cfRule',
        { type: 'expression', dxfId: styles.highlightIndex(h.fill), priority: i + 1 },
        el('formula', {}, escapeText(toFileFormula(h.formula))),
      ),
    ),
  );
}

function validationsXml(sheet: SheetPlan): string {
  if (sheet.validations.length === 0) return '';
  return el(
    'dataValidations',
    { count: sheet.validations.length },
    ...sheet.validations.map((v) => validationXml(sheet, v)),
  );
}

function validationXml(sheet: SheetPlan, spec: ValidationSpec): string {
  const common = {
    allowBlank: spec.allowBlank ?? true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: spec.error.title,
    error: spec.error.message,
    promptTitle: spec.prompt.title,
    prompt: spec.prompt.message,
    sqref: spec.range.replace(/\$/g, ''),
  };
  switch (spec.kind) {
    case 'list': {
      const bad = spec.items.find((item) => item.includes(','));
      if (bad !== undefined) {
        throw new RangeError(
          `${sheet.name}!${spec.range}: the list item "${bad}" contains a comma, which an inline list cannot hold`,
        );
      }
      const source = `"${spec.items.map((item) => item.replace(/"/g, '""')).join(',')}"`;
      return el('dataValidation', { type: 'list', ...common }, el('formula1', {}, escapeText(source)));
    }
    case 'date':
      // Any real date: serial 1 is 1 January 1900, as the add-in's rule says.
      return el(
        'dataValidation',
        { type: 'date', operator: 'greaterThanOrEqual', ...common },
        el('formula1', {}, '1'),
      );
    case 'decimal':
      return el(
        'dataValidation',
        { type: 'decimal', operator: 'between', ...common },
        el('formula1', {}, xmlNumber(spec.min, `${sheet.name}!${spec.range}`)),
        el('formula2', {}, xmlNumber(spec.max, `${sheet.name}!${spec.range}`)),
      );
  }
}

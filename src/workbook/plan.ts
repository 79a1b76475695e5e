/**
 * The workbook plan: a declarative description of every sheet, cell, format, validation, name
 * and chart the add-in writes. It is built by pure code (`buildPlan`) and rendered by two
 * adapters: `src/excel/` applies it through Office.js and `src/xlsx/` writes it as a file.
 * Nothing about layout is decided by the adapters.
 */
import type { A1, SheetName } from './address';
import type { PageSetup } from './print';

/** A formula cell; `formula` starts with '='. */
export interface FormulaCell {
  readonly formula: string;
}

/**
 * What a plan cell holds. A string is always literal text, even when it starts with '=' or looks
 * like a number: the adapters must write it so that Excel keeps it as text.
 */
export type PlanCell = string | number | boolean | null | FormulaCell;

export function isFormula(value: PlanCell): value is FormulaCell {
  return typeof value === 'object' && value !== null;
}

export interface CellBlock {
  /** Top-left cell of the block. */
  readonly at: A1;
  /** Rows of cells; every row has the same length. */
  readonly cells: readonly (readonly PlanCell[])[];
}

export type HorizontalAlignment = 'left' | 'center' | 'right';

export interface FormatSpec {
  readonly range: A1;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: HorizontalAlignment;
  readonly verticalTop?: boolean;
  readonly numberFormat?: string;
  /** Cells are locked by default in Excel; input cells set this to false. */
  readonly locked?: boolean;
  readonly borderBottom?: boolean;
}

export interface ColumnSpec {
  /** 1-based column number. */
  readonly column: number;
  /** Width in points (Office.js `format.columnWidth`). */
  readonly width: number;
  readonly hidden?: boolean;
}

export interface ListValidation {
  readonly kind: 'list';
  readonly range: A1;
  /** Inline list items; the plan keeps the joined source within Excel's 255-character limit. */
  readonly items: readonly string[];
  readonly prompt: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

export interface DateValidation {
  readonly kind: 'date';
  readonly range: A1;
  readonly prompt: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

export interface DecimalValidation {
  readonly kind: 'decimal';
  readonly range: A1;
  readonly min: number;
  readonly max: number;
  readonly prompt: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

/**
 * Whether a validation lets a cell be left blank (`allowBlank` false: a setting the formulas need).
 * Absent means true. Excel still lets a cell be cleared with Delete, so the formulas check too.
 */
export type ValidationSpec = (ListValidation | DateValidation | DecimalValidation) & {
  readonly allowBlank?: boolean;
};

/**
 * A highlight that Excel keeps up to date by itself: a conditional format whose formula is
 * written for the range's top-left cell (relative rows, as Excel reads it for every cell).
 */
export interface HighlightSpec {
  readonly range: A1;
  /** Which check the highlight shows (src/domain/checks rule id). */
  readonly ruleId: string;
  readonly formula: string;
  readonly fill: string;
}

/**
 * 'report': Board summary, Action plan, Snapshot history, written on demand (src/excel/boardRefresh.ts).
 * 'framework': a sheet of the framework template (frameworkTemplate.ts), never part of an assessment.
 */
export type SheetRole = 'start' | 'area' | 'summary' | 'meta' | 'archive' | 'report' | 'framework';

export interface SheetPlan {
  readonly name: SheetName;
  readonly role: SheetRole;
  /** The area number for an area sheet. */
  readonly area?: number;
  readonly visible: boolean;
  readonly tabColor?: string;
  readonly blocks: readonly CellBlock[];
  readonly formats: readonly FormatSpec[];
  readonly columns: readonly ColumnSpec[];
  readonly validations: readonly ValidationSpec[];
  /** Conditional formats marking problems; layered over, never replacing, the officer's formatting. */
  readonly highlights?: readonly HighlightSpec[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Protected without a password: officers can unprotect, but not by accident. */
  readonly protect: boolean;
  readonly landscape: boolean;
  /** Rows 1..n repeated at the top of every printed page (the headers of a long table). */
  readonly printTitleRows?: number;
  /** How the sheet prints (src/workbook/print.ts); absent for sheets nobody prints (hidden ones). */
  readonly page?: PageSetup;
}

export interface NamePlan {
  readonly name: string;
  readonly sheet: SheetName;
  readonly range: A1;
  readonly comment: string;
}

/** 'line': lines with markers, for figures over time. */
export type ChartKind = 'barClustered' | 'columnClustered' | 'line';

/** Marker shapes for line series (DrawingML symbol names; Office.js has the same, capitalised). */
export type MarkerSymbol = 'circle' | 'square' | 'triangle' | 'diamond' | 'x' | 'plus' | 'star';

/** How one series is drawn (src/workbook/chartStyle.ts decides). */
export interface SeriesStyle {
  /** '#RRGGBB': the bar fill, or the line and its marker. */
  readonly colour: string;
  /** Line charts: the marker shape. */
  readonly marker?: MarkerSymbol;
  /**
   * Drawn against the secondary value axis, which has the same scale as the primary: only so
   * that the secondary axis exists and can name the values the primary cannot (see ValueAxis).
   */
  readonly secondaryAxis?: boolean;
}

export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly majorUnit: number;
  readonly numberFormat?: string;
}

export interface ChartPlan {
  readonly id: string;
  readonly sheet: SheetName;
  readonly kind: ChartKind;
  readonly title: string;
  /** Data range including the header row (series names) and the first column (categories). */
  readonly source: A1;
  readonly seriesBy: 'columns';
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: A1;
  readonly to: A1;
  readonly valueAxis: ValueAxis;
  /**
   * The secondary value axis, over the same scale as `valueAxis` (some series has
   * `secondaryAxis`): an Excel number format names at most two values, so a level axis names
   * two levels on each side (src/workbook/levelAxis.ts).
   */
  readonly secondaryValueAxis?: ValueAxis;
  /** One style per series, in series order: every adapter draws these, never its own palette. */
  readonly series: readonly SeriesStyle[];
  /**
   * Single-series charts whose categories are areas: one colour per point (category), so each
   * area's bar has the area's colour.
   */
  readonly pointColours?: readonly string[];
  /**
   * False: no legend. For a chart whose one series is coloured point by point, a legend would
   * show one swatch in the series' colour that matches no bar, while the category labels already
   * name each bar. Absent or true: a legend under the chart naming every series.
   */
  readonly legend?: boolean;
  /**
   * True: after the source's series, a copy of the first series drawn with no fill against the
   * secondary axis. For a one-series chart whose value axis names levels (levelAxis.ts): an Excel
   * number format names only two values, the other two are named on the secondary axis, and that
   * axis exists only while a series is on it. The copy has the same values on the same scale and
   * no fill, so it draws nothing; the chart has no legend that could list it.
   */
  readonly secondaryAxisCopy?: boolean;
}

/** Identifies the add-in's own workbook and the layout it was written with. */
export interface PlanMeta {
  readonly layoutVersion: number;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly frameworkTitle: string;
}

export interface WorkbookPlan {
  readonly meta: PlanMeta;
  /** In workbook order. */
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly charts: readonly ChartPlan[];
}

/** The document state the fake keeps beside the formula engine: formats, rules, charts, names. */
import type {
  XlDataValidationErrorAlert,
  XlDataValidationPrompt,
  XlSheetVisibility,
  XlWorksheetProtectionOptions,
} from '../../../src/excel/api';
import type { Rect } from './a1';

export interface CellFormat {
  /** null: no fill (Office reads '#FFFFFF'). */
  readonly fill: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
  readonly fontColor: string;
  readonly fontName: string;
  readonly wrapText: boolean;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly locked: boolean;
}

export const DEFAULT_FORMAT: CellFormat = {
  fill: null,
  bold: false,
  italic: false,
  size: 11,
  fontColor: '#000000',
  fontName: 'Calibri',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  locked: true,
};

/** Excel's default column width and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export interface FormatLayer {
  readonly rect: Rect;
  readonly props: Partial<CellFormat>;
}

export interface BorderState {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

/** A border set on one edge of a range; it belongs to the cells along that edge. */
export interface BorderLayer {
  readonly rect: Rect;
  readonly side: string;
  readonly props: Partial<BorderState>;
}

/** A data validation rule as stored: Office's rule object with ranges turned into references. */
export type StoredRule = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface ValidationState {
  readonly rule?: StoredRule;
  readonly prompt?: XlDataValidationPrompt;
  readonly errorAlert?: XlDataValidationErrorAlert;
  readonly ignoreBlanks?: boolean;
}

/** Later layers win; a 'clear' layer removes everything before it in its rect. */
export interface ValidationLayer {
  readonly rect: Rect;
  readonly set: ValidationState | 'clear';
}

export interface ConditionalFormatState {
  readonly id: string;
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

export interface AxisState {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  numberFormat?: string;
}

/** One series of a chart (objects/chartSeries.ts): how it is drawn; its data stay in the source. */
export interface SeriesState {
  /** The header cell's text when the chart was made (Excel keeps it linked; the fake does not follow edits). */
  name: string;
  /** How many points (categories) the series has. */
  points: number;
  /**
   * For a series added with ChartSeriesCollection.add: the ranges setValues and setXAxisValues
   * gave it, as qualified absolute references (a series made from the source has neither).
   */
  values?: string;
  categories?: string;
  axisGroup: 'Primary' | 'Secondary';
  markerStyle: string;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  markerSize: number;
  lineColor?: string;
  lineWeight?: number;
  /** A solid fill; null once cleared (no fill); absent while Excel's automatic colour. */
  fill?: string | null;
  /** Solid fills of single points, by point index. */
  pointFills: Map<number, string>;
}

export interface ChartState {
  readonly id: string;
  name: string;
  readonly type: string;
  /** The source as a qualified absolute reference, e.g. "Summary!$A$1:$C$6". */
  source: string;
  readonly seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendVisible: boolean;
  legendPosition: string;
  valueAxis: AxisState;
  categoryAxis: AxisState;
  /** The secondary value axis: usable only while some series is on it. */
  secondaryValueAxis: AxisState;
  series: SeriesState[];
  /** Cells the chart covers, e.g. 'E2' to 'L20'. */
  position?: { readonly from: string; readonly to?: string };
}

/** A picture on a sheet (the only kind of shape the fake makes). Positions and sizes in points. */
export interface ShapeState {
  readonly id: string;
  name: string;
  readonly format: 'png' | 'jpeg';
  /** Size of the decoded picture, so tests can tell one picture from another. */
  readonly bytes: number;
  left: number;
  top: number;
  width: number;
  height: number;
  lockAspectRatio: boolean;
  altTextTitle: string;
  altTextDescription: string;
}

export interface NameState {
  readonly name: string;
  /** Set when the name referred to a deleted sheet: the formula as Excel shows it ('=#REF!$A$1'). */
  brokenFormula?: string;
  comment: string;
  visible: boolean;
}

/** What a sheet's page layout holds (objects/sheetParts.ts FakePageLayout). */
export interface PageState {
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  printArea?: string;
  headerFooter: {
    leftHeader: string;
    centerHeader: string;
    rightHeader: string;
    leftFooter: string;
    centerFooter: string;
    rightFooter: string;
  };
}

/** Excel's defaults for a new sheet: Letter, 100%, margins 0.7 and 0.75 inches (in points). */
export function defaultPageState(): PageState {
  return {
    paperSize: 'Letter',
    zoom: { scale: 100 },
    centerHorizontally: false,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    headerFooter: {
      leftHeader: '',
      centerHeader: '',
      rightHeader: '',
      leftFooter: '',
      centerFooter: '',
      rightFooter: '',
    },
  };
}

export interface SheetState {
  readonly id: string;
  /** The HyperFormula sheet id. */
  readonly engineId: number;
  name: string;
  visibility: XlSheetVisibility;
  tabColor: string;
  protection: { protected: boolean; options: XlWorksheetProtectionOptions; password?: string };
  freeze: { rows: number; columns: number };
  orientation: 'Portrait' | 'Landscape';
  printTitleRows?: string;
  /** Page layout beyond orientation and print titles (ExcelApi 1.9), once any of it is set. */
  page?: PageState;
  /** Manual horizontal page breaks: the zero-based rows that start a new page. */
  rowBreaks: Set<number>;
  readonly columnWidths: Map<number, number>;
  readonly hiddenColumns: Set<number>;
  readonly rowHeights: Map<number, number>;
  readonly hiddenRows: Set<number>;
  readonly formats: FormatLayer[];
  readonly borders: BorderLayer[];
  /** Keyed by `${row},${col}`; absent means 'General'. */
  readonly numberFormats: Map<string, string>;
  readonly validations: ValidationLayer[];
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
  /** Pictures, in the order they were added. */
  shapes: ShapeState[];
  /** Names scoped to this sheet, by lower-case name. */
  readonly names: Map<string, NameState>;
  /**
   * Formula cells that referred to a deleted sheet, keyed by `${row},${col}`: Excel shows such a
   * reference as '#REF!A1' (sheet gone, cell kept), which the engine cannot parse, so the engine
   * holds a bare '#REF!' and this keeps, in order, the text Excel shows for each one.
   */
  readonly refTokens: Map<string, string[]>;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

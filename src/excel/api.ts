/**
 * The part of the Excel JavaScript API (Office.js) that the add-in uses, as plain interfaces.
 *
 * Why: the adapters in src/excel/ are written against these interfaces, so production passes the
 * real `Excel.RequestContext` and tests pass the fake in test/platform/fake-excel/, which
 * implements exactly this subset with Office's proxy semantics (queued writes, load + sync,
 * errors at sync). Everything here is a structural subset of @types/office-js: the assertions at
 * the end of the file stop compiling if a member is misspelled or typed differently, so code
 * that passes the fake cannot use something the real host lacks.
 *
 * Conventions copied from Office.js:
 * - property writes and method calls are queued and happen at `context.sync()`;
 * - a property can be read only after `load(...)` and a sync;
 * - `...OrNullObject` methods return an object whose `isNullObject` is true after load + sync
 *   instead of failing the batch with ItemNotFound.
 *
 * Add-in metadata is kept in `workbook.settings` (ExcelApi 1.4) rather than custom document
 * properties (1.7): either would do, settings need the lower requirement set. Only settings are
 * modelled here.
 */

/** What a cell hands back through `values`: empty cells are '' and errors are strings like '#DIV/0!'. */
export type XlCellValue = string | number | boolean;

/** Names for `load(...)`: comma-separated ('values, address'), an array, or paths ('format/fill/color'). */
export type XlPropertyNames = string | string[];

/** A result of a method that returns a value (Office's `ClientResult`); `value` is readable after sync. */
export interface XlClientResult<T> {
  readonly value: T;
}

// ---------------------------------------------------------------------------------------------
// Events

export type XlDataChangeType =
  | 'Unknown'
  | 'RangeEdited'
  | 'RowInserted'
  | 'RowDeleted'
  | 'ColumnInserted'
  | 'ColumnDeleted'
  | 'CellInserted'
  | 'CellDeleted';

/** Before/after values; Excel gives them only for single-cell edits (ExcelApi 1.9). */
export interface XlChangedEventDetail {
  readonly valueBefore: unknown;
  readonly valueAfter: unknown;
}

export interface XlWorksheetChangedEventArgs {
  /** The changed range on its sheet, without the sheet name ('B2:C4'). */
  readonly address: string;
  readonly changeType: XlDataChangeType;
  /** Typed as always present by Office, but undefined for multi-cell changes: always check. */
  readonly details?: XlChangedEventDetail;
  readonly source: 'Local' | 'Remote';
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
}

export interface XlEventHandlerResult {
  /** Queued like any other call: takes effect at the next sync. */
  remove(): void;
}

export interface XlEventHandlers<TArgs> {
  /** Registered at the next sync; the handler runs outside any batch the add-in is running. */
  add(handler: (args: TArgs) => Promise<unknown>): XlEventHandlerResult;
}

// ---------------------------------------------------------------------------------------------
// Formatting

export interface XlRangeFill {
  color: string;
  clear(): void;
  load(propertyNames?: XlPropertyNames): XlRangeFill;
}

export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  name: string;
  load(propertyNames?: XlPropertyNames): XlRangeFont;
}

export interface XlFormatProtection {
  locked: boolean;
  load(propertyNames?: XlPropertyNames): XlFormatProtection;
}

export type XlBorderIndex =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XlRangeBorder {
  style: 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
  color: string;
  weight: 'Hairline' | 'Thin' | 'Medium' | 'Thick';
  load(propertyNames?: XlPropertyNames): XlRangeBorder;
}

export interface XlRangeBorderCollection {
  getItem(index: XlBorderIndex): XlRangeBorder;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  readonly protection: XlFormatProtection;
  readonly borders: XlRangeBorderCollection;
  wrapText: boolean;
  horizontalAlignment:
    'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
  verticalAlignment: 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';
  /** In points. */
  columnWidth: number;
  /** In points. */
  rowHeight: number;
  autofitColumns(): void;
  autofitRows(): void;
  load(propertyNames?: XlPropertyNames): XlRangeFormat;
}

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats

export type XlDataValidationOperator =
  | 'Between'
  | 'NotBetween'
  | 'EqualTo'
  | 'NotEqualTo'
  | 'GreaterThan'
  | 'LessThan'
  | 'GreaterThanOrEqualTo'
  | 'LessThanOrEqualTo';

export interface XlBasicDataValidation {
  formula1: string | number | XlRange;
  formula2?: string | number | XlRange;
  operator: XlDataValidationOperator;
}

export interface XlDateTimeDataValidation {
  formula1: string | Date | XlRange;
  formula2?: string | Date | XlRange;
  operator: XlDataValidationOperator;
}

export interface XlListDataValidation {
  inCellDropDown: boolean;
  /** Comma-separated items ('1,2,3,4'), a formula ('=EQ_Ratings') or a range. */
  source: string | XlRange;
}

export interface XlCustomDataValidation {
  formula: string;
}

/** Exactly one member is set. */
export interface XlDataValidationRule {
  list?: XlListDataValidation;
  date?: XlDateTimeDataValidation;
  decimal?: XlBasicDataValidation;
  wholeNumber?: XlBasicDataValidation;
  textLength?: XlBasicDataValidation;
  custom?: XlCustomDataValidation;
}

export interface XlDataValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface XlDataValidationErrorAlert {
  showAlert: boolean;
  style: 'Stop' | 'Warning' | 'Information';
  title: string;
  message: string;
}

export type XlDataValidationType =
  | 'None'
  | 'WholeNumber'
  | 'Decimal'
  | 'List'
  | 'Date'
  | 'Time'
  | 'TextLength'
  | 'Custom'
  | 'Inconsistent'
  | 'MixedCriteria';

/** ExcelApi 1.8. */
export interface XlDataValidation {
  rule: XlDataValidationRule;
  prompt: XlDataValidationPrompt;
  errorAlert: XlDataValidationErrorAlert;
  ignoreBlanks: boolean;
  readonly type: XlDataValidationType;
  clear(): void;
  load(propertyNames?: XlPropertyNames): XlDataValidation;
}

export interface XlConditionalRangeFill {
  color: string;
}

export interface XlConditionalRangeFont {
  color: string;
  bold: boolean;
}

export interface XlConditionalRangeFormat {
  readonly fill: XlConditionalRangeFill;
  readonly font: XlConditionalRangeFont;
}

export interface XlConditionalFormatRule {
  /** A formula relative to the top-left cell of the range, e.g. '=AND(B2<>"",B2<3)'. */
  formula: string;
}

export interface XlCustomConditionalFormat {
  readonly rule: XlConditionalFormatRule;
  readonly format: XlConditionalRangeFormat;
}

export interface XlConditionalFormat {
  readonly custom: XlCustomConditionalFormat;
  readonly type:
    | 'Custom'
    | 'DataBar'
    | 'ColorScale'
    | 'IconSet'
    | 'TopBottom'
    | 'PresetCriteria'
    | 'ContainsText'
    | 'CellValue';
  stopIfTrue: boolean;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlConditionalFormat;
}

/** ExcelApi 1.6. Only custom (formula) rules are modelled. */
export interface XlConditionalFormatCollection {
  add(type: 'Custom'): XlConditionalFormat;
  clearAll(): void;
  getCount(): XlClientResult<number>;
}

// ---------------------------------------------------------------------------------------------
// Ranges

export interface XlRange {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** 0-based. */
  readonly rowIndex: number;
  /** 0-based. */
  readonly columnIndex: number;
  /** A value starting with '=' is written as a formula, as when typed. */
  values: XlCellValue[][];
  /** Formula text for formula cells, the value for constants. */
  formulas: XlCellValue[][];
  numberFormat: string[][];
  /** Displayed text (ExcelApi 1.1); the fake gives the value as a string. */
  readonly text: string[][];
  columnHidden: boolean;
  rowHidden: boolean;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: XlConditionalFormatCollection;
  readonly worksheet: XlWorksheet;
  /** 0-based offsets from the top-left cell of this range. */
  getCell(row: number, column: number): XlRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getEntireColumn(): XlRange;
  getEntireRow(): XlRange;
  clear(applyTo?: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks'): void;
  select(): void;
  load(propertyNames?: XlPropertyNames): XlRange;
}

// ---------------------------------------------------------------------------------------------
// Names and settings

/** ExcelApi 1.1 (read), 1.4 (add). */
export interface XlNamedItem {
  readonly name: string;
  /** The reference as a formula, e.g. "='Knowing customers'!$F$5:$F$20". */
  formula: string;
  comment: string;
  readonly type: 'String' | 'Integer' | 'Double' | 'Boolean' | 'Range' | 'Error' | 'Array';
  visible: boolean;
  readonly isNullObject: boolean;
  getRange(): XlRange;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlNamedItem;
}

export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  /** `reference` is a range or a formula such as "='Start'!$B$4". */
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
  load(propertyNames?: XlPropertyNames): XlNamedItemCollection;
}

/** Settings stored in the document for this add-in (ExcelApi 1.4); values round-trip as JSON. */
export interface XlSetting {
  readonly key: string;
  value: unknown;
  readonly isNullObject: boolean;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlSetting;
}

export interface XlSettingCollection {
  readonly items: XlSetting[];
  add(key: string, value: string | number | boolean | Date | unknown[] | object): XlSetting;
  getItem(key: string): XlSetting;
  getItemOrNullObject(key: string): XlSetting;
  load(propertyNames?: XlPropertyNames): XlSettingCollection;
}

// ---------------------------------------------------------------------------------------------
// Charts

export type XlChartType =
  | 'ColumnClustered'
  | 'ColumnStacked'
  | 'ColumnStacked100'
  | 'BarClustered'
  | 'BarStacked'
  | 'BarStacked100'
  | 'Line'
  | 'Pie'
  | 'Doughnut'
  | 'Radar';

export interface XlChartTitle {
  text: string;
  visible: boolean;
  load(propertyNames?: XlPropertyNames): XlChartTitle;
}

export interface XlChartAxis {
  /** Number or 'auto' in Office's typings (`any`); the add-in sets numbers. */
  minimum: unknown;
  maximum: unknown;
  majorUnit: unknown;
  /** ExcelApi 1.8. */
  numberFormat: string;
  load(propertyNames?: XlPropertyNames): XlChartAxis;
}

export interface XlChartAxes {
  readonly valueAxis: XlChartAxis;
  readonly categoryAxis: XlChartAxis;
  /** An axis by type and group ('Secondary' once a series is on the secondary axis); ExcelApi 1.7. */
  getItem(type: 'Invalid' | 'Category' | 'Value' | 'Series', group?: 'Primary' | 'Secondary'): XlChartAxis;
}

/** ExcelApi 1.1. */
export interface XlChartFill {
  setSolidColor(color: string): void;
  clear(): void;
}

/** ExcelApi 1.1 (color); 1.7 (lineStyle, weight). */
export interface XlChartLineFormat {
  color: string;
  /** Points. */
  weight: number;
  load(propertyNames?: XlPropertyNames): XlChartLineFormat;
}

/** ExcelApi 1.1. */
export interface XlChartSeriesFormat {
  readonly fill: XlChartFill;
  readonly line: XlChartLineFormat;
}

/** ExcelApi 1.1. */
export interface XlChartPointFormat {
  readonly fill: XlChartFill;
}

/** ExcelApi 1.1: one bar, column or marker of a series. */
export interface XlChartPoint {
  readonly format: XlChartPointFormat;
}

/** ExcelApi 1.1. */
export interface XlChartPointsCollection {
  getItemAt(index: number): XlChartPoint;
  getCount(): XlClientResult<number>;
}

export type XlChartMarkerStyle =
  | 'Invalid'
  | 'Automatic'
  | 'None'
  | 'Square'
  | 'Diamond'
  | 'Triangle'
  | 'X'
  | 'Star'
  | 'Dot'
  | 'Dash'
  | 'Circle'
  | 'Plus'
  | 'Picture';

/** ExcelApi 1.1; markers 1.7; axisGroup 1.8. */
export interface XlChartSeries {
  name: string;
  readonly format: XlChartSeriesFormat;
  readonly points: XlChartPointsCollection;
  /** Which value axis the series is drawn against (ExcelApi 1.8). */
  axisGroup: 'Primary' | 'Secondary';
  markerStyle: XlChartMarkerStyle;
  markerBackgroundColor: string;
  markerForegroundColor: string;
  /** 2 to 72 points. */
  markerSize: number;
  /** The series' values from a range (ExcelApi 1.7). */
  setValues(sourceData: XlRange): void;
  /** The series' categories from a range (ExcelApi 1.7). */
  setXAxisValues(sourceData: XlRange): void;
  load(propertyNames?: XlPropertyNames): XlChartSeries;
}

/** ExcelApi 1.1. */
export interface XlChartSeriesCollection {
  readonly items: XlChartSeries[];
  getItemAt(index: number): XlChartSeries;
  getCount(): XlClientResult<number>;
  /** A new series at the end, with no data until setValues (ExcelApi 1.7). */
  add(name?: string): XlChartSeries;
  load(propertyNames?: XlPropertyNames): XlChartSeriesCollection;
}

export interface XlChartLegend {
  visible: boolean;
  position: 'Invalid' | 'Top' | 'Bottom' | 'Left' | 'Right' | 'Corner' | 'Custom';
}

export interface XlChart {
  name: string;
  readonly id: string;
  readonly title: XlChartTitle;
  readonly axes: XlChartAxes;
  readonly legend: XlChartLegend;
  /** The series, in the order the chart draws them (ExcelApi 1.1). */
  readonly series: XlChartSeriesCollection;
  readonly isNullObject: boolean;
  /** Where the chart sits, in points from the sheet's top-left corner (ExcelApi 1.1). */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Places the chart over the cells from `startCell` to `endCell`. */
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
  /** Base64 picture of the chart (ExcelApi 1.2). */
  getImage(
    width?: number,
    height?: number,
    fittingMode?: 'Fit' | 'FitAndCenter' | 'Fill',
  ): XlClientResult<string>;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlChart;
}

export interface XlChartCollection {
  readonly items: XlChart[];
  add(type: XlChartType, sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart;
  getItem(name: string): XlChart;
  getItemOrNullObject(name: string): XlChart;
  getCount(): XlClientResult<number>;
  load(propertyNames?: XlPropertyNames): XlChartCollection;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export interface XlWorksheetProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowAutoFilter?: boolean;
  allowSort?: boolean;
  allowEditObjects?: boolean;
  selectionMode?: 'Normal' | 'Unlocked' | 'None';
}

/** ExcelApi 1.2. */
export interface XlWorksheetProtection {
  readonly protected: boolean;
  /** What the protection allows, to put it back as it was after a change that needs it off. */
  readonly options: XlWorksheetProtectionOptions;
  /**
   * Since mid-2026 Excel throws AccessDenied when protecting a protected sheet or unprotecting an
   * unprotected one (https://github.com/OfficeDev/office-js/issues/6784): load `protected` first.
   */
  protect(options?: XlWorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
  load(propertyNames?: XlPropertyNames): XlWorksheetProtection;
}

/** ExcelApi 1.7. */
export interface XlWorksheetFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  /** Freezes the rows above and the columns left of the bottom-right of `frozenRange`. */
  freezeAt(frozenRange: XlRange | string): void;
  unfreeze(): void;
  getLocationOrNullObject(): XlRange;
}

/** ExcelApi 1.9: every member here (headersFooters included) is in 1.9. */
export interface XlPageLayout {
  orientation: 'Portrait' | 'Landscape';
  /** Office's PaperType values ("A4", "Letter", ...). */
  paperSize: string;
  /** Fit to pages wide and tall (0 tall: as many as needed), or a percentage scale. */
  zoom: XlPageLayoutZoomOptions;
  centerHorizontally: boolean;
  /** Margins in points. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  readonly headersFooters: XlHeaderFooterGroup;
  /** An A1 address on this sheet (Office also takes ranges; the plan gives addresses). */
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: XlRange | string): void;
  load(propertyNames?: XlPropertyNames): XlPageLayout;
}

/** ExcelApi 1.9. */
export interface XlPageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

/** ExcelApi 1.9. */
export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}

/** ExcelApi 1.9: texts in Excel's header/footer codes (&P, &N, &A; && for a literal &). */
export interface XlHeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
  load(propertyNames?: XlPropertyNames): XlHeaderFooter;
}

// ---------------------------------------------------------------------------------------------
// Shapes (pictures on a sheet)

/**
 * A picture or other drawing object floating over a sheet (ExcelApi 1.9); positions and sizes in
 * points. On a protected sheet every change needs `allowEditObjects`.
 */
export interface XlShape {
  readonly id: string;
  /** Excel does not keep shape names unique: find by name through `items`, expect duplicates. */
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** True for a new picture: setting `width` then also scales `height`, and the other way round. */
  lockAspectRatio: boolean;
  /** Read by screen readers, and carried into Word or PowerPoint when the picture is pasted. */
  altTextTitle: string;
  altTextDescription: string;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlShape;
}

/** ExcelApi 1.9. */
export interface XlShapeCollection {
  readonly items: XlShape[];
  /** A PNG or JPEG as base64, placed at its own size near the top-left of the sheet. */
  addImage(base64ImageString: string): XlShape;
  /** By name or id; ItemNotFound at sync when there is none. */
  getItem(key: string): XlShape;
  /** ExcelApi 1.14, newer than the rest of shapes: 1.9 to 1.13 hosts must load `items` instead. */
  getItemOrNullObject(key: string): XlShape;
  load(propertyNames?: XlPropertyNames): XlShapeCollection;
}

/** ExcelApi 1.9: a manual page break. */
export interface XlPageBreak {
  /** The first cell after the break: for a horizontal break, column A of the row that starts the page. */
  getCellAfterBreak(): XlRange;
  delete(): void;
}

/** ExcelApi 1.9: a sheet's manual horizontal (or vertical) page breaks. */
export interface XlPageBreakCollection {
  readonly items: XlPageBreak[];
  /** A break above the top-left cell of the range (horizontal) or left of it (vertical). */
  add(pageBreakRange: XlRange | string): XlPageBreak;
  removePageBreaks(): void;
  getCount(): XlClientResult<number>;
  load(propertyNames?: XlPropertyNames): XlPageBreakCollection;
}

export type XlSheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface XlWorksheet {
  name: string;
  readonly id: string;
  position: number;
  visibility: XlSheetVisibility;
  /** '#RRGGBB', or '' for none (ExcelApi 1.7). */
  tabColor: string;
  readonly isNullObject: boolean;
  readonly protection: XlWorksheetProtection;
  readonly freezePanes: XlWorksheetFreezePanes;
  readonly pageLayout: XlPageLayout;
  /** Manual page breaks above rows (ExcelApi 1.9). */
  readonly horizontalPageBreaks: XlPageBreakCollection;
  readonly charts: XlChartCollection;
  /** Pictures and other drawing objects (ExcelApi 1.9). */
  readonly shapes: XlShapeCollection;
  /** Names scoped to this sheet (ExcelApi 1.4). */
  readonly names: XlNamedItemCollection;
  /** ExcelApi 1.7. */
  readonly onChanged: XlEventHandlers<XlWorksheetChangedEventArgs>;
  /** Without an address: the whole sheet. */
  getRange(address?: string): XlRange;
  /** On an empty sheet: A1. */
  getUsedRange(valuesOnly?: boolean): XlRange;
  /** On an empty sheet: a null object (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
  load(propertyNames?: XlPropertyNames): XlWorksheet;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  getCount(visibleOnly?: boolean): XlClientResult<number>;
  /** Changes on any sheet (ExcelApi 1.9). */
  readonly onChanged: XlEventHandlers<XlWorksheetChangedEventArgs>;
  load(propertyNames?: XlPropertyNames): XlWorksheetCollection;
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, context, gateway

export interface XlApplication {
  readonly calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  /** ExcelApi 1.6: no recalculation until the next sync, which speeds up a large write. */
  suspendApiCalculationUntilNextSync(): void;
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void;
  load(propertyNames?: XlPropertyNames): XlApplication;
}

/** Where `insertWorksheetsFromBase64` puts the sheets and which it takes (Excel.InsertWorksheetOptions). */
export interface XlInsertWorksheetOptions {
  /** The source's sheets to insert; all of them when left out. */
  readonly sheetNamesToInsert?: string[];
  readonly positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';
  readonly relativeTo?: string;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly names: XlNamedItemCollection;
  readonly settings: XlSettingCollection;
  readonly application: XlApplication;
  getSelectedRange(): XlRange;
  /**
   * Excel's own parser: inserts the worksheets of an .xlsx file (base64) into this workbook and
   * gives the new sheets' ids (ExcelApi 1.13; gated, see requirements.ts). Excel on the web does
   * not insert charts, comments, PivotTables or slicers (the d.ts remark).
   */
  insertWorksheetsFromBase64(
    base64File: string,
    options?: XlInsertWorksheetOptions,
  ): XlClientResult<string[]>;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  /** Runs the queued batch; rejects with the first failing operation's error. */
  sync(): Promise<void>;
}

/**
 * What the host does with a file the pane makes. Excel for Mac (and Excel on iPad) ignores a
 * download started by a link, silently: there the pane opens a workbook in Excel instead, and says
 * plainly what it cannot save.
 */
export interface HostFiles {
  /** False where a download started from the pane cannot reach the officer. */
  readonly canDownload: boolean;
  /**
   * Opens an .xlsx file (base64) as a new, unsaved workbook in another Excel window
   * (`Excel.createWorkbook`, ExcelApi 1.8); the pane stays with the workbook it was opened in.
   */
  openWorkbook(base64: string): Promise<void>;
}

/**
 * How the add-in reaches Excel: production wraps `Excel.run`,
 * `Office.context.requirements.isSetSupported('ExcelApi', version)` and the host's platform, tests
 * wrap the fake.
 */
export interface ExcelGateway {
  run<T>(fn: (ctx: XlContext) => Promise<T>): Promise<T>;
  isSetSupported(version: string): boolean;
  /** Office.context.platform: what some APIs do differs by host, beyond requirement sets. */
  readonly platform: XlPlatform;
  readonly files: HostFiles;
}

/** Office.PlatformType's values the add-in tells apart; anything else is 'Other'. */
export type XlPlatform = 'PC' | 'Mac' | 'OfficeOnline' | 'iOS' | 'Other';

/** Office's error codes the add-in reacts to (OfficeExtension.Error#code). */
export type XlErrorCode =
  | 'ItemNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'InvalidObjectPath'
  | 'PropertyNotLoaded'
  | 'ItemAlreadyExists'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded';

// ---------------------------------------------------------------------------------------------
// Compile-time proof that each interface is a subset of the real Office.js type. A misspelt or
// mistyped member makes the conditional false and `Assert<false>` a compile error.

type Assert<T extends true> = T;
type Subset<Real, Ours> = Real extends Ours ? true : false;

export type SubsetChecks = [
  Assert<Subset<Excel.RequestContext, XlContext>>,
  Assert<Subset<Excel.Workbook, XlWorkbook>>,
  Assert<Subset<Excel.Application, XlApplication>>,
  Assert<Subset<Excel.WorksheetCollection, XlWorksheetCollection>>,
  Assert<Subset<Excel.Worksheet, XlWorksheet>>,
  Assert<Subset<Excel.WorksheetProtection, XlWorksheetProtection>>,
  Assert<Subset<Excel.WorksheetFreezePanes, XlWorksheetFreezePanes>>,
  Assert<Subset<Excel.PageLayout, XlPageLayout>>,
  Assert<Subset<Excel.HeaderFooterGroup, XlHeaderFooterGroup>>,
  Assert<Subset<Excel.HeaderFooter, XlHeaderFooter>>,
  Assert<Subset<Excel.Range, XlRange>>,
  Assert<Subset<Excel.RangeFormat, XlRangeFormat>>,
  Assert<Subset<Excel.RangeFill, XlRangeFill>>,
  Assert<Subset<Excel.RangeFont, XlRangeFont>>,
  Assert<Subset<Excel.FormatProtection, XlFormatProtection>>,
  Assert<Subset<Excel.RangeBorder, XlRangeBorder>>,
  Assert<Subset<Excel.RangeBorderCollection, XlRangeBorderCollection>>,
  Assert<Subset<Excel.DataValidation, XlDataValidation>>,
  Assert<Subset<Excel.DataValidationRule, XlDataValidationRule>>,
  Assert<Subset<Excel.ConditionalFormatCollection, XlConditionalFormatCollection>>,
  Assert<Subset<Excel.ConditionalFormat, XlConditionalFormat>>,
  Assert<Subset<Excel.NamedItemCollection, XlNamedItemCollection>>,
  Assert<Subset<Excel.NamedItem, XlNamedItem>>,
  Assert<Subset<Excel.SettingCollection, XlSettingCollection>>,
  Assert<Subset<Excel.Setting, XlSetting>>,
  Assert<Subset<Excel.ChartCollection, XlChartCollection>>,
  Assert<Subset<Excel.Chart, XlChart>>,
  Assert<Subset<Excel.ChartAxis, XlChartAxis>>,
  Assert<Subset<Excel.ChartTitle, XlChartTitle>>,
  Assert<Subset<Excel.ChartLegend, XlChartLegend>>,
  Assert<Subset<Excel.ChartAxes, XlChartAxes>>,
  Assert<Subset<Excel.ChartSeriesCollection, XlChartSeriesCollection>>,
  Assert<Subset<Excel.ChartSeries, XlChartSeries>>,
  Assert<Subset<Excel.ChartSeriesFormat, XlChartSeriesFormat>>,
  Assert<Subset<Excel.ChartFill, XlChartFill>>,
  Assert<Subset<Excel.ChartLineFormat, XlChartLineFormat>>,
  Assert<Subset<Excel.ChartPointsCollection, XlChartPointsCollection>>,
  Assert<Subset<Excel.ChartPoint, XlChartPoint>>,
  Assert<Subset<Excel.ChartPointFormat, XlChartPointFormat>>,
  Assert<Subset<Excel.PageBreakCollection, XlPageBreakCollection>>,
  Assert<Subset<Excel.PageBreak, XlPageBreak>>,
  Assert<Subset<Excel.ShapeCollection, XlShapeCollection>>,
  Assert<Subset<Excel.Shape, XlShape>>,
  Assert<Subset<Excel.WorksheetChangedEventArgs, XlWorksheetChangedEventArgs>>,
  Assert<
    Subset<
      OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>,
      XlEventHandlers<XlWorksheetChangedEventArgs>
    >
  >,
  Assert<Subset<OfficeExtension.ClientResult<string>, XlClientResult<string>>>,
];

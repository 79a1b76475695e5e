/**
 * Queues the writes that turn a WorkbookPlan into sheets, without syncing: the caller decides
 * when the batch goes (generation sends it all in one sync). Every decision about layout is in
 * the plan; this file only translates it into Office.js calls. Every member used here is in
 * ExcelApi 1.9 or lower, the manifest's minimum (requirements.ts), so nothing is gated.
 */
import type { XlChart, XlChartAxis, XlChartMarkerStyle, XlContext, XlRange, XlWorksheet } from './api';
import { blockFormulas } from './planCells';
import { columnLetter, parseRange, rect } from '../workbook/address';
import { SHEET_PROTECTION } from '../workbook/layout';
import { AXIS_COPY_NAME } from '../workbook/levelAxis';
import type {
  ChartPlan,
  FormatSpec,
  MarkerSymbol,
  ValueAxis,
  NamePlan,
  SheetPlan,
  ValidationSpec,
  WorkbookPlan,
} from '../workbook/plan';
import { printedPage, type PageSetup } from '../workbook/print';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** Adds every sheet of the plan at the end of the workbook and fills it. */
export function queuePlan(ctx: XlContext, plan: WorkbookPlan): void {
  const sheets = new Map<string, XlWorksheet>();
  for (const sheetPlan of plan.sheets) {
    const sheet = ctx.workbook.worksheets.add(sheetPlan.name);
    sheets.set(sheetPlan.name, sheet);
    queueSheetContent(sheet, sheetPlan);
  }
  for (const chart of plan.charts) {
    const sheet = sheets.get(chart.sheet);
    if (!sheet) throw new RangeError(`chart ${chart.id} is on ${chart.sheet}, which the plan does not have`);
    queueChart(sheet, chart);
  }
  for (const name of plan.names) {
    const sheet = sheets.get(name.sheet);
    if (!sheet) throw new RangeError(`name ${name.name} is on ${name.sheet}, which the plan does not have`);
    queueName(ctx, sheet, name);
  }
  // Protection last: everything above writes into cells that protection would lock.
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.protect) protectSheet(sheets.get(sheetPlan.name));
  }
  const first = plan.sheets.find((s) => s.visible);
  if (first) sheets.get(first.name)?.activate();
}

/** A sheet plan's cells, formats, columns and page setup, written onto `sheet` (new or kept). */
export function queueSheetContent(sheet: XlWorksheet, plan: SheetPlan): void {
  for (const block of plan.blocks) {
    const first = block.cells[0];
    if (!first) continue;
    const { row, column } = parseRange(block.at);
    sheet.getRange(rect(row, column, block.cells.length, first.length)).formulas = blockFormulas(block);
  }
  for (const format of plan.formats) queueFormat(sheet.getRange(format.range), format);
  for (const col of plan.columns) {
    const letter = columnLetter(col.column);
    const range = sheet.getRange(`${letter}:${letter}`);
    range.format.columnWidth = col.width;
    if (col.hidden) range.columnHidden = true;
  }
  for (const validation of plan.validations) queueValidation(sheet.getRange(validation.range), validation);
  for (const highlight of plan.highlights ?? []) {
    const format = sheet.getRange(highlight.range).conditionalFormats.add('Custom');
    format.custom.rule.formula = highlight.formula;
    format.custom.format.fill.color = highlight.fill;
  }
  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    if (columns === 0) sheet.freezePanes.freezeRows(rows);
    else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.freezeAt(sheet.getRange(rect(1, 1, rows, columns)));
  }
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  if (plan.landscape) sheet.pageLayout.orientation = 'Landscape';
  if (plan.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$1:$${plan.printTitleRows}`);
  const page = printedPage(plan);
  if (page) queuePageSetup(sheet, page);
  if (!plan.visible) sheet.visibility = 'Hidden';
}

/** Office.js takes margins in points; the plan keeps inches, as the file does. */
const POINTS_PER_INCH = 72;

/** The plan's page setup (src/workbook/print.ts), as the .xlsx writer applies it too. */
function queuePageSetup(sheet: XlWorksheet, page: PageSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = page.paperSize;
  // A percentage where manual breaks must hold (print.ts PrintScaling); 0 pages tall: as many as needed.
  layout.zoom =
    'percent' in page.scaling
      ? { scale: page.scaling.percent }
      : {
          horizontalFitToPages: page.scaling.fitToPagesWide,
          verticalFitToPages: page.scaling.fitToPagesTall ?? 0,
        };
  layout.centerHorizontally = page.centerHorizontally;
  layout.leftMargin = page.margins.left * POINTS_PER_INCH;
  layout.rightMargin = page.margins.right * POINTS_PER_INCH;
  layout.topMargin = page.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = page.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = page.margins.header * POINTS_PER_INCH;
  layout.footerMargin = page.margins.footer * POINTS_PER_INCH;
  if (page.printArea !== undefined) layout.setPrintArea(page.printArea);
  const texts = layout.headersFooters.defaultForAllPages;
  texts.leftHeader = page.header.left;
  texts.centerHeader = page.header.center;
  texts.rightHeader = page.header.right;
  texts.leftFooter = page.footer.left;
  texts.centerFooter = page.footer.center;
  texts.rightFooter = page.footer.right;
  // Above column A of each row that starts a page (PageBreakCollection.add, ExcelApi 1.9).
  for (const row of page.breaksBeforeRows) sheet.horizontalPageBreaks.add(`A${row}`);
}

function queueFormat(range: XlRange, spec: FormatSpec): void {
  const font = range.format.font;
  if (spec.bold !== undefined) font.bold = spec.bold;
  if (spec.italic !== undefined) font.italic = spec.italic;
  if (spec.fontSize !== undefined) font.size = spec.fontSize;
  if (spec.fontColor !== undefined) font.color = spec.fontColor;
  if (spec.fill !== undefined) range.format.fill.color = spec.fill;
  if (spec.wrap !== undefined) range.format.wrapText = spec.wrap;
  if (spec.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[spec.horizontal];
  if (spec.verticalTop) range.format.verticalAlignment = 'Top';
  if (spec.numberFormat !== undefined) {
    const { rows, columns } = parseRange(spec.range);
    const format = spec.numberFormat;
    range.numberFormat = Array.from({ length: rows }, () => Array.from({ length: columns }, () => format));
  }
  if (spec.locked !== undefined) range.format.protection.locked = spec.locked;
  if (spec.borderBottom) {
    const edge = range.format.borders.getItem('EdgeBottom');
    edge.style = 'Continuous';
    edge.weight = 'Thin';
  }
}

function queueValidation(range: XlRange, spec: ValidationSpec): void {
  const validation = range.dataValidation;
  switch (spec.kind) {
    case 'list':
      validation.rule = { list: { inCellDropDown: true, source: spec.items.join(',') } };
      break;
    case 'date':
      // Any real date: Excel's serial 1 is 1 January 1900.
      validation.rule = { date: { operator: 'GreaterThanOrEqualTo', formula1: '1900-01-01' } };
      break;
    case 'decimal':
      validation.rule = { decimal: { operator: 'Between', formula1: spec.min, formula2: spec.max } };
      break;
  }
  validation.ignoreBlanks = spec.allowBlank ?? true;
  validation.prompt = { showPrompt: true, title: spec.prompt.title, message: spec.prompt.message };
  validation.errorAlert = {
    showAlert: true,
    style: 'Stop',
    title: spec.error.title,
    message: spec.error.message,
  };
}

const CHART_TYPES = {
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
  line: 'Line',
} as const;

function queueChart(sheet: XlWorksheet, plan: ChartPlan): void {
  const chart = sheet.charts.add(CHART_TYPES[plan.kind], sheet.getRange(plan.source), 'Columns');
  chart.name = plan.id;
  chart.title.text = plan.title;
  chart.setPosition(plan.from, plan.to);
  queueAxis(chart.axes.valueAxis, plan.valueAxis);
  queueSeriesStyles(chart, plan);
  if (plan.secondaryAxisCopy) queueSecondaryAxisCopy(sheet, chart, plan);
  if (plan.legend === false) chart.legend.visible = false;
  // After the series: the secondary axis exists only once a series is on it.
  if (plan.secondaryValueAxis) queueAxis(chart.axes.getItem('Value', 'Secondary'), plan.secondaryValueAxis);
}

/**
 * The hidden copy of the first series on the secondary axis (ChartPlan.secondaryAxisCopy): its
 * values and categories are the first series', it has no fill, so only its axis shows.
 */
function queueSecondaryAxisCopy(sheet: XlWorksheet, chart: XlChart, plan: ChartPlan): void {
  const { row, column, rows } = parseRange(plan.source);
  const copy = chart.series.add(AXIS_COPY_NAME);
  copy.setValues(sheet.getRange(rect(row + 1, column + 1, rows - 1, 1)));
  copy.setXAxisValues(sheet.getRange(rect(row + 1, column, rows - 1, 1)));
  copy.axisGroup = 'Secondary';
  copy.format.fill.clear();
}

function queueAxis(axis: XlChartAxis, plan: ValueAxis): void {
  axis.minimum = plan.min;
  axis.maximum = plan.max;
  axis.majorUnit = plan.majorUnit;
  if (plan.numberFormat !== undefined) axis.numberFormat = plan.numberFormat;
}

const MARKERS: Readonly<Record<MarkerSymbol, XlChartMarkerStyle>> = {
  circle: 'Circle',
  square: 'Square',
  triangle: 'Triangle',
  diamond: 'Diamond',
  x: 'X',
  plus: 'Plus',
  star: 'Star',
};

/** The plan's colours and markers, as the .xlsx writer draws them too (src/xlsx/chartXml.ts). */
function queueSeriesStyles(chart: XlChart, plan: ChartPlan): void {
  plan.series.forEach((style, i) => {
    const series = chart.series.getItemAt(i);
    if (plan.kind === 'line') {
      series.format.line.color = style.colour;
      series.markerStyle = MARKERS[style.marker ?? 'circle'];
      series.markerBackgroundColor = style.colour;
      series.markerForegroundColor = style.colour;
    } else {
      series.format.fill.setSolidColor(style.colour);
    }
    if (style.secondaryAxis) series.axisGroup = 'Secondary';
  });
  const points = chart.series.getItemAt(0).points;
  (plan.pointColours ?? []).forEach((colour, p) => points.getItemAt(p).format.fill.setSolidColor(colour));
}

function queueName(ctx: XlContext, sheet: XlWorksheet, plan: NamePlan): void {
  ctx.workbook.names.add(plan.name, sheet.getRange(plan.range), plan.comment);
}

export function protectSheet(sheet: XlWorksheet | undefined): void {
  if (!sheet) return;
  sheet.protection.protect({
    allowFormatCells: SHEET_PROTECTION.formatCells,
    allowFormatColumns: SHEET_PROTECTION.formatColumns,
    allowFormatRows: SHEET_PROTECTION.formatRows,
    allowAutoFilter: SHEET_PROTECTION.autoFilter,
    allowSort: SHEET_PROTECTION.sort,
    allowEditObjects: SHEET_PROTECTION.editObjects,
  });
}

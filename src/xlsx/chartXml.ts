/**
 * Charts as DrawingML: one chart part per ChartPlan and one drawing part per sheet that anchors
 * them to cells. No maintained JavaScript library writes charts together with data validation
 * (platform-facts.md), and the plan needs only clustered bar and column charts with a title, a
 * fixed value axis and series by columns, so the parts are written here.
 */
import { absolute, parseRange, quoteSheet, rect } from '../workbook/address';
import type { ChartPlan } from '../workbook/plan';
import { NS } from './namespaces';
import { argb, el, escapeText, XML_DECLARATION, xmlNumber } from './xml';

/** Series colours, in series order (Office's default palette). */
export const SERIES_COLOURS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'] as const;

const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;

export interface ChartSeries {
  /** The header cell holding the series name. */
  readonly name: string;
  readonly categories: string;
  readonly values: string;
}

/** Series by columns: the first column holds the categories, the header row the series names. */
export function chartSeries(chart: ChartPlan): ChartSeries[] {
  const { row, column, rows, columns } = parseRange(chart.source);
  if (rows < 2 || columns < 2) {
    throw new RangeError(
      `chart ${chart.id}: its source ${chart.source} needs a header row and a category column besides the data`,
    );
  }
  const on = (address: ReturnType<typeof rect>) => `${quoteSheet(chart.sheet)}!${absolute(address)}`;
  const categories = on(rect(row + 1, column, rows - 1, 1));
  return Array.from({ length: columns - 1 }, (_, i) => ({
    name: on(rect(row, column + 1 + i, 1, 1)),
    categories,
    values: on(rect(row + 1, column + 1 + i, rows - 1, 1)),
  }));
}

const solid = (colour: string) =>
  el('a:solidFill', {}, el('a:srgbClr', { val: argb(colour, 'chart').slice(2) }));

function richText(text: string, sizeHundredths: number, bold: boolean): string {
  return el(
    'c:rich',
    {},
    el('a:bodyPr'),
    el('a:lstStyle'),
    el(
      'a:p',
      {},
      el('a:pPr', {}, el('a:defRPr', { sz: sizeHundredths, b: bold })),
      el(
        'a:r',
        {},
        el('a:rPr', { lang: 'en-GB', sz: sizeHundredths, b: bold }),
        el('a:t', {}, escapeText(text)),
      ),
    ),
  );
}

/** Bars across, columns up, or lines; a chart kind this writer does not know fails the typecheck here. */
function barDirection(chart: ChartPlan): 'bar' | 'col' | 'line' {
  switch (chart.kind) {
    case 'barClustered':
      return 'bar';
    case 'columnClustered':
      return 'col';
    case 'line':
      return 'line';
    default: {
      const unknown: never = chart.kind;
      throw new RangeError(
        `chart ${chart.id}: the file writer cannot draw a chart of kind ${String(unknown)}`,
      );
    }
  }
}

/** xl/charts/chartN.xml */
export function chartXml(chart: ChartPlan): string {
  const where = `chart ${chart.id}`;
  const lines = barDirection(chart) === 'line';
  const series = chartSeries(chart).map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#4472C4';
    // The schema's order: a line series has a marker and no invertIfNegative, and ends with smooth.
    return el(
      'c:ser',
      {},
      el('c:idx', { val: i }),
      el('c:order', { val: i }),
      el('c:tx', {}, el('c:strRef', {}, el('c:f', {}, escapeText(s.name)))),
      lines ? el('c:spPr', {}, el('a:ln', { w: 28575 }, solid(colour))) : el('c:spPr', {}, solid(colour)),
      lines
        ? el(
            'c:marker',
            {},
            el('c:symbol', { val: 'circle' }),
            el('c:size', { val: 6 }),
            el('c:spPr', {}, solid(colour)),
          )
        : el('c:invertIfNegative', { val: 0 }),
      el('c:cat', {}, el('c:strRef', {}, el('c:f', {}, escapeText(s.categories)))),
      el('c:val', {}, el('c:numRef', {}, el('c:f', {}, escapeText(s.values)))),
      lines ? el('c:smooth', { val: 0 }) : '',
    );
  });
  const horizontalBars = barDirection(chart) === 'bar';
  const plotted = lines
    ? el(
        'c:lineChart',
        {},
        el('c:grouping', { val: 'standard' }),
        el('c:varyColors', { val: 0 }),
        ...series,
        el('c:marker', { val: 1 }),
        el('c:axId', { val: CATEGORY_AXIS_ID }),
        el('c:axId', { val: VALUE_AXIS_ID }),
      )
    : el(
        'c:barChart',
        {},
        el('c:barDir', { val: barDirection(chart) }),
        el('c:grouping', { val: 'clustered' }),
        el('c:varyColors', { val: 0 }),
        ...series,
        el('c:gapWidth', { val: 150 }),
        el('c:axId', { val: CATEGORY_AXIS_ID }),
        el('c:axId', { val: VALUE_AXIS_ID }),
      );
  const axis = chart.valueAxis;
  return (
    XML_DECLARATION +
    el(
      'c:chartSpace',
      { 'xmlns:c': NS.chart, 'xmlns:a': NS.a, 'xmlns:r': NS.rel },
      el('c:roundedCorners', { val: 0 }),
      el(
        'c:chart',
        {},
        el('c:title', {}, el('c:tx', {}, richText(chart.title, 1400, true)), el('c:overlay', { val: 0 })),
        el('c:autoTitleDeleted', { val: 0 }),
        el(
          'c:plotArea',
          {},
          el('c:layout'),
          plotted,
          el(
            'c:catAx',
            {},
            el('c:axId', { val: CATEGORY_AXIS_ID }),
            el('c:scaling', {}, el('c:orientation', { val: 'minMax' })),
            el('c:delete', { val: 0 }),
            el('c:axPos', { val: horizontalBars ? 'l' : 'b' }),
            el('c:numFmt', { formatCode: 'General', sourceLinked: 1 }),
            el('c:majorTickMark', { val: 'out' }),
            el('c:minorTickMark', { val: 'none' }),
            el('c:tickLblPos', { val: 'nextTo' }),
            el('c:crossAx', { val: VALUE_AXIS_ID }),
            el('c:crosses', { val: 'autoZero' }),
            el('c:auto', { val: 1 }),
            el('c:lblAlgn', { val: 'ctr' }),
            el('c:lblOffset', { val: 100 }),
            el('c:noMultiLvlLbl', { val: 0 }),
          ),
          el(
            'c:valAx',
            {},
            el('c:axId', { val: VALUE_AXIS_ID }),
            el(
              'c:scaling',
              {},
              el('c:orientation', { val: 'minMax' }),
              el('c:max', { val: xmlNumber(axis.max, where) }),
              el('c:min', { val: xmlNumber(axis.min, where) }),
            ),
            el('c:delete', { val: 0 }),
            el('c:axPos', { val: horizontalBars ? 'b' : 'l' }),
            el('c:majorGridlines'),
            el('c:numFmt', {
              formatCode: axis.numberFormat ?? 'General',
              sourceLinked: axis.numberFormat === undefined,
            }),
            el('c:majorTickMark', { val: 'out' }),
            el('c:minorTickMark', { val: 'none' }),
            el('c:tickLblPos', { val: 'nextTo' }),
            el('c:crossAx', { val: CATEGORY_AXIS_ID }),
            el('c:crosses', { val: 'autoZero' }),
            el('c:crossBetween', { val: 'between' }),
            el('c:majorUnit', { val: xmlNumber(axis.majorUnit, where) }),
          ),
        ),
        el('c:legend', {}, el('c:legendPos', { val: 'b' }), el('c:overlay', { val: 0 })),
        el('c:plotVisOnly', { val: 1 }),
        el('c:dispBlanksAs', { val: 'gap' }),
      ),
    )
  );
}

/** A cell's zero-based column and row, as drawing anchors count them. */
function anchorPoint(tag: 'xdr:from' | 'xdr:to', column: number, row: number): string {
  return el(
    tag,
    {},
    el('xdr:col', {}, String(column)),
    el('xdr:colOff', {}, '0'),
    el('xdr:row', {}, String(row)),
    el('xdr:rowOff', {}, '0'),
  );
}

/**
 * xl/drawings/drawingN.xml: each chart spans from the top-left corner of `from` to the
 * bottom-right corner of `to`, as Office.js `setPosition(from, to)` places it.
 * `relIds[i]` is the relationship id of `charts[i]` in the drawing's relationships.
 */
export function drawingXml(charts: readonly ChartPlan[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const from = parseRange(chart.from);
    const to = parseRange(chart.to);
    return el(
      'xdr:twoCellAnchor',
      {},
      anchorPoint('xdr:from', from.column - 1, from.row - 1),
      anchorPoint('xdr:to', to.column, to.row),
      el(
        'xdr:graphicFrame',
        { macro: '' },
        el(
          'xdr:nvGraphicFramePr',
          {},
          el('xdr:cNvPr', { id: i + 2, name: chart.id, descr: chart.title }),
          el('xdr:cNvGraphicFramePr'),
        ),
        el('xdr:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })),
        el(
          'a:graphic',
          {},
          el(
            'a:graphicData',
            { uri: NS.chart },
            el('c:chart', { 'xmlns:c': NS.chart, 'r:id': relIds[i] ?? `rId${i + 1}` }),
          ),
        ),
      ),
      el('xdr:clientData'),
    );
  });
  return (
    XML_DECLARATION +
    el('xdr:wsDr', { 'xmlns:xdr': NS.drawing, 'xmlns:a': NS.a, 'xmlns:r': NS.rel }, ...anchors)
  );
}

/**
 * Charts as DrawingML: one chart part per ChartPlan and one drawing part per sheet that anchors
 * them to cells. No maintained JavaScript library writes charts together with data validation
 * (platform-facts.md), and the plan needs only clustered bars, columns and lines with a title,
 * fixed value axes and series by columns, coloured as the plan says, so the parts are written here.
 */
import { absolute, parseRange, quoteSheet, rect } from '../workbook/address';
import { AXIS_COPY_NAME } from '../workbook/levelAxis';
import type { ChartPlan, ValueAxis } from '../workbook/plan';
import { NS } from './namespaces';
import { argb, el, escapeText, XML_DECLARATION, xmlNumber } from './xml';

const CATEGORY_AXIS_ID = 500000001;
const VALUE_AXIS_ID = 500000002;
const SECONDARY_CATEGORY_AXIS_ID = 500000003;
const SECONDARY_VALUE_AXIS_ID = 500000004;

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

const solid = (colour: string, where: string) =>
  el('a:solidFill', {}, el('a:srgbClr', { val: argb(colour, where).slice(2) }));

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

/** One series: its colour (and marker) from the plan, and each point's colour where the plan gives them. */
function seriesXml(chart: ChartPlan, s: ChartSeries, i: number): string {
  const lines = barDirection(chart) === 'line';
  const style = chart.series[i];
  if (!style) throw new RangeError(`chart ${chart.id}: series ${i + 1} has no style in the plan`);
  const colour = style.colour;
  const where = `chart ${chart.id}`;
  // Where each area is a point of the one series, each bar is filled with its area's colour.
  const points = (chart.pointColours ?? []).map((pointColour, p) =>
    el(
      'c:dPt',
      {},
      el('c:idx', { val: p }),
      lines ? '' : el('c:invertIfNegative', { val: 0 }),
      el('c:bubble3D', { val: 0 }),
      el('c:spPr', {}, solid(pointColour, `${where}, point ${p + 1}`)),
    ),
  );
  // The schema's order: a line series has a marker and no invertIfNegative, and ends with smooth.
  return el(
    'c:ser',
    {},
    el('c:idx', { val: i }),
    el('c:order', { val: i }),
    el('c:tx', {}, el('c:strRef', {}, el('c:f', {}, escapeText(s.name)))),
    lines
      ? el('c:spPr', {}, el('a:ln', { w: 28575 }, solid(colour, where)))
      : el('c:spPr', {}, solid(colour, where)),
    lines
      ? el(
          'c:marker',
          {},
          el('c:symbol', { val: style.marker ?? 'circle' }),
          el('c:size', { val: 7 }),
          el('c:spPr', {}, solid(colour, where), el('a:ln', {}, solid(colour, where))),
        )
      : el('c:invertIfNegative', { val: 0 }),
    ...points,
    el('c:cat', {}, el('c:strRef', {}, el('c:f', {}, escapeText(s.categories)))),
    el('c:val', {}, el('c:numRef', {}, el('c:f', {}, escapeText(s.values)))),
    lines ? el('c:smooth', { val: 0 }) : '',
  );
}

/**
 * The hidden copy of the first series on the secondary axis (ChartPlan.secondaryAxisCopy): the
 * same categories and values, with no fill and no line, so it draws nothing.
 */
function axisCopyXml(chart: ChartPlan, index: number): string {
  const first = chartSeries(chart)[0];
  if (!first) throw new RangeError(`chart ${chart.id}: there is no series to copy onto the secondary axis`);
  const lines = barDirection(chart) === 'line';
  return el(
    'c:ser',
    {},
    el('c:idx', { val: index }),
    el('c:order', { val: index }),
    el('c:tx', {}, el('c:v', {}, escapeText(AXIS_COPY_NAME))),
    el('c:spPr', {}, el('a:noFill'), el('a:ln', {}, el('a:noFill'))),
    lines ? el('c:marker', {}, el('c:symbol', { val: 'none' })) : el('c:invertIfNegative', { val: 0 }),
    el('c:cat', {}, el('c:strRef', {}, el('c:f', {}, escapeText(first.categories)))),
    el('c:val', {}, el('c:numRef', {}, el('c:f', {}, escapeText(first.values)))),
    lines ? el('c:smooth', { val: 0 }) : '',
  );
}

/** The plotted group of series: lines, or clustered bars or columns, against one pair of axes. */
function plottedXml(chart: ChartPlan, series: string[], axisIds: readonly [number, number]): string {
  const axes = axisIds.map((id) => el('c:axId', { val: id }));
  if (barDirection(chart) === 'line')
    return el(
      'c:lineChart',
      {},
      el('c:grouping', { val: 'standard' }),
      el('c:varyColors', { val: 0 }),
      ...series,
      el('c:marker', { val: 1 }),
      ...axes,
    );
  return el(
    'c:barChart',
    {},
    el('c:barDir', { val: barDirection(chart) }),
    el('c:grouping', { val: 'clustered' }),
    el('c:varyColors', { val: 0 }),
    ...series,
    el('c:gapWidth', { val: 150 }),
    ...axes,
  );
}

function categoryAxisXml(id: number, crossAxis: number, position: 'l' | 'b', deleted: boolean): string {
  return el(
    'c:catAx',
    {},
    el('c:axId', { val: id }),
    el('c:scaling', {}, el('c:orientation', { val: 'minMax' })),
    el('c:delete', { val: deleted ? 1 : 0 }),
    el('c:axPos', { val: position }),
    el('c:numFmt', { formatCode: 'General', sourceLinked: 1 }),
    el('c:majorTickMark', { val: deleted ? 'none' : 'out' }),
    el('c:minorTickMark', { val: 'none' }),
    el('c:tickLblPos', { val: 'nextTo' }),
    el('c:crossAx', { val: crossAxis }),
    el('c:crosses', { val: 'autoZero' }),
    el('c:auto', { val: 1 }),
    el('c:lblAlgn', { val: 'ctr' }),
    el('c:lblOffset', { val: 100 }),
    el('c:noMultiLvlLbl', { val: 0 }),
  );
}

function valueAxisXml(
  chart: ChartPlan,
  axis: ValueAxis,
  ids: { readonly id: number; readonly cross: number },
  place: {
    readonly position: 'l' | 'b' | 'r';
    readonly gridlines: boolean;
    readonly crosses: 'autoZero' | 'max';
  },
): string {
  const where = `chart ${chart.id}`;
  return el(
    'c:valAx',
    {},
    el('c:axId', { val: ids.id }),
    el(
      'c:scaling',
      {},
      el('c:orientation', { val: 'minMax' }),
      el('c:max', { val: xmlNumber(axis.max, where) }),
      el('c:min', { val: xmlNumber(axis.min, where) }),
    ),
    el('c:delete', { val: 0 }),
    el('c:axPos', { val: place.position }),
    place.gridlines ? el('c:majorGridlines') : '',
    el('c:numFmt', {
      formatCode: axis.numberFormat ?? 'General',
      sourceLinked: axis.numberFormat === undefined,
    }),
    el('c:majorTickMark', { val: 'out' }),
    el('c:minorTickMark', { val: 'none' }),
    el('c:tickLblPos', { val: 'nextTo' }),
    el('c:crossAx', { val: ids.cross }),
    el('c:crosses', { val: place.crosses }),
    el('c:crossBetween', { val: 'between' }),
    el('c:majorUnit', { val: xmlNumber(axis.majorUnit, where) }),
  );
}

/** xl/charts/chartN.xml */
export function chartXml(chart: ChartPlan): string {
  const all = chartSeries(chart).map((s, i) => ({
    secondary: chart.series[i]?.secondaryAxis === true,
    xml: seriesXml(chart, s, i),
  }));
  const primary = all.filter((s) => !s.secondary).map((s) => s.xml);
  const secondary = [
    ...all.filter((s) => s.secondary).map((s) => s.xml),
    ...(chart.secondaryAxisCopy ? [axisCopyXml(chart, all.length)] : []),
  ];
  const secondaryAxis = chart.secondaryValueAxis;
  if (secondary.length > 0 !== (secondaryAxis !== undefined))
    throw new RangeError(
      `chart ${chart.id}: a secondary axis needs a series drawn on it, and the other way round`,
    );
  const horizontalBars = barDirection(chart) === 'bar';
  const groups = [
    plottedXml(chart, primary, [CATEGORY_AXIS_ID, VALUE_AXIS_ID]),
    secondaryAxis ? plottedXml(chart, secondary, [SECONDARY_CATEGORY_AXIS_ID, SECONDARY_VALUE_AXIS_ID]) : '',
  ];
  const axes = [
    categoryAxisXml(CATEGORY_AXIS_ID, VALUE_AXIS_ID, horizontalBars ? 'l' : 'b', false),
    valueAxisXml(
      chart,
      chart.valueAxis,
      { id: VALUE_AXIS_ID, cross: CATEGORY_AXIS_ID },
      { position: horizontalBars ? 'b' : 'l', gridlines: true, crosses: 'autoZero' },
    ),
    // The secondary pair: its category axis is hidden (the primary one shows the categories) and
    // its value axis stands on the other side, over the same scale.
    ...(secondaryAxis
      ? [
          categoryAxisXml(
            SECONDARY_CATEGORY_AXIS_ID,
            SECONDARY_VALUE_AXIS_ID,
            horizontalBars ? 'l' : 'b',
            true,
          ),
          valueAxisXml(
            chart,
            secondaryAxis,
            { id: SECONDARY_VALUE_AXIS_ID, cross: SECONDARY_CATEGORY_AXIS_ID },
            { position: horizontalBars ? 'b' : 'r', gridlines: false, crosses: 'max' },
          ),
        ]
      : []),
  ];
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
        el('c:plotArea', {}, el('c:layout'), ...groups, ...axes),
        // No c:legend element is no legend, in Excel and in LibreOffice alike.
        chart.legend === false
          ? ''
          : el('c:legend', {}, el('c:legendPos', { val: 'b' }), el('c:overlay', { val: 0 })),
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

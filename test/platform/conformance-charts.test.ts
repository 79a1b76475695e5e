/**
 * Conformance of the fake to Excel for chart series, their points, colours, markers and axis
 * group, and for manual page breaks (objects/chartSeries.ts, objects/pageBreaks.ts). As in
 * conformance.test.ts, each block cites the Excel side: "d.ts" is the doc comment in
 * node_modules/@types/office-js/index.d.ts (quoted), "ref" the Office.js reference on
 * learn.microsoft.com/javascript/api/excel. Where Excel's behaviour is not documented the fake
 * refuses rather than guesses; those cases say so and are listed in fake-excel/README.md under
 * "Where it is stricter than Excel, on purpose".
 */
import { FakeContext, FakeOfficeError, FakeWorkbook } from './fake-excel';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
};

/** A sheet with a source of three categories and two series, and a column chart made from it. */
function withChart() {
  const doc = new FakeWorkbook({ sheets: ['Summary'] });
  const ctx = new FakeContext(doc);
  const sheet = ctx.workbook.worksheets.getItem('Summary');
  sheet.getRange('A1:C4').values = [
    ['Area', 'Developing', 'Achieving'],
    ['One', 0.5, 0.25],
    ['Two', 1, 0.5],
    ['Three', 0, 0],
  ];
  const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'), 'Columns');
  chart.name = 'Shares';
  return { doc, ctx, sheet, chart, state: () => doc.charts('Summary')[0] };
}

describe('ChartSeriesCollection and ChartSeries made from the source', () => {
  // ref ChartCollection.add "seriesBy: Specifies the way columns or rows are used as data series
  // on the chart". d.ts ChartSeriesCollection.getCount: "Returns the number of series in the
  // collection."; getItemAt: "Retrieves a series based on its position in the collection.";
  // ChartSeries.name: "Specifies the name of a series in a chart."; ChartPointsCollection.getCount:
  // "Returns the number of chart points in the series."
  it('one series per column after the first, named by its header, one point per row below it', async () => {
    const { ctx, chart } = withChart();
    const count = chart.series.getCount();
    const first = chart.series.getItemAt(0).load('name');
    const second = chart.series.getItemAt(1).load('name');
    const points = chart.series.getItemAt(0).points.getCount();
    await ctx.sync();
    expect([count.value, first.name, second.name, points.value]).toEqual([2, 'Developing', 'Achieving', 3]);
  });

  // d.ts getItemAt takes a position in the collection; there is no third series to retrieve.
  it('refuses a series past the end (InvalidArgument)', async () => {
    const { ctx, chart } = withChart();
    chart.series.getItemAt(2).load('name');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });

  // d.ts ChartFill.setSolidColor: "Sets the fill formatting of a chart element to a uniform
  // color."; ChartFill.clear: "Clears the fill color of a chart element."; ChartLineFormat.color:
  // "HTML color code representing the color of lines in the chart."; ChartPoint.format:
  // "Encapsulates the format properties chart point."
  it('fill, cleared fill, line colour and weight of a series, and the fill of one point', async () => {
    const { ctx, chart, state } = withChart();
    const first = chart.series.getItemAt(0);
    const second = chart.series.getItemAt(1);
    first.format.fill.setSolidColor('#0072b2');
    first.points.getItemAt(2).format.fill.setSolidColor('#D55E00');
    second.format.line.color = '#117733';
    second.format.line.weight = 2.25;
    second.format.fill.clear();
    await ctx.sync();
    const [drawn, cleared] = state()?.series ?? [];
    expect([drawn?.fill, [...(drawn?.pointFills ?? [])]]).toEqual(['#0072B2', [[2, '#D55E00']]]);
    expect([cleared?.lineColor, cleared?.lineWeight, cleared?.fill]).toEqual(['#117733', 2.25, null]);
    // A series never given a fill keeps Excel's automatic colour: not the same as one cleared.
    const { state: fresh } = withChart();
    expect(fresh()?.series[0]?.fill).toBeUndefined();
  });

  // d.ts markerStyle: "Specifies the marker style of a chart series."; markerBackgroundColor /
  // markerForegroundColor: "Specifies the marker background/foreground color of a chart series.";
  // markerSize: "The supported size range is 2 to 72. This method returns an InvalidArgument error
  // if it's set with a size outside of the supported range."
  it('marker style, colours and size; a size outside 2 to 72 is InvalidArgument', async () => {
    const doc = new FakeWorkbook({ sheets: ['Trend'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Trend');
    sheet.getRange('A1:B3').values = [
      ['Date', 'Leadership'],
      ['2025-03-31', 1],
      ['2026-03-31', 2],
    ];
    const series = sheet.charts.add('Line', sheet.getRange('A1:B3'), 'Columns').series.getItemAt(0);
    series.markerStyle = 'Triangle';
    series.markerBackgroundColor = '#D55E00';
    series.markerForegroundColor = '#d55e00';
    series.markerSize = 7;
    series.load('markerStyle, markerBackgroundColor, markerForegroundColor, markerSize');
    await ctx.sync();
    expect([
      series.markerStyle,
      series.markerBackgroundColor,
      series.markerForegroundColor,
      series.markerSize,
    ]).toEqual(['Triangle', '#D55E00', '#D55E00', 7]);
    series.markerSize = 1;
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    series.markerSize = 73;
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('ChartSeries.axisGroup and the secondary value axis', () => {
  // d.ts ChartSeries.axisGroup: "Specifies the group for the specified series." [ExcelApi 1.8];
  // ChartAxes.getItem: "Returns the specific axis identified by type and group." [ExcelApi 1.7].
  it('moves a series to the secondary group, whose value axis then takes a scale and a format', async () => {
    const { ctx, chart, state } = withChart();
    const second = chart.series.getItemAt(1);
    second.axisGroup = 'Secondary';
    const axis = chart.axes.getItem('Value', 'Secondary');
    axis.minimum = 0;
    axis.maximum = 1;
    axis.numberFormat = '[=0]"None";[=1]"All";""';
    second.load('axisGroup');
    await ctx.sync();
    expect(second.axisGroup).toBe('Secondary');
    expect(state()?.series.map((s) => s.axisGroup)).toEqual(['Primary', 'Secondary']);
    expect(state()?.secondaryValueAxis).toEqual({
      minimum: 0,
      maximum: 1,
      numberFormat: '[=0]"None";[=1]"All";""',
    });
  });

  // Stricter on purpose (README): what Excel does with the secondary value axis while no series
  // is on it is not documented (d.ts says only "Returns the specific axis identified by type and
  // group"), so the fake refuses it: the add-in must move a series there first.
  it('refuses the secondary value axis while no series is on it (InvalidOperation), and an unknown group', async () => {
    const { ctx, chart } = withChart();
    chart.axes.getItem('Value', 'Secondary').minimum = 0;
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    chart.series.getItemAt(0).axisGroup = 'Tertiary' as 'Primary';
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('ChartSeriesCollection.add, setValues and setXAxisValues', () => {
  // d.ts add: "Add a new series to the collection. The new added series is not visible until
  // values, x-axis values, or bubble sizes for it are set (depending on chart type)." [ExcelApi
  // 1.7]; setValues: "Sets the values for a chart series."; setXAxisValues: "Sets the values of
  // the x-axis for a chart series."
  it('adds a named series at the end, with no points until its values are set', async () => {
    const { ctx, sheet, chart, state } = withChart();
    const added = chart.series.add('Copy');
    const before = added.points.getCount();
    await ctx.sync();
    expect([state()?.series.length, before.value]).toEqual([3, 0]);
    added.setValues(sheet.getRange('B2:B4'));
    added.setXAxisValues(sheet.getRange('A2:A4'));
    added.axisGroup = 'Secondary';
    const count = chart.series.getCount();
    const name = chart.series.getItemAt(2).load('name');
    const points = added.points.getCount();
    await ctx.sync();
    expect([count.value, name.name, points.value]).toEqual([3, 'Copy', 3]);
    expect(state()?.series[2]).toMatchObject({
      values: 'Summary!$B$2:$B$4',
      categories: 'Summary!$A$2:$A$4',
      axisGroup: 'Secondary',
    });
  });

  // The add-in sets a series from one column; the fake takes one row or one column only (Excel's
  // handling of a block is not documented), and says so.
  it('refuses values from a block of several rows and columns (InvalidArgument)', async () => {
    const { ctx, sheet, chart } = withChart();
    chart.series.add('Block').setValues(sheet.getRange('B2:C4'));
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

describe('ChartLegend', () => {
  // d.ts ChartLegend.visible: "Specifies if the chart legend is visible."
  it('hides the legend', async () => {
    const { ctx, chart, state } = withChart();
    await ctx.sync();
    expect(state()?.legendVisible).toBe(true);
    chart.legend.visible = false;
    await ctx.sync();
    expect(state()?.legendVisible).toBe(false);
  });
});

describe('PageBreakCollection and PageBreak', () => {
  // d.ts Worksheet.horizontalPageBreaks: "Gets the horizontal page break collection for the
  // worksheet. This collection only contains manual page breaks." [ExcelApi 1.9];
  // PageBreakCollection.add: "Adds a page break before the top-left cell of the range specified.
  // @param pageBreakRange The range immediately after the page break to be added."; getCount:
  // "Gets the number of page breaks in the collection."; removePageBreaks: "Resets all manual page
  // breaks in the collection."; PageBreak.getCellAfterBreak: "Gets the first cell after the page
  // break."; PageBreak.delete: "Deletes a page break object."
  it('adds breaks above a range or an address, lists them in row order, deletes one and resets all', async () => {
    const doc = new FakeWorkbook({ sheets: ['Leadership'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Leadership');
    const breaks = sheet.horizontalPageBreaks;
    breaks.add(sheet.getRange('C20:D25'));
    const first = breaks.add('A9');
    const count = breaks.getCount();
    const after = first.getCellAfterBreak().load('address');
    breaks.load('items');
    await ctx.sync();
    expect([count.value, after.address]).toEqual([2, 'Leadership!A9']);
    const cells = breaks.items.map((b) => b.getCellAfterBreak().load('address'));
    await ctx.sync();
    // A break is above its row: the range's first row starts the page, whatever its column.
    expect(cells.map((c) => c.address)).toEqual(['Leadership!A9', 'Leadership!A20']);
    first.delete();
    const left = breaks.getCount();
    await ctx.sync();
    expect(left.value).toBe(1);
    breaks.removePageBreaks();
    const none = breaks.getCount();
    await ctx.sync();
    expect(none.value).toBe(0);
  });

  // Stricter on purpose (README): a break above row 1 starts no page, and what Excel does with it
  // is not documented, so the fake refuses it. A range on another sheet is refused too (the
  // collection is the worksheet's own).
  it('refuses a break above row 1 and a range on another sheet (InvalidArgument)', async () => {
    const doc = new FakeWorkbook({ sheets: ['Leadership', 'Other'] });
    const ctx = new FakeContext(doc);
    const sheet = ctx.workbook.worksheets.getItem('Leadership');
    sheet.horizontalPageBreaks.add('B1');
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    sheet.horizontalPageBreaks.add(ctx.workbook.worksheets.getItem('Other').getRange('A5'));
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
  });
});

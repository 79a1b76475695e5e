/**
 * A chart's series, their points and formats (Office.js ChartSeriesCollection, ChartSeries,
 * ChartSeriesFormat, ChartFill, ChartLineFormat, ChartPointsCollection, ChartPoint,
 * ChartPointFormat). Series come from the source as Excel makes them for `seriesBy`: by columns,
 * one series per column after the first (the categories), named by the header row.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.chartseries
 */
import type {
  XlChartFill,
  XlChartLineFormat,
  XlChartMarkerStyle,
  XlChartPoint,
  XlChartPointFormat,
  XlChartPointsCollection,
  XlChartSeries,
  XlChartSeriesCollection,
  XlChartSeriesFormat,
  XlClientResult,
} from '../../../../src/excel/api';
import { qualified } from '../a1';
import type { FakeContext } from '../context';
import { invalidArgument } from '../errors';
import { FakeProxy } from '../proxy';
import { normaliseColour } from '../rules';
import type { ChartState, SeriesState } from '../state';
import { FakeCollection } from './collection';
import type { FakeRange } from './range';

type Chart = () => ChartState;
type Series = () => SeriesState;

/** The marker styles Excel draws for a line series (ChartMarkerStyle without Invalid and Picture). */
const MARKER_STYLES: readonly string[] = [
  'Automatic',
  'None',
  'Square',
  'Diamond',
  'Triangle',
  'X',
  'Star',
  'Dot',
  'Dash',
  'Circle',
  'Plus',
];

/** A fill that is either a series' or one point's; `set` receives the colour or undefined (cleared). */
class FakeChartFill extends FakeProxy implements XlChartFill {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly set: (colour: string | undefined) => void,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return {};
  }
  setSolidColor(color: string): void {
    this.enqueue('setSolidColor', [color], () => this.set(normaliseColour(color, this.path)));
  }
  clear(): void {
    this.enqueue('clear', [], () => this.set(undefined));
  }
}

class FakeChartLineFormat extends FakeProxy implements XlChartLineFormat {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly series: Series,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return {
      color: () => this.series().lineColor ?? '',
      weight: () => this.series().lineWeight ?? 2.25,
    };
  }
  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.write('color', color, () => (this.series().lineColor = normaliseColour(color, this.path)));
  }
  get weight(): number {
    return this.read('weight');
  }
  set weight(points: number) {
    this.write('weight', points, () => {
      if (!Number.isFinite(points) || points <= 0)
        throw invalidArgument(`${points} is not a line weight in points.`, this.path);
      this.series().lineWeight = points;
    });
  }
}

class FakeChartSeriesFormat implements XlChartSeriesFormat {
  readonly fill: FakeChartFill;
  readonly line: FakeChartLineFormat;
  constructor(ctx: FakeContext, path: string, series: Series) {
    // ChartFill.clear "clears the fill color": the series then has no fill (null), which is not
    // the same as a series never given one (undefined: Excel's automatic colour).
    this.fill = new FakeChartFill(ctx, `${path}.fill`, (c) => (series().fill = c ?? null));
    this.line = new FakeChartLineFormat(ctx, `${path}.line`, series);
  }
}

class FakeChartPointFormat implements XlChartPointFormat {
  readonly fill: FakeChartFill;
  constructor(ctx: FakeContext, path: string, series: Series, index: number) {
    this.fill = new FakeChartFill(ctx, `${path}.fill`, (c) => {
      if (c === undefined) series().pointFills.delete(index);
      else series().pointFills.set(index, c);
    });
  }
}

class FakeChartPoint extends FakeProxy implements XlChartPoint {
  readonly format: FakeChartPointFormat;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly series: Series,
    private readonly index: number,
  ) {
    super(ctx, path);
    this.format = new FakeChartPointFormat(ctx, `${path}.format`, series, index);
  }
  protected properties(): Record<string, () => unknown> {
    return {};
  }
  protected override checkTarget(): void {
    const points = this.series().points;
    if (!Number.isInteger(this.index) || this.index < 0 || this.index >= points)
      throw invalidArgument(`The series has ${points} points; there is no point ${this.index}.`, this.path);
  }
}

class FakeChartPointsCollection extends FakeCollection<FakeChartPoint> implements XlChartPointsCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly series: Series,
  ) {
    super(ctx, path);
  }
  protected members(): FakeChartPoint[] {
    return Array.from({ length: this.series().points }, (_, i) => this.pointAt(i));
  }
  private pointAt(index: number): FakeChartPoint {
    return new FakeChartPoint(this.ctx, `${this.path}.getItemAt(${index})`, this.series, index);
  }
  getItemAt(index: number): FakeChartPoint {
    return this.pointAt(index).instantiate();
  }
  getCount(): XlClientResult<number> {
    return this.count('getCount()', () => this.series().points);
  }
}

export class FakeChartSeries extends FakeProxy implements XlChartSeries {
  readonly format: FakeChartSeriesFormat;
  readonly points: FakeChartPointsCollection;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: Chart,
    /** A function for a series added in this batch: its index is known once the add is applied. */
    private readonly at: number | (() => number),
  ) {
    super(ctx, path);
    const series = () => this.target();
    this.format = new FakeChartSeriesFormat(ctx, `${path}.format`, series);
    this.points = new FakeChartPointsCollection(ctx, `${path}.points`, series);
  }
  private target(): SeriesState {
    const index = typeof this.at === 'number' ? this.at : this.at();
    const series = this.chart().series[index];
    if (!series)
      throw invalidArgument(
        `The chart has ${this.chart().series.length} series; there is no series ${index}.`,
        this.path,
      );
    return series;
  }
  protected override checkTarget(): void {
    this.target();
  }
  protected properties(): Record<string, () => unknown> {
    const s = () => this.target();
    return {
      name: () => s().name,
      axisGroup: () => s().axisGroup,
      markerStyle: () => s().markerStyle,
      markerBackgroundColor: () => s().markerBackgroundColor ?? '',
      markerForegroundColor: () => s().markerForegroundColor ?? '',
      markerSize: () => s().markerSize,
    };
  }
  protected override navigation(): Record<string, FakeProxy> {
    return { line: this.format.line };
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => (this.target().name = name));
  }
  get axisGroup(): 'Primary' | 'Secondary' {
    return this.read('axisGroup');
  }
  set axisGroup(group: 'Primary' | 'Secondary') {
    this.write('axisGroup', group, () => {
      if (group !== 'Primary' && group !== 'Secondary')
        throw invalidArgument(`'${String(group)}' is not an axis group (Primary or Secondary).`, this.path);
      this.target().axisGroup = group;
    });
  }
  get markerStyle(): XlChartMarkerStyle {
    return this.read('markerStyle');
  }
  set markerStyle(style: XlChartMarkerStyle) {
    this.write('markerStyle', style, () => {
      if (!MARKER_STYLES.includes(style))
        throw invalidArgument(`'${style}' is not a marker style the fake knows.`, this.path);
      this.target().markerStyle = style;
    });
  }
  get markerBackgroundColor(): string {
    return this.read('markerBackgroundColor');
  }
  set markerBackgroundColor(color: string) {
    this.write(
      'markerBackgroundColor',
      color,
      () => (this.target().markerBackgroundColor = normaliseColour(color, this.path)),
    );
  }
  get markerForegroundColor(): string {
    return this.read('markerForegroundColor');
  }
  set markerForegroundColor(color: string) {
    this.write(
      'markerForegroundColor',
      color,
      () => (this.target().markerForegroundColor = normaliseColour(color, this.path)),
    );
  }
  /**
   * ExcelApi 1.7. The fake keeps the range's address and takes one point per cell; Excel also
   * takes the values of a range more than one cell wide and tall, which the add-in never gives.
   */
  setValues(sourceData: FakeRange): void {
    this.enqueue(
      'setValues',
      [{ ref: sourceData.path }],
      () => {
        const series = this.target();
        const { address, cells } = oneLine(sourceData, this.path);
        series.values = address;
        series.points = cells;
      },
      '1.7',
    );
  }
  /** ExcelApi 1.7: the categories, from one row or column. */
  setXAxisValues(sourceData: FakeRange): void {
    this.enqueue(
      'setXAxisValues',
      [{ ref: sourceData.path }],
      () => (this.target().categories = oneLine(sourceData, this.path).address),
      '1.7',
    );
  }
  get markerSize(): number {
    return this.read('markerSize');
  }
  /** Excel takes 2 to 72 points (ChartSeries.markerSize). */
  set markerSize(size: number) {
    this.write('markerSize', size, () => {
      if (!Number.isInteger(size) || size < 2 || size > 72)
        throw invalidArgument(`${size} is not a marker size from 2 to 72.`, this.path);
      this.target().markerSize = size;
    });
  }
}

export class FakeChartSeriesCollection
  extends FakeCollection<FakeChartSeries>
  implements XlChartSeriesCollection
{
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: Chart,
  ) {
    super(ctx, path);
  }
  protected members(): FakeChartSeries[] {
    return this.chart().series.map((_, i) => this.seriesAt(i));
  }
  private seriesAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, `${this.path}.getItemAt(${index})`, this.chart, index);
  }
  getItemAt(index: number): FakeChartSeries {
    return this.seriesAt(index).instantiate();
  }
  getCount(): XlClientResult<number> {
    return this.count('getCount()', () => this.chart().series.length);
  }
  /**
   * ExcelApi 1.7: a new series at the end, with no points until setValues. Its name is `name`;
   * what Excel names a series added without one is not documented, so the fake leaves it blank
   * (README: not modelled).
   */
  add(name?: string): FakeChartSeries {
    const index = () => this.chart().series.length;
    let at = -1;
    this.enqueue(
      'add',
      [name],
      () => {
        at = index();
        this.chart().series.push({
          name: name ?? '',
          points: 0,
          axisGroup: 'Primary',
          markerStyle: 'Automatic',
          markerSize: 7,
          pointFills: new Map<number, string>(),
        });
      },
      '1.7',
    );
    return new FakeChartSeries(this.ctx, `${this.path}.add(${JSON.stringify(name ?? '')})`, this.chart, () =>
      at >= 0 ? at : index(),
    ).instantiate();
  }
}

/** A range of one row or one column: its qualified address and how many cells it has. */
function oneLine(range: FakeRange, path: string): { address: string; cells: number } {
  const { sheet, rect } = range.target();
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  if (rows !== 1 && columns !== 1)
    throw invalidArgument(`a series takes one row or one column, not ${rows} by ${columns} cells.`, path);
  return { address: qualified(sheet.name, rect, true), cells: rows * columns };
}

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
import type { FakeContext } from '../context';
import { invalidArgument } from '../errors';
import { FakeProxy } from '../proxy';
import { normaliseColour } from '../rules';
import type { ChartState, SeriesState } from '../state';
import { FakeCollection } from './collection';

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
    this.fill = new FakeChartFill(ctx, `${path}.fill`, (c) => {
      const s = series();
      if (c === undefined) delete s.fill;
      else s.fill = c;
    });
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
    private readonly index: number,
  ) {
    super(ctx, path);
    const series = () => this.target();
    this.format = new FakeChartSeriesFormat(ctx, `${path}.format`, series);
    this.points = new FakeChartPointsCollection(ctx, `${path}.points`, series);
  }
  private target(): SeriesState {
    const series = this.chart().series[this.index];
    if (!series)
      throw invalidArgument(
        `The chart has ${this.chart().series.length} series; there is no series ${this.index}.`,
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
}

/** Charts: add from a source range, title, value/category axes, legend, position, picture. */
import type {
  XlChart,
  XlChartAxes,
  XlChartAxis,
  XlChartCollection,
  XlChartLegend,
  XlChartTitle,
  XlChartType,
  XlClientResult,
} from '../../../../src/excel/api';
import { qualified, type Rect } from '../a1';
import { readValues } from '../cells';
import type { FakeContext } from '../context';
import { invalidArgument, invalidOperation, propertyNotLoaded } from '../errors';
import { FakeClientResult, FakeProxy } from '../proxy';
import type { AxisState, ChartState, SeriesState, SheetState } from '../state';
import { FakeChartSeriesCollection } from './chartSeries';
import { FakeCollection } from './collection';
import { chartBox } from './geometry';
import { checkAllowed } from './guard';
import { FakeRange, rangeAt } from './range';

const CHART_TYPES: readonly string[] = [
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'Pie',
  'Doughnut',
  'Radar',
];

/** A 1×1 transparent PNG: the fake draws nothing, but hands back a real picture format. */
const PLACEHOLDER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Chart = () => ChartState;

class FakeChartTitle extends FakeProxy implements XlChartTitle {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: Chart,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    return { text: () => this.chart().title, visible: () => this.chart().titleVisible };
  }
  get text(): string {
    return this.read('text');
  }
  set text(text: string) {
    this.write('text', text, () => (this.chart().title = text));
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(visible: boolean) {
    this.write('visible', visible, () => (this.chart().titleVisible = visible));
  }
}

class FakeChartAxis extends FakeProxy implements XlChartAxis {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly axis: () => AxisState,
  ) {
    super(ctx, path);
  }
  protected properties(): Record<string, () => unknown> {
    const a = () => this.axis();
    return {
      minimum: () => a().minimum ?? null,
      maximum: () => a().maximum ?? null,
      majorUnit: () => a().majorUnit ?? null,
      numberFormat: () => a().numberFormat ?? 'General',
    };
  }
  private setNumber(key: 'minimum' | 'maximum' | 'majorUnit', value: unknown): void {
    this.write(key, value, () => {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw invalidArgument(`Axis ${key} must be a number, got ${JSON.stringify(value)}.`, this.path);
      this.axis()[key] = value;
    });
  }
  get minimum(): unknown {
    return this.read('minimum');
  }
  set minimum(value: unknown) {
    this.setNumber('minimum', value);
  }
  get maximum(): unknown {
    return this.read('maximum');
  }
  set maximum(value: unknown) {
    this.setNumber('maximum', value);
  }
  get majorUnit(): unknown {
    return this.read('majorUnit');
  }
  set majorUnit(value: unknown) {
    this.setNumber('majorUnit', value);
  }
  get numberFormat(): string {
    return this.read('numberFormat');
  }
  set numberFormat(format: string) {
    this.write('numberFormat', format, () => (this.axis().numberFormat = format), '1.8');
  }
}

/**
 * The axes; `getItem` (ExcelApi 1.7) also reaches the secondary value axis, which exists only
 * while a series is on it: the fake refuses to touch it otherwise.
 */
class FakeChartAxes extends FakeProxy implements XlChartAxes {
  readonly valueAxis: FakeChartAxis;
  readonly categoryAxis: FakeChartAxis;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: Chart,
  ) {
    super(ctx, path);
    this.valueAxis = new FakeChartAxis(ctx, `${path}.valueAxis`, () => chart().valueAxis);
    this.categoryAxis = new FakeChartAxis(ctx, `${path}.categoryAxis`, () => chart().categoryAxis);
  }
  protected properties(): Record<string, () => unknown> {
    return {};
  }
  getItem(
    type: 'Invalid' | 'Category' | 'Value' | 'Series',
    group: 'Primary' | 'Secondary' = 'Primary',
  ): FakeChartAxis {
    const path = `${this.path}.getItem(${JSON.stringify(type)}, ${JSON.stringify(group)})`;
    this.enqueue('getItem', [type, group], () => undefined);
    return new FakeChartAxis(this.ctx, path, () => {
      const chart = this.chart();
      if (type === 'Category' && group === 'Primary') return chart.categoryAxis;
      if (type === 'Value' && group === 'Primary') return chart.valueAxis;
      if (type === 'Value' && group === 'Secondary') {
        if (!chart.series.some((s) => s.axisGroup === 'Secondary'))
          throw invalidOperation('The chart has no secondary value axis: no series is on it.', path);
        return chart.secondaryValueAxis;
      }
      throw invalidArgument(`The fake models no ${group} ${type} axis.`, path);
    });
  }
}

class FakeChartLegend implements XlChartLegend {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly chart: Chart,
  ) {}
  private set(property: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue({ path: this.path, action: `set ${property}`, args: value, apply });
  }
  get visible(): boolean {
    return this.unreadable('visible');
  }
  set visible(visible: boolean) {
    this.set('visible', visible, () => (this.chart().legendVisible = visible));
  }
  get position(): XlChartLegend['position'] {
    return this.unreadable('position');
  }
  set position(position: XlChartLegend['position']) {
    this.set('position', position, () => (this.chart().legendPosition = position));
  }
  /** Not loadable through the interface, so never readable. */
  private unreadable(property: string): never {
    throw propertyNotLoaded(property, this.path);
  }
}

/**
 * The series Excel makes from a source with a header row and a category column: by columns, one
 * per column after the first, named by the header cell, with a point per row below it (by rows
 * the other way round). 'Auto' takes series by columns when the source is at least as tall as wide.
 */
function seriesFrom(names: readonly (readonly unknown[])[], rect: Rect, seriesBy: string): SeriesState[] {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rows >= columns);
  const count = byColumns ? columns - 1 : rows - 1;
  const points = byColumns ? rows - 1 : columns - 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => ({
    name: String((byColumns ? names[0]?.[i + 1] : names[i + 1]?.[0]) ?? ''),
    points: Math.max(0, points),
    axisGroup: 'Primary',
    markerStyle: 'Automatic',
    markerSize: 7,
    pointFills: new Map<number, string>(),
  }));
}

export class FakeChart extends FakeProxy implements XlChart {
  readonly title: FakeChartTitle;
  readonly axes: XlChartAxes;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly locate: () => { sheet: SheetState; chart: ChartState } | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
    const chart = () => this.target().chart;
    this.title = new FakeChartTitle(ctx, `${path}.title`, chart);
    this.axes = new FakeChartAxes(ctx, `${path}.axes`, chart);
    this.legend = new FakeChartLegend(ctx, `${path}.legend`, chart);
    this.series = new FakeChartSeriesCollection(ctx, `${path}.series`, chart);
  }

  private target(): { sheet: SheetState; chart: ChartState } {
    return this.locate() ?? this.missing('The chart');
  }

  protected override checkTarget(): void {
    this.target();
  }

  protected override exists(): boolean {
    return this.locate() !== undefined;
  }

  protected properties(): Record<string, () => unknown> {
    const box = () => chartBox(this.target().sheet, this.target().chart);
    return {
      name: () => this.target().chart.name,
      id: () => this.target().chart.id,
      left: () => box().left,
      top: () => box().top,
      width: () => box().width,
      height: () => box().height,
    };
  }

  protected override navigation(): Record<string, FakeProxy> {
    return { title: this.title, series: this.series };
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.write('name', name, () => (this.target().chart.name = name));
  }
  get id(): string {
    return this.read('id');
  }
  get left(): number {
    return this.read('left');
  }
  get top(): number {
    return this.read('top');
  }
  get width(): number {
    return this.read('width');
  }
  get height(): number {
    return this.read('height');
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const describe = (c: FakeRange | string | undefined) =>
      c === undefined || typeof c === 'string' ? (c ?? null) : { ref: c.path };
    this.enqueue('setPosition', [describe(startCell), describe(endCell)], () => {
      const { sheet, chart } = this.target();
      const where = (c: FakeRange | string) => {
        const located = typeof c === 'string' ? rangeAt(sheet, c, this.path) : c.target();
        return qualified(located.sheet.name, located.rect);
      };
      chart.position =
        endCell === undefined ? { from: where(startCell) } : { from: where(startCell), to: where(endCell) };
    });
  }

  getImage(): XlClientResult<string> {
    const result = new FakeClientResult<string>(`${this.path}.getImage()`);
    this.enqueue(
      'getImage',
      [],
      () => {
        this.target();
        result.set(PLACEHOLDER_PNG);
      },
      '1.2',
    );
    return result;
  }

  delete(): void {
    this.enqueue('delete', [], () => {
      const { sheet, chart } = this.target();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart> implements XlChartCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, path);
  }

  private byId(id: string, path: string, nullable = false): FakeChart {
    return new FakeChart(
      this.ctx,
      path,
      () => {
        const sheet = this.sheet();
        const chart = sheet.charts.find((c) => c.id === id);
        return chart && { sheet, chart };
      },
      nullable,
    );
  }

  private byName(name: string, path: string, nullable: boolean): FakeChart {
    return new FakeChart(
      this.ctx,
      path,
      () => {
        const sheet = this.sheet();
        const chart = sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
        return chart && { sheet, chart };
      },
      nullable,
    );
  }

  protected members(): FakeChart[] {
    return this.sheet().charts.map((c) => this.byId(c.id, `${this.path}.getItem(${JSON.stringify(c.name)})`));
  }

  add(type: XlChartType, sourceData: FakeRange, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): FakeChart {
    let id = '';
    const path = `${this.path}.add(${JSON.stringify(type)})`;
    this.enqueue('add', [type, { ref: sourceData.path }, seriesBy], () => {
      const sheet = this.sheet();
      if (!CHART_TYPES.includes(type))
        throw invalidArgument(
          `'${type}' is not a chart type the fake knows (${CHART_TYPES.join(', ')}).`,
          path,
        );
      checkAllowed(sheet, 'allowEditObjects', 'add charts', path);
      const source = sourceData.target();
      const header = readValues(this.ctx.document.engine, source.sheet, source.rect, path);
      id = this.ctx.document.newObjectId('chart');
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      sheet.charts.push({
        id,
        name: `Chart ${n}`,
        type,
        source: qualified(source.sheet.name, source.rect, true),
        seriesBy,
        title: '',
        titleVisible: true,
        legendVisible: true,
        legendPosition: 'Right',
        valueAxis: {},
        categoryAxis: {},
        secondaryValueAxis: {},
        series: seriesFrom(header, source.rect, seriesBy),
      });
    });
    return new FakeChart(this.ctx, path, () => {
      const sheet = this.sheet();
      const chart = sheet.charts.find((c) => c.id === id);
      return chart && { sheet, chart };
    }).instantiate();
  }

  getItem(name: string): FakeChart {
    return this.byName(name, `${this.path}.getItem(${JSON.stringify(name)})`, false).instantiate();
  }

  getItemOrNullObject(name: string): FakeChart {
    this.enqueue('getItemOrNullObject', [name], () => undefined, '1.4');
    return this.byName(name, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, true);
  }

  getCount(): XlClientResult<number> {
    return this.count('getCount()', () => this.sheet().charts.length);
  }
}

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
import { qualified } from '../a1';
import type { FakeContext } from '../context';
import { invalidArgument, propertyNotLoaded } from '../errors';
import { FakeClientResult, FakeProxy } from '../proxy';
import type { AxisState, ChartState, SheetState } from '../state';
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

export class FakeChart extends FakeProxy implements XlChart {
  readonly title: FakeChartTitle;
  readonly axes: XlChartAxes;
  readonly legend: FakeChartLegend;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly locate: () => { sheet: SheetState; chart: ChartState } | undefined,
    nullable = false,
  ) {
    super(ctx, path, nullable);
    const chart = () => this.target().chart;
    this.title = new FakeChartTitle(ctx, `${path}.title`, chart);
    this.axes = {
      valueAxis: new FakeChartAxis(ctx, `${path}.axes.valueAxis`, () => chart().valueAxis),
      categoryAxis: new FakeChartAxis(ctx, `${path}.axes.categoryAxis`, () => chart().categoryAxis),
    };
    this.legend = new FakeChartLegend(ctx, `${path}.legend`, chart);
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
    return { title: this.title };
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

/**
 * One colour per area, kept across charts: every chart in which areas are series (the history
 * lines) or points (the Summary's level bars) draws an area in the same colour, in both adapters
 * (Office.js on the test platform, and the .xlsx file's chart parts); lines also differ by
 * marker, so colour never carries the meaning alone. The level-over-time chart names the levels
 * on its axes (two on the primary axis, two on the secondary, which has the same scale).
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { HistoryEntry } from '../../src/domain';
import { generateAssessment } from '../../src/excel/generate';
import { absolute, parseRange, rect } from '../../src/workbook/address';
import { areaColour } from '../../src/workbook/chartStyle';
import { buildPlan } from '../../src/workbook/buildPlan';
import type { ChartPlan, WorkbookPlan } from '../../src/workbook/plan';
import { buildHistorySheet } from '../../src/workbook/sheets/history';
import { writeWorkbookFile } from '../../src/xlsx';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { readXlsx } from '../xlsx/readXlsx';
import { SETTINGS } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const areas = draft.areas.map((a) => a.number);

const entries: HistoryEntry[] = [
  { year: 2025, month: 3, day: 31 },
  { year: 2026, month: 3, day: 31 },
].map((date, i) => ({
  date,
  overallLevelNo: i,
  areas: areas.map((area) => ({ area, levelNo: (area + i) % 4, shareMet: 0.5, completeness: 1 })),
}));

/** The generated workbook with a History sheet of two snapshots, so every kind of chart is there. */
function fullPlan(): WorkbookPlan {
  const built = buildPlan(draft, SETTINGS);
  const history = buildHistorySheet(draft, entries);
  return {
    ...built.plan,
    sheets: [...built.plan.sheets, history.sheet],
    charts: [...built.plan.charts, ...history.charts],
  };
}

/**
 * Where each area is drawn in a chart, or undefined when areas are not its series or points:
 * the series index (history charts: series named by area short name) or the point index.
 */
function areaPlaces(
  chart: ChartPlan,
): { kind: 'series' | 'point'; index: (area: number) => number } | undefined {
  if (chart.id === 'levels-by-area') return { kind: 'point', index: (area) => areas.indexOf(area) };
  if (chart.id === 'history-levels') return { kind: 'series', index: (area) => 1 + areas.indexOf(area) };
  if (chart.id === 'history-share-met') return { kind: 'series', index: (area) => areas.indexOf(area) };
  return undefined;
}

const AREA_CHARTS = ['levels-by-area', 'history-levels', 'history-share-met'];

describe('the plan', () => {
  it('has the charts in which areas are series or points', () => {
    expect(
      fullPlan()
        .charts.filter((c) => areaPlaces(c))
        .map((c) => c.id),
    ).toEqual(AREA_CHARTS);
  });
});

describe('the Office.js adapter', () => {
  it('draws each area in its one colour in every chart where areas are series or points', async () => {
    const plan = fullPlan();
    const doc = new FakeWorkbook();
    const outcome = await generateAssessment(gateway(doc, { supportedVersion: '1.9' }), plan);
    expect(outcome.status).toBe('generated');
    const drawn = plan.charts.flatMap((chart) => {
      const places = areaPlaces(chart);
      if (!places) return [];
      const state = doc.charts(chart.sheet).find((c) => c.name === chart.id);
      if (!state) throw new Error(`chart ${chart.id} is not on ${chart.sheet}`);
      return areas.map((area) => {
        const i = places.index(area);
        const colour =
          places.kind === 'point' ? state.series[0]?.pointFills.get(i) : state.series[i]?.lineColor;
        return { chart: chart.id, area, colour };
      });
    });
    expect(drawn).toEqual(
      AREA_CHARTS.flatMap((chart) => areas.map((area) => ({ chart, area, colour: areaColour(area) }))),
    );
  });

  it('gives each area’s line a marker of its own colour and a shape no other area has', async () => {
    const plan = fullPlan();
    const doc = new FakeWorkbook();
    await generateAssessment(gateway(doc, { supportedVersion: '1.9' }), plan);
    for (const id of ['history-levels', 'history-share-met']) {
      const series = doc.charts('Snapshot history').find((c) => c.name === id)?.series ?? [];
      expect(series.map((s) => s.markerBackgroundColor)).toEqual(series.map((s) => s.lineColor));
      expect(new Set(series.map((s) => s.markerStyle)).size).toBe(series.length);
      expect(series.every((s) => s.markerStyle !== 'Automatic' && s.markerStyle !== 'None')).toBe(true);
    }
  });

  it('names the levels on the level-over-time chart: 0 and 1 on the primary axis, 2 and 3 on the secondary', async () => {
    const plan = fullPlan();
    const doc = new FakeWorkbook();
    await generateAssessment(gateway(doc, { supportedVersion: '1.9' }), plan);
    const chart = doc.charts('Snapshot history').find((c) => c.name === 'history-levels');
    if (!chart) throw new Error('no level chart');
    const [first, second, third] = draft.levels.map((l) => l.name);
    expect(chart.valueAxis).toEqual({
      minimum: 0,
      maximum: 3,
      majorUnit: 1,
      numberFormat: `[=0]"Not yet ${first}";[=1]"${first}";""`,
    });
    expect(chart.secondaryValueAxis).toEqual({
      minimum: 0,
      maximum: 3,
      majorUnit: 1,
      numberFormat: `[=2]"${second}";[=3]"${third}";""`,
    });
    // The organisation's line is the one on the secondary axis; the areas stay on the primary.
    expect(chart.series.map((s) => [s.name, s.axisGroup])).toEqual([
      ['Organisation', 'Secondary'],
      ...draft.areas.map((a) => [a.shortName, 'Primary']),
    ]);
  });
});

/** The chart part whose title is the chart's, as text. */
function chartPart(parts: ReadonlyMap<string, string>, chart: ChartPlan): string {
  const found = [...parts].filter(
    ([path, xml]) =>
      path.startsWith('xl/charts/') && xml.includes(`<a:t>${chart.title.replace(/&/g, '&amp;')}</a:t>`),
  );
  if (found.length !== 1) throw new Error(`${found.length} chart parts are titled "${chart.title}"`);
  return found[0]?.[1] ?? '';
}

/**
 * Each <c:ser> of a chart part by its index (c:idx, the series order Excel counts, whichever group
 * it is in): its own colour (the first in its spPr) and its points' colours.
 */
function seriesColours(xml: string): { colour: string; points: Map<number, string> }[] {
  const found: { colour: string; points: Map<number, string> }[] = [];
  for (const [, body = ''] of xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const idx = Number(/^<c:idx val="(\d+)"\/>/.exec(body)?.[1] ?? NaN);
    const own = /<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(
      body.replace(/<c:dPt>[\s\S]*?<\/c:dPt>/g, ''),
    );
    const points = new Map(
      [...body.matchAll(/<c:dPt><c:idx val="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map(
        ([, p = '', colour = '']) => [Number(p), `#${colour}`],
      ),
    );
    found[idx] = { colour: `#${own?.[1] ?? ''}`, points };
  }
  return found;
}

describe('the .xlsx file', () => {
  it('draws each area in its one colour in every chart where areas are series or points', async () => {
    const plan = fullPlan();
    const file = readXlsx(await writeWorkbookFile(plan));
    const drawn = plan.charts.flatMap((chart) => {
      const places = areaPlaces(chart);
      if (!places) return [];
      const series = seriesColours(chartPart(file.parts, chart));
      return areas.map((area) => {
        const i = places.index(area);
        const colour = places.kind === 'point' ? series[0]?.points.get(i) : series[i]?.colour;
        return { chart: chart.id, area, colour };
      });
    });
    expect(drawn).toEqual(
      AREA_CHARTS.flatMap((chart) => areas.map((area) => ({ chart, area, colour: areaColour(area) }))),
    );
  });

  it('names the levels on the level-over-time chart with a secondary axis of the same scale', async () => {
    const plan = fullPlan();
    const file = readXlsx(await writeWorkbookFile(plan));
    const chart = plan.charts.find((c) => c.id === 'history-levels');
    if (!chart) throw new Error('no level chart');
    const xml = chartPart(file.parts, chart);
    const [first, second, third] = draft.levels.map((l) => l.name);
    const formats = [...xml.matchAll(/<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]*)"/g)].map(([, f = '']) =>
      f.replace(/&quot;/g, '"'),
    );
    expect(formats).toEqual([
      `[=0]"Not yet ${first}";[=1]"${first}";""`,
      `[=2]"${second}";[=3]"${third}";""`,
    ]);
    const scales = [...xml.matchAll(/<c:max val="([^"]+)"\/><c:min val="([^"]+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(scales).toEqual([
      ['3', '0'],
      ['3', '0'],
    ]);
    // Two line groups: the areas against the primary axes, the organisation against the secondary.
    const groups = [...xml.matchAll(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g)].map(
      ([, body = '']) => [...body.matchAll(/<c:ser>/g)].length,
    );
    expect(groups).toEqual([draft.areas.length, 1]);
    expect(chart.title).toBe('Level reached over time');
  });
});

describe('the legend of the level-by-area bars', () => {
  // Its one series is coloured bar by bar (one area each) and the category labels name the areas,
  // so a legend would show a single swatch matching no bar: it has none, in both adapters. Every
  // other chart keeps its legend, which names series drawn in their own colours.
  const withLegend = (plan: WorkbookPlan) =>
    plan.charts.map((c) => [c.id, c.id !== 'levels-by-area'] as const);

  it('is not drawn by the Office.js adapter, and the other charts keep theirs', async () => {
    const plan = fullPlan();
    const doc = new FakeWorkbook();
    await generateAssessment(gateway(doc, { supportedVersion: '1.9' }), plan);
    const drawn = plan.charts.map((chart) => {
      const state = doc.charts(chart.sheet).find((c) => c.name === chart.id);
      if (!state) throw new Error(`chart ${chart.id} is not on ${chart.sheet}`);
      return [chart.id, state.legendVisible] as const;
    });
    expect(drawn).toEqual(withLegend(plan));
  });

  it('is not in the .xlsx chart part, and the other parts keep theirs', async () => {
    const plan = fullPlan();
    const file = readXlsx(await writeWorkbookFile(plan));
    const written = plan.charts.map((chart) => [
      chart.id,
      chartPart(file.parts, chart).includes('<c:legend>'),
    ]);
    expect(written).toEqual(withLegend(plan));
  });
});

describe('the level-by-area bars’ value axis', () => {
  const [first, second, third] = draft.levels.map((l) => l.name);
  const primaryFormat = `[=0]"Not yet ${first}";[=1]"${first}";""`;
  const secondaryFormat = `[=2]"${second}";[=3]"${third}";""`;

  it('names the levels as the level-over-time chart does, with a hidden copy of the bars on the secondary axis (Office.js)', async () => {
    const built = buildPlan(draft, SETTINGS);
    const doc = new FakeWorkbook();
    await generateAssessment(gateway(doc, { supportedVersion: '1.9' }), built.plan);
    const plan = built.plan.charts.find((c) => c.id === 'levels-by-area');
    const chart = doc.charts('Summary').find((c) => c.name === 'levels-by-area');
    if (!plan || !chart) throw new Error('no level-by-area chart');
    expect(chart.valueAxis).toEqual({ minimum: 0, maximum: 3, majorUnit: 1, numberFormat: primaryFormat });
    expect(chart.secondaryValueAxis).toEqual({
      minimum: 0,
      maximum: 3,
      majorUnit: 1,
      numberFormat: secondaryFormat,
    });
    // The bars stay on the primary axis; the copy has the same values and categories, and no fill.
    const [bars, copy] = chart.series;
    expect(chart.series).toHaveLength(2);
    expect(bars?.axisGroup).toBe('Primary');
    const { row, column, rows } = parseRange(plan.source);
    expect(copy).toMatchObject({
      axisGroup: 'Secondary',
      fill: null,
      points: draft.areas.length,
      values: `Summary!${absolute(rect(row + 1, column + 1, rows - 1, 1))}`,
      categories: `Summary!${absolute(rect(row + 1, column, rows - 1, 1))}`,
    });
    expect(copy?.pointFills.size).toBe(0);
  });

  it('names the levels the same way in the .xlsx chart part, the copy drawn with no fill in its own group', async () => {
    const plan = fullPlan();
    const file = readXlsx(await writeWorkbookFile(plan));
    const chart = plan.charts.find((c) => c.id === 'levels-by-area');
    if (!chart) throw new Error('no level-by-area chart');
    const xml = chartPart(file.parts, chart);
    const formats = [...xml.matchAll(/<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]*)"/g)].map(([, f = '']) =>
      f.replace(/&quot;/g, '"'),
    );
    expect(formats).toEqual([primaryFormat, secondaryFormat]);
    const groups = [...xml.matchAll(/<c:barChart>([\s\S]*?)<\/c:barChart>/g)].map(([, body = '']) => body);
    expect(groups).toHaveLength(2);
    const refs = (body: string) => [...body.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map(([, f]) => f);
    // The copy reads the bars' categories and values (the bars' name cell aside).
    expect(refs(groups[1] ?? '')).toEqual(refs(groups[0] ?? '').slice(1));
    expect(groups[1]).toContain('<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>');
    expect(groups[0]).not.toContain('<a:noFill/>');
  });
});

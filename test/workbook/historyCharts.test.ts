/** The Snapshot history's charts: level and share met over time drawn as lines, in both adapters' terms. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { historyEntryOf } from '../../src/domain/report';
import { score } from '../../src/domain/scoring';
import { buildHistorySheet } from '../../src/workbook/sheets/history';
import { chartXml } from '../../src/xlsx/chartXml';
import { responsesFor } from '../builders/responses';

const draft = bundledFrameworks.draft2009;
const SETTINGS = { metThreshold: 3, requiredShare: 1 };

it('draws level and share met over time as lines with markers, one series per column', () => {
  const entries = [1, 2].map((k) =>
    historyEntryOf(
      score(
        draft,
        responsesFor(draft, (c) => (c.level <= k ? 4 : 2)),
        SETTINGS,
      ),
      {
        year: 2026,
        month: k * 3,
        day: 1,
      },
    ),
  );
  const { charts } = buildHistorySheet(draft, entries);
  expect(charts.map((c) => [c.id, c.kind])).toEqual([
    ['history-levels', 'line'],
    ['history-share-met', 'line'],
  ]);
  for (const chart of charts) {
    const xml = chartXml(chart);
    expect(xml).toContain('<c:lineChart>');
    expect(xml).not.toContain('<c:barChart>');
    // Every series has a marker and no bar-only element.
    expect((xml.match(/<c:ser>/g) ?? []).length).toBe((xml.match(/<c:marker><c:symbol/g) ?? []).length);
    expect(xml).not.toContain('invertIfNegative');
  }
  // The level chart names the levels on its axes (0 and 1 on the primary, 2 and 3 on the
  // secondary), so its title no longer needs a key.
  const [levels] = charts;
  expect(levels?.title).toBe('Level reached over time');
  expect(levels?.valueAxis.numberFormat).toContain('"Developing"');
  expect(levels?.secondaryValueAxis?.numberFormat).toContain('"Excellent"');
});

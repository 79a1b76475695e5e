/**
 * Page headers follow the Start sheet: the header of every printed sheet names the organisation
 * and the period, and Excel headers cannot hold formulas, so when the officer changes either on
 * the Start sheet the pane rewrites every add-in header that no longer matches (its live checks,
 * at start and after each Start-sheet change, and each board refresh). Headers of sheets the
 * add-in did not write are left alone.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { startLiveChecks } from '../../src/excel/liveChecks';
import { headersFollowStart } from '../../src/excel/printedHeaders';
import { refreshBoard } from '../../src/excel/boardRefresh';
import { checkWorkbook } from '../../src/excel/checkWorkbook';
import { applyFixes } from '../../src/excel/fixes';
import { FOOTER_LEFT, headerText } from '../../src/workbook/print';
import { startLayoutOf } from '../../src/workbook/sheets/start';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const draft = bundledFrameworks.draft2009;
const start = startLayoutOf(draft);
const TODAY = new Date(2026, 10, 23);

/** The left and right header of every sheet the add-in prints (its footer says so), read as Office.js reports them. */
async function headers(doc: FakeWorkbook): Promise<Record<string, [string, string]>> {
  return gateway(doc).run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name, items/visibility');
    await ctx.sync();
    const visible = sheets.items.filter((s) => s.visibility === 'Visible');
    const texts = visible.map((s) => {
      const t = s.pageLayout.headersFooters.defaultForAllPages;
      t.load('leftHeader, rightHeader, leftFooter');
      return t;
    });
    await ctx.sync();
    return Object.fromEntries(
      visible.flatMap((s, i) =>
        texts[i]!.leftFooter === FOOTER_LEFT ? [[s.name, [texts[i]!.leftHeader, texts[i]!.rightHeader]]] : [],
      ),
    );
  });
}

function everySheet(names: readonly string[], organisation: string, period: string) {
  return Object.fromEntries(names.map((n) => [n, [headerText(organisation), `Period ${period}`]]));
}

describe('page headers that follow the Start sheet', () => {
  it('are rewritten on every printed sheet when the officer changes the organisation and the period', async () => {
    const g = await generateInto(draft);
    const before = await headers(g.doc);
    const names = Object.keys(before);
    expect(names).toEqual(g.built.plan.sheets.filter((p) => p.visible).map((p) => p.name));
    expect(before).toEqual(everySheet(names, 'Riverside Homes', '2026/27'));

    const errors: unknown[] = [];
    const checks = await startLiveChecks(gateway(g.doc), draft, g.built, {
      today: () => TODAY,
      onUpdate: () => undefined,
      onError: (e) => errors.push(e),
    });
    await g.doc.simulateEdit('Start', start.organisation, [['Hill & Dale Housing']]);
    await g.doc.simulateEdit('Start', start.period, [['2027/28']]);
    await g.doc.eventsSettled();
    await checks.settled();
    await checks.stop();
    expect(errors).toEqual([]);
    expect(await headers(g.doc)).toEqual(everySheet(names, 'Hill & Dale Housing', '2027/28'));
  });

  it('are put right when the live checks start, after a change made while the pane was closed', async () => {
    const g = await generateInto(draft);
    await g.doc.simulateEdit('Start', start.organisation, [['Renamed Trust']]);
    await g.doc.eventsSettled();
    const names = Object.keys(await headers(g.doc));
    expect((await headers(g.doc))[names[0]!]?.[0]).toBe('Riverside Homes');
    const checks = await startLiveChecks(gateway(g.doc), draft, g.built, {
      today: () => TODAY,
      onUpdate: () => undefined,
      onError: (e) => {
        throw e;
      },
    });
    await checks.stop();
    expect(await headers(g.doc)).toEqual(everySheet(names, 'Renamed Trust', '2026/27'));
  });

  it('are put right by a board refresh, on the sheets it rebuilds and on the others', async () => {
    const g = await generateInto(draft);
    await g.doc.simulateEdit('Start', start.organisation, [['Board Refresh Homes']]);
    await g.doc.eventsSettled();
    const outcome = await refreshBoard(gateway(g.doc), draft, { today: { year: 2026, month: 11, day: 23 } });
    expect(outcome.status).toBe('refreshed');
    const after = await headers(g.doc);
    expect(Object.keys(after)).toEqual(
      expect.arrayContaining(['Board summary', 'Action plan', 'Start', 'Summary']),
    );
    expect(after).toEqual(everySheet(Object.keys(after), 'Board Refresh Homes', '2026/27'));
  });

  it('leave a sheet the add-in did not write alone, and do nothing when all are right', async () => {
    const g = await generateInto(draft);
    const own = await gateway(g.doc).run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add('Notes');
      sheet.pageLayout.headersFooters.defaultForAllPages.leftHeader = 'My notes';
      await ctx.sync();
      return headersFollowStart(ctx, { organisation: 'Riverside Homes', period: '2026/27' });
    });
    expect(own).toEqual([]);
    const changed = await gateway(g.doc).run((ctx) =>
      headersFollowStart(ctx, { organisation: 'Other', period: '2026/27' }),
    );
    expect(changed).not.toContain('Notes');
    expect(changed.length).toBeGreaterThan(5);
    const notes = await gateway(g.doc).run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Notes').pageLayout.headersFooters.defaultForAllPages;
      t.load('leftHeader');
      await ctx.sync();
      return t.leftHeader;
    });
    expect(notes).toBe('My notes');
  });

  it('are reported by Check when they fall behind with no live checks running, and its fix puts them right', async () => {
    const g = await generateInto(draft);
    const names = Object.keys(await headers(g.doc));
    await g.doc.simulateEdit('Start', start.organisation, [['Hill & Dale Housing']]);
    await g.doc.eventsSettled();
    const check = async () => {
      const outcome = await checkWorkbook(gateway(g.doc), draft, g.built, { today: TODAY });
      if (outcome.status !== 'checked') throw new Error(`not checked: ${outcome.message}`);
      return outcome;
    };
    const first = await check();
    const stale = first.problems.filter((p) => p.ruleId === 'header-stale');
    expect(stale.map((p) => [p.sheet, p.severity])).toEqual(names.map((n) => [n, 'warning']));
    expect(stale[0]?.message).toContain(`"${names[0] ?? ''}" are headed "Riverside Homes"`);
    expect(stale[0]?.message).toContain('now says "Hill & Dale Housing", Period 2026/27');
    // Nothing else is wrong with the workbook but its headers, and the criteria whose wording the
    // draft's source lacks (listed until the officer types it).
    expect(
      first.problems.filter((p) => p.ruleId !== 'header-stale' && p.ruleId !== 'criterion-text-missing'),
    ).toEqual([]);

    // A header the officer changed since the check is theirs: the fix leaves it alone.
    const [mine, ...others] = names;
    await gateway(g.doc).run(async (ctx) => {
      ctx.workbook.worksheets.getItem(mine ?? '').pageLayout.headersFooters.defaultForAllPages.leftHeader =
        'Typed by hand';
      await ctx.sync();
    });
    const fixes = stale.flatMap((p) => (p.fix ? [p.fix] : []));
    const outcome = await applyFixes(gateway(g.doc), fixes);
    expect(outcome.skipped.map((f) => ('sheet' in f ? f.sheet : f.cell))).toEqual([mine]);
    const after = await headers(g.doc);
    expect(after[mine ?? '']).toEqual(['Typed by hand', 'Period 2026/27']);
    const { [mine ?? '']: _mine, ...rest } = after;
    expect(rest).toEqual(everySheet(others, 'Hill & Dale Housing', '2026/27'));

    // Checked again: the hand-typed one is still named (it still is not the Start sheet's), then put right.
    const headerProblems = async () =>
      (await check()).problems.filter((p) => p.ruleId !== 'criterion-text-missing');
    const second = await headerProblems();
    expect(second.map((p) => p.key)).toEqual([`header-stale:${mine ?? ''}`]);
    await applyFixes(
      gateway(g.doc),
      second.flatMap((p) => (p.fix ? [p.fix] : [])),
    );
    expect(await headerProblems()).toEqual([]);
    expect(await headers(g.doc)).toEqual(everySheet(names, 'Hill & Dale Housing', '2026/27'));
  });
});

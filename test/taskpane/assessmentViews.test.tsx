/**
 * Results and Report over a generated assessment, and what the pane does with workbooks it cannot
 * read (another framework, a newer add-in, damage) or when Excel fails.
 */
import { screen, waitFor, within } from '@testing-library/react';
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { loadFramework, type Framework } from '../../src/domain/index';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { rect } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, META_SHEET } from '../../src/workbook/layout';
import { FakeOfficeError, FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, rateAll, ratingCell, renderPane, startCell } from './renderPane';

jest.setTimeout(60_000);

const leadership = draft.areas.find((a) => a.number === 2);
if (!leadership) throw new Error('the 2009 draft has no area 2');
const firstLeadership = areaCriteria(draft, 2)[0];
if (!firstLeadership) throw new Error('the 2009 draft has no Leadership criteria');

function ownFramework(): Framework {
  const result = loadFramework({ ...leadershipJson, id: 'riverside', version: '1' }, 'riverside.json');
  if (!result.ok) throw new Error('the test framework does not load');
  return result.framework;
}

describe('Results', () => {
  it('opens on Results for a bundled framework and shows every area’s level, the organisation’s and a chart', async () => {
    const doc = await generatedWorkbook();
    await rateAll(doc, draft, 3);
    // One Developing criterion of Leadership below the threshold holds the organisation back.
    await doc.simulateEdit(leadership.shortName, ratingCell(0), [[2]]);
    renderPane(doc);
    expect((await opened()).textContent).toMatch(/Assessment found/);
    expect(screen.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');

    const overall = await screen.findByTestId('overall');
    expect(within(overall).getByRole('heading').textContent).toBe('Organisation: Not yet Developing');
    expect(overall.textContent).toMatch(/Leadership has not reached it/);
    expect(overall.textContent).toContain('Complete');

    const area = screen.getByTestId('area-2');
    expect(within(area).getByRole('heading').textContent).toBe('Leadership: Not yet Developing');
    expect(area.textContent).toContain(`${firstLeadership.id} rated 3 or more`);
    const developing = within(area).getByRole('row', { name: /^Developing/ });
    const developingCount = areaCriteria(draft, 2).filter((c) => c.level === 1).length;
    expect(
      within(developing)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      `${developingCount - 1} of ${developingCount}`,
      String(developingCount),
      // Rounded down to a whole percentage, as the sheet shows it and decides with it.
      `${Math.floor(((developingCount - 1) / developingCount) * 100)}%`,
      'No',
    ]);
    expect(within(screen.getByTestId('area-1')).getByRole('heading').textContent).toBe(
      'Knowing customers: Excellent',
    );
    const chart = screen.getByRole('img', { name: /Share of applicable criteria met/ });
    expect(chart.getAttribute('data-testid')).toBe('level-chart');
    expect(screen.getByTestId('announce-polite').textContent).toMatch(/^Results: The organisation/);
  });

  it('marks every bar of the chart with a tick or a cross as well as its colour', async () => {
    const doc = await generatedWorkbook();
    await rateAll(doc, draft, 3);
    await doc.simulateEdit(leadership.shortName, ratingCell(0), [[2]]);
    renderPane(doc);
    await screen.findByTestId('overall');
    const chart = screen.getByTestId('level-chart');
    const barCount = draft.areas.length * draft.levels.length;
    const marks = [...chart.querySelectorAll('text')]
      .map((t) => t.textContent ?? '')
      .filter((t) => /%$/.test(t));
    expect(marks).toHaveLength(barCount);
    for (const mark of marks) expect(mark).toMatch(/^[\u2713\u2717] \d+%$/);
    // Leadership's first level is not reached (one criterion rated 2): its bar carries the cross.
    expect(marks.filter((m) => m.startsWith('\u2717')).length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.startsWith('\u2713')).length).toBeGreaterThan(0);
  });

  it('shows the banner in full on the first view and on one line after it; a warning stays in full', async () => {
    const doc = await generatedWorkbook();
    const { user } = renderPane(doc);
    expect((await opened()).getAttribute('data-layout')).toBe('full');
    await screen.findByTestId('overall');
    expect(screen.getByTestId('workbook-banner').getAttribute('data-layout')).toBe('full');
    await user.click(screen.getByRole('tab', { name: 'Report' }));
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').getAttribute('data-layout')).toBe('one-line'),
    );
    // On one line the words are all still there for a screen reader.
    expect(screen.getByTestId('workbook-banner').textContent).toMatch(
      /Assessment found.*holds an assessment/,
    );
    expect(screen.getByRole('button', { name: 'Read again' })).toBeEnabled();

    const newer = await generatedWorkbook();
    await newer.simulateEdit(META_SHEET, 'B3', [[99]]);
    const second = renderPane(newer);
    await waitFor(() =>
      expect(second.container.querySelector('[data-testid="workbook-banner"]')).not.toBeNull(),
    );
    await second.user.click(within(second.container).getByRole('tab', { name: 'Check' }));
    expect(
      second.container.querySelector('[data-testid="workbook-banner"]')?.getAttribute('data-layout'),
    ).toBe('full');
  });

  it('flags provisional results and counts what is answered', async () => {
    const doc = await generatedWorkbook();
    renderPane(doc);
    const overall = await screen.findByTestId('overall');
    expect(overall.textContent).toContain('Provisional');
    expect(overall.textContent).toContain(`0 of ${draft.criteria.length} applicable criteria answered (0%)`);
  });

  it('says how many met criteria have their evidence and difference made recorded, overall and by area', async () => {
    const doc = await generatedWorkbook();
    await rateAll(doc, draft, 3);
    // Evidence and difference made for the first Leadership criterion; evidence alone for the second.
    const layout = areaLayoutOf(draft, leadership.number);
    expect(layout.column('difference')).toBe(layout.column('evidence') + 1);
    const evidence = rect(AREA_FIRST_DATA_ROW, layout.column('evidence'), 2, 2);
    await doc.simulateEdit(leadership.shortName, evidence, [
      ['Board minutes, March', 'Fewer complaints'],
      ['Staff survey', ''],
    ]);
    renderPane(doc);
    const overall = await screen.findByTestId('overall-evidence');
    const all = draft.criteria.length;
    const inLeadership = areaCriteria(draft, leadership.number).length;
    expect(overall.textContent).toBe(
      `Evidence and difference made recorded for 1 of ${all} met criteria (${Math.round(100 / all)}%).`,
    );
    expect(screen.getByTestId(`area-${leadership.number}-evidence`).textContent).toBe(
      `Evidence and difference made recorded for 1 of ${inLeadership} met criteria (${Math.round(100 / inLeadership)}%).`,
    );
    expect(screen.getByTestId('area-1-evidence').textContent).toContain('for 0 of');
  });

  it('reads the ratings again on Refresh', async () => {
    const doc = await generatedWorkbook();
    const { user } = renderPane(doc);
    await screen.findByTestId('overall');
    await rateAll(doc, draft, 4);
    await user.click(screen.getByRole('button', { name: 'Refresh results' }));
    await waitFor(() =>
      expect(within(screen.getByTestId('overall')).getByRole('heading').textContent).toBe(
        'Organisation: Excellent',
      ),
    );
  });

  it('shows no level when the Start sheet’s settings cannot be read, and says which cell', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit('Start', startCell(draft, 'metThreshold'), [['three']]);
    renderPane(doc);
    const problems = await screen.findByTestId('workbook-problems');
    expect(problems.textContent).toMatch(/No results until the Start sheet is fixed/);
    expect(problems.textContent).toContain(`Start!${startCell(draft, 'metThreshold')}`);
    expect(screen.queryByTestId('overall')).toBeNull();
  });

  it('shows an Excel error in words and recovers on Refresh', async () => {
    const doc = await generatedWorkbook();
    const { user } = renderPane(doc);
    await screen.findByTestId('overall');
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('ItemNotFound', 'The sheet does not exist.'));
    await user.click(screen.getByRole('button', { name: 'Refresh results' }));
    const problem = await screen.findByTestId('excel-problem');
    expect(problem.textContent).toMatch(
      /Could not read the results\. A sheet, range or name the add-in expected is missing/,
    );
    await user.click(screen.getByRole('button', { name: 'Refresh results' }));
    await waitFor(() => expect(screen.queryByTestId('excel-problem')).toBeNull());
  });
});

describe('workbooks the pane cannot simply read', () => {
  it('reads an assessment made from the organisation’s own framework with no framework file picked', async () => {
    const doc = await generatedWorkbook(ownFramework());
    renderPane(doc);
    expect((await opened()).textContent).toMatch(/Assessment found/);
    expect(await screen.findByTestId('overall')).toBeInTheDocument();
    expect(screen.queryByLabelText('The framework file this assessment was made from')).toBeNull();
  });

  it('says which cell of a damaged stored framework is wrong, and reads on with the bundled one of the same version', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(META_SHEET, 'H3', [['ffffffff']]);
    renderPane(doc);
    const banner = await opened();
    expect(banner.textContent).toMatch(/The framework kept in this workbook is damaged/);
    expect(within(banner).getByRole('listitem').textContent).toMatch(
      /^The stored framework in EqMeta!H5 does not match the checksum in EqMeta!H3/,
    );
    expect(await screen.findByTestId('overall')).toBeInTheDocument();
  });

  it('asks an older workbook (no stored framework) for its own framework file; a different file is refused', async () => {
    const own = ownFramework();
    const doc = await generatedWorkbook(own);
    // Workbooks made before the framework was kept in them have nothing from G1 on.
    await doc.simulateEdit(META_SHEET, 'G1', [['']]);
    const { user } = renderPane(doc);
    const banner = await opened();
    expect(banner.textContent).toMatch(/not one of the frameworks built into this add-in/);
    expect(banner.textContent).toContain('id "riverside"');
    const input = await screen.findByLabelText('The framework file this assessment was made from');

    const other = JSON.stringify({ ...leadershipJson, id: 'riverside', version: '2' });
    await user.upload(input, new File([other], 'v2.json', { type: 'application/json' }));
    expect(await screen.findByText(/v2\.json holds framework "riverside" version 2/)).toBeVisible();

    const right = JSON.stringify({ ...leadershipJson, id: 'riverside', version: '1' });
    await user.upload(input, new File([right], 'riverside.json', { type: 'application/json' }));
    expect(await screen.findByTestId('overall')).toBeInTheDocument();
    expect(screen.getByTestId('workbook-banner').textContent).toMatch(/Assessment found/);
  });

  it('changes nothing in a workbook from a newer add-in', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(META_SHEET, 'B3', [[99]]);
    const { user } = renderPane(doc);
    expect((await opened()).textContent).toMatch(/newer version of the add-in.*layout 99/);
    expect(await screen.findByText(/this version does not read it/)).toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    expect(await screen.findByRole('button', { name: /Generate the assessment/ })).toBeDisabled();
  });

  it('lists what is damaged', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(META_SHEET, 'B2', [['something else']]);
    renderPane(doc);
    const banner = await opened();
    expect(banner.textContent).toMatch(/damaged/);
    expect(within(banner).getByRole('listitem').textContent).toMatch(/EqMeta!B2 should say/);
  });

  it('says when the workbook cannot be read at all, and tries again on request', async () => {
    const doc = new FakeWorkbook();
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('InvalidOperation', 'Cell is being edited.'));
    const { user } = renderPane(doc);
    const problem = await screen.findByTestId('excel-problem');
    expect(problem.textContent).toMatch(/Could not read the workbook\. Excel could not do this right now/);
    expect(screen.getByText('The views open once the problem above is solved.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await opened()).textContent).toMatch(/No assessment/);
  });
});

describe('Report', () => {
  it('loads the board report view for an assessment, and offers Set up without one', async () => {
    const doc = await generatedWorkbook();
    const { user } = renderPane(doc);
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Report' }));
    expect(await screen.findByRole('heading', { name: 'Board report' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Refresh board summary' })).toBeEnabled();
  });

  it('offers Set up when there is no assessment', async () => {
    const { user } = renderPane();
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Report' }));
    expect(
      await screen.findByText('There is no assessment in this workbook to report on yet.'),
    ).toBeVisible();
  });
});

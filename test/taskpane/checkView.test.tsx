/**
 * Check over a generated assessment on the Excel fake: the list by area and severity, going to a
 * cell, the certain fixes (one, all, and a cell changed after the check), formula repair, live
 * checks as the officer types (ExcelApi 1.7, below the manifest's minimum of 1.9).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { parseRange, rect } from '../../src/workbook/address';
import { buildPlan } from '../../src/workbook/buildPlan';
import { typeInto, unprotect } from '../excel/regenerateHelpers';
import { SETTINGS } from '../excel/generateHelpers';
import { FakeOfficeError, gateway, type FakeWorkbook } from '../platform/fake-excel';
import {
  draft,
  generatedWorkbook,
  opened,
  ratingCell,
  renderPane,
  startCell,
  wordedWorkbook,
} from './renderPane';

jest.setTimeout(60_000);

const leadership = draft.areas.find((a) => a.number === 2);
if (!leadership) throw new Error('the 2009 draft has no area 2');
const L = leadership.shortName;
const ids = areaCriteria(draft, 2).map((c) => c.id);
const at = (i: number) => `'${L}'!${ratingCell(i)}`;

async function openCheck(doc: FakeWorkbook, supportedVersion?: string) {
  const pane = renderPane(doc, supportedVersion ? { supportedVersion } : {});
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Check' }));
  await screen.findByTestId('check-summary');
  return pane;
}

/** The list item of the problem about `cell` (its key is rule and place). */
function itemFor(cell: string): HTMLElement {
  const item = screen
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('data-problem')?.endsWith(`:${cell}`));
  if (!item) throw new Error(`no problem listed for ${cell}`);
  return item;
}

describe('the list', () => {
  it('lists errors first, then warnings, each by area, led by its criterion and column, with its cell', async () => {
    const doc = await wordedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [['Yes']]);
    await doc.simulateEdit(L, ratingCell(1), [[4]]);
    await openCheck(doc);
    expect(screen.getByTestId('check-summary').textContent).toBe(
      `Found 1 error and 1 warning in the ${draft.criteria.length} criteria.`,
    );
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(regions).toHaveLength(2);
    const errors = screen.getByRole('region', { name: 'Errors (1)' });
    const warnings = screen.getByRole('region', { name: 'Warnings (1)' });
    // Errors come before warnings in the page, whatever their areas.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(errors).getByRole('heading', { name: `2. ${leadership.name} (1)` })).toBeInTheDocument();
    const [error] = within(errors).getAllByRole('listitem');
    // The criterion and column first, in the officer's words; the cell after, for those who want it.
    expect(error?.textContent).toContain(`${ids[0] ?? ''}, Rating: "Yes" is not a rating`);
    expect(within(error as HTMLElement).getByText(`Cell ${ratingCell(0)} on ${L}`)).toBeVisible();
    expect(within(warnings).getByRole('listitem').textContent).toMatch(
      new RegExp(
        `^warning ${escape(ids[1] ?? '')}, Evidence: ${escape(ids[1] ?? '')} is rated 4 .*has no evidence`,
      ),
    );
    expect(
      within(error as HTMLElement).getByRole('button', { name: `Go to ${ids[0] ?? ''} Rating` }),
    ).toBeEnabled();
    // "Yes" is not a near miss: the officer decides, so there is no fix to offer.
    expect(within(error as HTMLElement).queryByRole('button', { name: /^Fix/ })).toBeNull();
    expect(screen.getByTestId('announce-polite').textContent).toBe('Check finished: 1 error and 1 warning.');
  });

  it('names a deleted area sheet among the problems, and the Start sheet cell it cannot read', async () => {
    const doc = await generatedWorkbook();
    doc.deleteSheet(doc.sheet('Workforce'), 'test');
    await doc.simulateEdit('Start', startCell(draft, 'requiredShare'), [['most']]);
    await openCheck(doc);
    const errors = screen.getByRole('region', { name: /^Errors/ });
    expect(within(errors).getByRole('heading', { name: /^5\. / })).toBeInTheDocument();
    expect(errors.textContent).toMatch(/The sheet "Workforce" .* is missing/);
    expect(
      screen.getByText(new RegExp(`Start!${startCell(draft, 'requiredShare')} should hold`)),
    ).toBeVisible();
    expect(screen.getByTestId('default-rule').textContent).toMatch(
      `checked with the framework’s own rule: rated ${draft.levelRule.metThreshold} or more counts as met`,
    );
  });

  it('takes the officer to the cell of a problem', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(3), [['maybe']]);
    const { user } = await openCheck(doc);
    expect(doc.activeSheetId).not.toBe(doc.sheet(L).id);
    await user.click(within(itemFor(at(3))).getByRole('button', { name: `Go to ${ids[3] ?? ''} Rating` }));
    await waitFor(() => expect(doc.activeSheetId).toBe(doc.sheet(L).id));
    expect(doc.selection).toEqual({
      sheetId: doc.sheet(L).id,
      // The fake keeps rectangles 0-based.
      rect: {
        top: AREA_FIRST_DATA_ROW + 2,
        bottom: AREA_FIRST_DATA_ROW + 2,
        left: areaColumn('rating') - 1,
        right: areaColumn('rating') - 1,
      },
    });
    expect(screen.getByTestId('announce-polite').textContent).toBe(`Selected ${at(3)} in the workbook.`);
  });

  it('shows an Excel error in words', async () => {
    const doc = await generatedWorkbook();
    const { user } = await openCheck(doc);
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('GeneralException', 'Boom.'));
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    const problem = await screen.findByTestId('excel-problem');
    expect(problem.textContent).toMatch(/Could not check the workbook\. Excel reported an unexpected error/);
    expect(problem.textContent).toContain('GeneralException');
    expect(screen.getByTestId('announce-assertive').textContent).toMatch(/Could not check the workbook/);
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByTestId('check-summary');
    expect(screen.queryByTestId('excel-problem')).toBeNull();
  });
});

describe('certain fixes', () => {
  // 'in place and effective' is the label of 4 and 'n/a' a near miss of N/A: both have a certain
  // fix. 'maybe' and 7 need a person.
  const pasted = [['in place and effective'], ['n/a'], ['maybe'], [7]];
  const pasteMixed = (doc: FakeWorkbook) =>
    doc.simulateEdit(L, rect(AREA_FIRST_DATA_ROW, areaColumn('rating'), pasted.length, 1), pasted);

  it('fixes one problem when asked, and nothing else', async () => {
    const doc = await generatedWorkbook();
    await pasteMixed(doc);
    const { user } = await openCheck(doc);
    expect(doc.value(L, ratingCell(0))).toBe('in place and effective');
    await user.click(
      within(itemFor(at(0))).getByRole('button', {
        name: new RegExp(`^Fix ${escape(ids[0] ?? '')}: write 4`),
      }),
    );
    await waitFor(() => expect(screen.getByTestId('action-done').textContent).toBe('Fixed 1 cell.'));
    expect(doc.value(L, ratingCell(0))).toBe(4);
    expect(doc.values(L, rect(AREA_FIRST_DATA_ROW + 1, areaColumn('rating'), 3, 1))).toEqual(pasted.slice(1));
    await waitFor(() => expect(screen.queryByText(/"in place and effective"/)).toBeNull());
    expect(
      within(itemFor(at(1))).getByRole('button', {
        name: new RegExp(`^Fix ${escape(ids[1] ?? '')}: write N/A`),
      }),
    ).toBeEnabled();
  });

  it('keeps the officer’s place: after a fix by keyboard, focus is on the next problem, with the confirmation', async () => {
    const doc = await generatedWorkbook();
    await pasteMixed(doc);
    const { user } = await openCheck(doc);
    // Three certain fixes in a row from the keyboard alone: focus never falls to the page.
    for (const i of [0, 1]) {
      const fix = within(itemFor(at(i))).getByRole('button', { name: /^Fix / });
      fix.focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(doc.value(L, ratingCell(i))).not.toBe(pasted[i]?.[0]));
      // The next problem (the one that took this one's place) has focus, and the confirmation sits in it.
      await waitFor(() => expect(document.activeElement).toBe(itemFor(at(i + 1))));
      expect(within(itemFor(at(i + 1))).getByTestId('action-done').textContent).toBe('Fixed 1 cell.');
      expect(document.activeElement).not.toBe(document.body);
    }
    expect(doc.values(L, rect(AREA_FIRST_DATA_ROW, areaColumn('rating'), 2, 1))).toEqual([[4], ['N/A']]);
  });

  it('"fix all" changes only the near misses and leaves a cell changed since the check alone, naming it', async () => {
    const doc = await generatedWorkbook();
    await pasteMixed(doc);
    const { user } = await openCheck(doc);
    // A change the pane has not heard of (typeInto fires no change event, like a co-author's edit
    // still on its way): the list stays as checked, and the fix must not overwrite it.
    typeInto(doc, L, AREA_FIRST_DATA_ROW + 1, areaColumn('rating'), 2);
    await user.click(screen.getByRole('button', { name: 'Fix all 2 certain fixes' }));
    const done = await screen.findByTestId('action-done');
    expect(done.textContent).toMatch(
      new RegExp(
        `^Fixed 1 cell\\. 1 cell was left alone because it has changed since the check: ${escape(at(1))}\\.`,
      ),
    );
    expect(doc.values(L, rect(AREA_FIRST_DATA_ROW, areaColumn('rating'), 4, 1))).toEqual([
      [4],
      [2],
      ['maybe'],
      [7],
    ]);
    // Checked again afterwards: only the two that need a person are left as errors.
    await waitFor(() => expect(screen.getByTestId('check-summary').textContent).toMatch(/^Found 2 errors/));
    expect(screen.queryByRole('button', { name: /certain fix/ })).toBeNull();
  });
});

describe('page headers behind the Start sheet', () => {
  it('are a warning in words, with a fix named for what it writes, and the fix puts them right', async () => {
    const doc = await generatedWorkbook();
    const { user } = await openCheck(doc);
    // Typed with no change event (as when the pane was elsewhere): the live checks did not see it.
    const { row, column } = parseRange(startCell(draft, 'organisation'));
    typeInto(doc, 'Start', row, column, 'Hill Housing');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    const warnings = await screen.findByRole('region', { name: /^Warnings/ });
    const summary = within(warnings)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-problem') === 'header-stale:Summary');
    if (!summary) throw new Error('no warning about the Summary sheet’s page header');
    expect(summary.textContent).toMatch(
      /^warning The printed pages of "Summary" are headed "[^"]+", Period .*but the Start sheet now says "Hill Housing"/,
    );
    expect(summary.textContent).not.toMatch(/leftHeader|header-stale|&A/);
    await user.click(
      within(summary).getByRole('button', {
        name: 'Fix: write the Start sheet’s organisation and period into the page headers',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('action-done').textContent).toBe('Fixed the page header of 1 sheet.'),
    );
    await waitFor(() => expect(screen.queryByText(/printed pages of "Summary"/)).toBeNull());
    const left = await gatewayHeader(doc, 'Summary');
    expect(left).toBe('Hill Housing');
  });
});

describe('formula repair', () => {
  it('offers a repair for a Summary formula typed over, repairs it, and the problem goes', async () => {
    const doc = await wordedWorkbook();
    const levelCell = buildPlan(draft, SETTINGS).summary.areas[0]?.levelName ?? 'B1';
    const formula = doc.formula('Summary', levelCell);
    doc.sheet('Summary').protection = { ...doc.sheet('Summary').protection, protected: false };
    await doc.simulateEdit('Summary', levelCell, [['Excellent']]);
    const { user } = await openCheck(doc);
    const offer = screen.getByTestId('repair-offer');
    expect(screen.getByText(new RegExp(`'Summary'!${levelCell}`))).toBeVisible();
    await user.click(within(offer).getByRole('button', { name: 'Repair formulas' }));
    await waitFor(() =>
      expect(screen.getByTestId('action-done').textContent).toMatch(
        /^Rewrote the add-in’s formulas on .*Summary.*Your ratings and notes were not touched\.$/,
      ),
    );
    expect(doc.formula('Summary', levelCell)).toBe(formula);
    await waitFor(() => expect(screen.queryByTestId('repair-offer')).toBeNull());
    expect(screen.getByTestId('check-summary').textContent).toBe(
      `No problems found in the ${draft.criteria.length} criteria.`,
    );
  });
});

describe('live checks', () => {
  it('updates the list when the officer types, without pressing anything, and says so politely', async () => {
    const doc = await wordedWorkbook();
    await openCheck(doc);
    expect(screen.getByTestId('live-status').textContent).toMatch(/^Live checks are on/);
    expect(screen.getByTestId('check-summary').textContent).toMatch(/^No problems/);
    // The change handlers update the view outside any event React knows of: act() lets it settle.
    await act(() => doc.simulateEdit(L, ratingCell(2), [['definitely']]));
    await waitFor(() => expect(screen.getByTestId('check-summary').textContent).toMatch(/^Found 1 error/));
    expect(itemFor(at(2)).textContent).toContain('"definitely"');
    expect(screen.getByTestId('announce-polite').textContent).toBe('Checked your change: 1 error.');
    await act(() => doc.simulateEdit(L, ratingCell(2), [['']]));
    await waitFor(() => expect(screen.getByTestId('check-summary').textContent).toMatch(/^No problems/));
  });

  it('follows rows inserted and deleted while it runs: the rating stays with its criterion, and the moved rows are named', async () => {
    const doc = await generatedWorkbook();
    await openCheck(doc);
    // The officer unprotects the sheet (Review > Unprotect Sheet) and inserts two rows above the
    // second criterion; Excel moves it and the formulas down and reports RowInserted.
    unprotect(doc, L);
    const second = AREA_FIRST_DATA_ROW + 1;
    await act(() => doc.simulateLineEdit(L, `${second}:${second + 1}`, 'insert'));
    await waitFor(() => expect(screen.getByTestId('check-summary').textContent).not.toMatch(/^No problems/));
    const moved = () =>
      screen.getAllByRole('listitem').find((li) => li.textContent?.includes('were inserted'));
    expect(moved()?.textContent).toContain(`'${L}'!A${second}`);
    // A bad rating typed for the second criterion in its new row is that criterion's problem.
    const column = ratingCell(1).replace(/\d+$/, '');
    const newCell = `${column}${second + 2}`;
    await act(() => doc.simulateEdit(L, newCell, [['definitely']]));
    await waitFor(() => expect(itemFor(`'${L}'!${newCell}`).textContent).toContain('"definitely"'));
    expect(itemFor(`'${L}'!${newCell}`).textContent).toContain(ids[1]);
    // Deleting the two rows puts the layout back: the moved-rows problem goes, the rating stays.
    await act(() => doc.simulateLineEdit(L, `${second}:${second + 1}`, 'delete'));
    await waitFor(() => expect(moved()).toBeUndefined());
    expect(itemFor(at(1)).textContent).toContain('"definitely"');
  });

  it('stops listening when the officer leaves the Check view', async () => {
    const doc = await generatedWorkbook();
    const { user } = await openCheck(doc);
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    // Set up on an assessment shows its settings (no Generate): the Check view has gone.
    await screen.findByTestId('existing-assessment');
    // Live checks' handler goes; the change log's one stays, as it belongs to the pane
    // (test/taskpane/paneChangeLog.test.tsx).
    await waitFor(() => expect(doc.events.count).toBe(1));
  });

  it('falls back to checking on request when live checks cannot start, and says why', async () => {
    const doc = await wordedWorkbook();
    const { user } = renderPane(doc);
    await screen.findByTestId('overall');
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('GeneralException', 'Boom.'));
    await user.click(screen.getByRole('tab', { name: 'Check' }));
    expect((await screen.findByTestId('excel-problem')).textContent).toMatch(
      /Live checks are off.*Could not start live checks/,
    );
    expect((await screen.findByTestId('check-summary')).textContent).toMatch(/^No problems/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The left page header of a sheet, as Office.js reports it. */
async function gatewayHeader(doc: FakeWorkbook, sheet: string): Promise<string> {
  return gateway(doc).run(async (ctx) => {
    const texts = ctx.workbook.worksheets.getItem(sheet).pageLayout.headersFooters.defaultForAllPages;
    texts.load('leftHeader');
    await ctx.sync();
    return texts.leftHeader;
  });
}

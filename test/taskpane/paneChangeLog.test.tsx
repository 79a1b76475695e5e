/**
 * The change log belongs to the pane (issue 22): once started it goes on whichever view is open,
 * so an edit made while the officer reads Results is logged, and the cells written by combining a
 * colleague's copy are logged as the add-in's, not as the officer's typing.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { ResponseRow } from '../../src/domain/index';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import {
  CHANGE_LOG_COLUMNS,
  CHANGE_LOG_FIRST_ROW,
  CHANGE_LOG_SHEET,
  SOURCE_WORDS,
} from '../../src/workbook/sheets/changeLog';
import { rect } from '../../src/workbook/address';
import { writeWorkbookFile } from '../../src/xlsx';
import { SETTINGS } from '../xlsx/planFile';
import type { FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, ratingCell, renderPane } from './renderPane';

jest.setTimeout(90_000);

const L = 'Leadership';
const [first] = draft.criteria.filter((c) => c.area === 2);

/** The log's rows as read now, each as its Cell and Made by columns. */
function logRows(doc: FakeWorkbook): { cell: string; madeBy: string; after: string }[] {
  if (!doc.sheetNames().includes(CHANGE_LOG_SHEET)) return [];
  const col = (key: string) => CHANGE_LOG_COLUMNS.findIndex((c) => c.key === key);
  return doc
    .values(CHANGE_LOG_SHEET, rect(CHANGE_LOG_FIRST_ROW, 1, 50, CHANGE_LOG_COLUMNS.length))
    .filter((r) => r[col('cell')] !== '')
    .map((r) => ({
      cell: String(r[col('cell')]),
      madeBy: String(r[col('source')]),
      after: String(r[col('after')]),
    }));
}

/** Opens the pane, waits for the log to be listening (Check says so), then goes to `view`. */
async function listeningThenOpen(doc: FakeWorkbook, view: string) {
  const pane = renderPane(doc);
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Check' }));
  expect((await screen.findByTestId('change-log-status')).textContent).toMatch(/^Change log: on/);
  await pane.user.click(screen.getByRole('tab', { name: view }));
  await screen.findByTestId(`view-${view.toLowerCase()}`);
  return pane;
}

describe('the change log while the pane is open', () => {
  it('logs an edit made before Check was ever opened, and Check then counts it', async () => {
    const doc = await generatedWorkbook();
    const { user } = renderPane(doc);
    await opened();
    // The pane's one change handler is the log's (live checks start only with the Check view).
    await waitFor(() => expect(doc.events.count).toBe(1));
    await doc.simulateEdit(L, ratingCell(0), [[3]]);
    await waitFor(() =>
      expect(logRows(doc)).toEqual([{ cell: ratingCell(0), madeBy: SOURCE_WORDS.here, after: '3' }]),
    );

    await user.click(screen.getByRole('tab', { name: 'Check' }));
    await waitFor(() =>
      expect(screen.getByTestId('change-log-status').textContent).toBe(
        'Change log: on (1 logged since the pane opened).',
      ),
    );
  });

  it('goes on logging after the officer leaves Check', async () => {
    const doc = await generatedWorkbook();
    await listeningThenOpen(doc, 'Results');
    await doc.simulateEdit(L, ratingCell(1), [[2]]);
    await waitFor(() =>
      expect(logRows(doc)).toEqual([{ cell: ratingCell(1), madeBy: SOURCE_WORDS.here, after: '2' }]),
    );
  });

  it('names the cells written by combining a copy as the add-in’s', async () => {
    const doc = await generatedWorkbook();
    const { user } = await listeningThenOpen(doc, 'Maintain');
    const theirs: ResponseRow = {
      criterionId: first!.id,
      area: 2,
      rating: 4,
      evidence: 'Board minutes',
      difference: '',
      owner: '',
      reviewDate: '',
      notes: '',
    };
    const bytes = await writeWorkbookFile(withResponses(buildPlan(draft, SETTINGS).plan, draft, [theirs]));
    await user.upload(
      await screen.findByLabelText('Colleagues’ copies (.xlsx, one or more)'),
      new File([bytes as Uint8Array<ArrayBuffer>], 'hr-copy.xlsx'),
    );
    const item = await screen.findByTestId(`combine-2#${first!.id}`);
    expect(within(item).getByRole('table')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Combine: change 1 criteri/ }));
    await screen.findByTestId('combine-done');

    await waitFor(() => expect(logRows(doc)).toHaveLength(2));
    expect(logRows(doc).map((r) => r.madeBy)).toEqual([
      SOURCE_WORDS['add-in combine'],
      SOURCE_WORDS['add-in combine'],
    ]);
    expect(
      logRows(doc)
        .map((r) => r.after)
        .sort(),
    ).toEqual(['4', 'Board minutes']);
  });
});

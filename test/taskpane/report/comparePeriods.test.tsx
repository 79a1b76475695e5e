/** The "Compare periods" part of the Board report view over the Excel fake: choose, compare, refusals. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deserialize, serialize } from 'node:v8';
import { bundledFrameworks, score } from '../../../src/domain/index';
import { loadSheetNames } from '../../../src/excel/inspect';
import { readAssessment } from '../../../src/excel/readAssessment';
import { queueSavedLoad, queueSavedWrite } from '../../../src/excel/savedResponsesWrite';
import { ComparePeriods } from '../../../src/taskpane/report/ComparePeriods';
import { COMPARISON_SHEET } from '../../../src/workbook/sheets/periodComparison';
import { savedSnapshotOf, type SavedSnapshot } from '../../../src/workbook/sheets/savedResponses';
import { generateInto, SETTINGS } from '../../excel/generateHelpers';
import { buildPlan } from '../../../src/workbook/buildPlan';
import { writeWorkbookFile } from '../../../src/xlsx';
import { gateway, type FakeWorkbook } from '../../platform/fake-excel';

configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(90_000);
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

const draft = bundledFrameworks.draft2009;
const TODAY = () => new Date(2026, 11, 3);

async function saveSnapshots(
  doc: FakeWorkbook,
  days: readonly { year: number; month: number; day: number }[],
) {
  const read = await readAssessment(gateway(doc), draft);
  const result = score(draft, read.responses, read.settings!);
  const snapshots: SavedSnapshot[] = days.map((d) =>
    savedSnapshotOf(draft, read.responses, result, 'Snapshot', d),
  );
  await gateway(doc).run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const loaded = queueSavedLoad(ctx, names());
    await ctx.sync();
    queueSavedWrite(ctx, loaded(), snapshots, { organisation: 'Riverside Homes', period: '2026/27' });
    await ctx.sync();
  });
}

async function setUp(days: readonly { year: number; month: number; day: number }[]) {
  const { doc } = await generateInto(draft);
  if (days.length > 0) await saveSnapshots(doc, days);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ComparePeriods gateway={gateway(doc)} framework={draft} today={TODAY} />
    </FluentProvider>,
  );
  return { doc, user };
}

describe('Compare periods', () => {
  it('offers the saved snapshots, the latest against this workbook now, and writes the comparison', async () => {
    const { doc, user } = await setUp([
      { year: 2025, month: 11, day: 20 },
      { year: 2026, month: 6, day: 1 },
    ]);
    const earlier = await screen.findByRole('combobox', { name: 'Earlier' });
    await within(earlier).findByRole('option', { name: '2025-11-20 (saved on 20/11/2025)' });
    expect(earlier).toHaveValue('2026-06-01');
    expect(screen.getByRole('combobox', { name: 'Later' })).toHaveValue('This workbook now');
    await user.selectOptions(earlier, '2025-11-20');
    await user.click(screen.getByRole('button', { name: 'Compare periods' }));
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent(
      'Compared "2025-11-20" with "This workbook now" on the Period comparison sheet.',
    );
    expect(done).toHaveTextContent('0 ratings up, 0 down, 0 changed otherwise');
    expect(doc.sheetNames()).toContain(COMPARISON_SHEET);
  });

  it('says there is nothing to compare before a snapshot is saved', async () => {
    await setUp([]);
    expect(await screen.findByText(/No snapshots are saved yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare periods' })).toBeDisabled();
  });

  it('shows a refusal with its reasons and changes nothing', async () => {
    const { doc, user } = await setUp([{ year: 2025, month: 11, day: 20 }]);
    const later = await screen.findByRole('combobox', { name: 'Later' });
    await within(later).findByRole('option', { name: '2025-11-20 (saved on 20/11/2025)' });
    await user.selectOptions(later, '2025-11-20');
    await user.click(screen.getByRole('button', { name: 'Compare periods' }));
    expect(await screen.findByText('Nothing was changed')).toBeInTheDocument();
    expect(screen.getByText(/choose two different periods/)).toBeInTheDocument();
    expect(doc.sheetNames()).not.toContain(COMPARISON_SHEET);
  });

  it('adds another copy as a snapshot from its file, chooses it, and compares with it', async () => {
    const { doc, user } = await setUp([]);
    const bytes = await writeWorkbookFile(buildPlan(draft, SETTINGS).plan);
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'last-year.xlsx');
    await user.upload(screen.getByLabelText('Add a copy as a snapshot (.xlsx)'), file);
    expect(await screen.findByTestId('copy-snapshot-added')).toHaveTextContent(
      'Added “last-year.xlsx: as saved” to the Saved responses sheet.',
    );
    const earlier = screen.getByRole('combobox', { name: 'Earlier' });
    await within(earlier).findByRole('option', { name: /^last-year\.xlsx: as saved/ });
    expect(earlier).toHaveValue('last-year.xlsx: as saved');
    await user.click(screen.getByRole('button', { name: 'Compare periods' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Compared "last-year.xlsx: as saved"');
    expect(doc.sheetNames()).toContain(COMPARISON_SHEET);
  });

  it('refuses a file that is not an assessment, naming it', async () => {
    const { doc, user } = await setUp([]);
    await user.upload(
      screen.getByLabelText('Add a copy as a snapshot (.xlsx)'),
      new File(['x'], 'notes.xlsx'),
    );
    expect(await screen.findByTestId('copy-snapshot-refused')).toHaveTextContent(
      /notes\.xlsx cannot be read/,
    );
    expect(doc.sheetNames()).not.toContain('Saved responses');
  });
});

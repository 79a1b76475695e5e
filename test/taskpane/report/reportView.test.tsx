/** The Board report view over the Excel fake: refresh, snapshot, copy-ready paths and their refusals. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deserialize, serialize } from 'node:v8';
import { strFromU8, unzipSync } from 'fflate';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { bundledFrameworks } from '../../../src/domain/index';
import { ReportView } from '../../../src/taskpane/report/ReportView';
import { BOARD_PICTURE_NAME } from '../../../src/excel/boardCopy';
import { BOARD_SHEET, boardLayout } from '../../../src/workbook/sheets/board';
import { generateInto } from '../../excel/generateHelpers';
import { FakeOfficeError, gateway, type FakeGatewayOptions } from '../../platform/fake-excel';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
// jsdom lacks TextEncoder, which every browser the pane runs in has (the .docx library uses it).
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
globalThis.TextDecoder ??= NodeTextDecoder as typeof TextDecoder;

const draft = bundledFrameworks.draft2009;
const TODAY = () => new Date(2027, 2, 31);

/** jsdom's Blob has no text(); FileReader reads it. */
function blobText(blob: Blob | undefined): Promise<string> {
  if (!blob) return Promise.reject(new Error('nothing was offered for download'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the download'));
    reader.readAsText(blob);
  });
}

function blobBytes(blob: Blob | undefined): Promise<Uint8Array> {
  if (!blob) return Promise.reject(new Error('nothing was offered for download'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the download'));
    reader.readAsArrayBuffer(blob);
  });
}

async function setUp(platform: FakeGatewayOptions['platform'] = 'PC') {
  const { doc } = await generateInto(draft);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ReportView gateway={gateway(doc, { platform })} framework={draft} today={TODAY} />
    </FluentProvider>,
  );
  // Compare periods reads the saved snapshots when the view opens: a test that makes a later
  // sync fail must wait for that read, or the failure lands on it instead of the action tested.
  await screen.findByText(/No snapshots are saved yet/);
  return { doc, user };
}

describe('ReportView', () => {
  let created: Blob[];
  beforeEach(() => {
    created = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => undefined;
  });

  it('refreshes the board, shows the narrative to copy, and offers the CSV', async () => {
    const { doc, user } = await setUp();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    const narrative = await screen.findByLabelText(/The narrative, to copy by hand/);
    expect((narrative as HTMLTextAreaElement).value).toContain(
      'The organisation has not reached Developing yet.',
    );
    expect(doc.sheetNames()).toContain(BOARD_SHEET);

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByText(/^board-summary\.csv was handed to Excel to download/)).toBeTruthy();
    const text = await blobText(created[0]);
    expect(text).toContain('Assessment date,31/03/2027');
    expect(text).toContain('Organisation (lowest area),Not yet Developing');
  });

  it('downloads the board paper as a Word document holding the narrative and the chart picture', async () => {
    const { user } = await setUp();
    expect(screen.getByRole('button', { name: 'Download board paper (.docx)' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    const narrative = (await screen.findByLabelText(/The narrative, to copy by hand/)) as HTMLTextAreaElement;
    await user.click(screen.getByRole('button', { name: 'Download board paper (.docx)' }));
    expect(await screen.findByText(/^board-paper\.docx was handed to Excel to download/)).toBeTruthy();
    const blob = created[0];
    expect(blob?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const parts = unzipSync(await blobBytes(blob));
    const documentXml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
    // The narrative's first sentence, as the pane shows it; and Excel's chart picture inside.
    const first = narrative.value.split('. ')[0] ?? '';
    expect(first.length).toBeGreaterThan(10);
    expect(documentXml).toContain(first);
    expect(Object.keys(parts).some((p) => p.startsWith('word/media/'))).toBe(true);
  });

  it('saves a snapshot, selects the summary and downloads the chart picture', async () => {
    const { user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Save snapshot' }));
    expect(await screen.findByText(/1 snapshot saved, the latest on 31\/03\/2027/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Select summary to copy' }));
    const printed = boardLayout(5, 3).printed;
    expect(
      await screen.findByText(
        `Selected ${BOARD_SHEET}!${printed}. Press Ctrl+C (Cmd+C on a Mac) to copy it.`,
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Download chart picture' }));
    expect(await screen.findByText(/^board-chart\.png was handed to Excel to download/)).toBeTruthy();
    expect(created[0]?.type).toBe('image/png');
  });

  it('places the chart picture on the sheet, replacing it on a second click', async () => {
    const { doc, user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    await screen.findByLabelText(/The narrative, to copy by hand/);
    // A CSV note first: the picture's result must replace it, not sit hidden behind it.
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByText(/^board-summary\.csv was handed to Excel to download/);

    await user.click(screen.getByRole('button', { name: 'Place chart picture on the sheet' }));
    expect(
      await screen.findByText(
        /^Placed a picture of the chart on the Board summary sheet, to the right of the printed page\. To paste it .* first unprotect it \(Review > Unprotect Sheet\)/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/^board-summary\.csv was handed to Excel to download/)).toBeNull();
    expect(doc.shapes(BOARD_SHEET).map((s) => s.name)).toEqual([BOARD_PICTURE_NAME]);

    await user.click(screen.getByRole('button', { name: 'Place chart picture on the sheet' }));
    expect(await screen.findByText(/It replaces the picture placed before\./)).toBeTruthy();
    expect(doc.shapes(BOARD_SHEET)).toHaveLength(1);
  });

  it('offers no download on Excel for Mac, which ignores them, and names what works instead', async () => {
    const { doc, user } = await setUp('Mac');
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download chart picture' })).toBeNull();
    expect(screen.getByTestId('no-downloads').textContent).toMatch(
      /cannot save files from the task pane.*Select summary to copy.*Place chart picture on the sheet/,
    );
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    await screen.findByLabelText(/The narrative, to copy by hand/);
    await user.click(screen.getByRole('button', { name: 'Place chart picture on the sheet' }));
    expect(await screen.findByText(/Placed a picture of the chart/)).toBeTruthy();
    expect(doc.shapes(BOARD_SHEET)).toHaveLength(1);
    expect(created).toEqual([]);
  });

  it('says why where the workbook cannot do it yet, and stops saying so once the board is written', async () => {
    const { user } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Select summary to copy' }));
    expect(await screen.findByText(/Refresh the board summary first/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    await screen.findByLabelText(/The narrative, to copy by hand/);
    // The note described the workbook before the refresh: it must not contradict "Wrote Board summary".
    expect(screen.queryByText(/Refresh the board summary first/)).toBeNull();
  });

  it('clears a failure once a later action succeeds', async () => {
    const { doc, user } = await setUp();
    doc.failOnSync(doc.syncCount + 1, new FakeOfficeError('GeneralException', 'Boom.'));
    await user.click(screen.getByRole('button', { name: 'Refresh board summary' }));
    expect(await screen.findByText('The board report was not refreshed')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Select summary to copy' }));
    expect(await screen.findByText(/Refresh the board summary first/)).toBeTruthy();
    expect(screen.queryByText('The board report was not refreshed')).toBeNull();
  });
});

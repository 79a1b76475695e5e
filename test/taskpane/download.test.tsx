/**
 * "Download as .xlsx" from Set up and Maintain: the file is a real zip written from the plan, named
 * safely from the organisation and period, and a host that blocks downloads gets a sentence.
 */
import { screen, waitFor } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { workbookFileName } from '../../src/taskpane/components/fileName';
import { columnLetter } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { readXlsx } from '../xlsx/readXlsx';
import { draft, generatedWorkbook, opened, ratingCell, renderPane } from './renderPane';

const evidenceCell = (i: number) => `${columnLetter(areaColumn('evidence'))}${AREA_FIRST_DATA_ROW + i}`;
const reviewDateCell = (i: number) => `${columnLetter(areaColumn('reviewDate'))}${AREA_FIRST_DATA_ROW + i}`;

jest.setTimeout(60_000);

interface Saved {
  readonly name: string;
  readonly blob: Blob;
}

/** Stands in for the browser's download: object URLs and the link's click, recorded. */
function captureDownloads(options: { clickThrows?: Error } = {}): { saved: Saved[]; restore: () => void } {
  const saved: Saved[] = [];
  const blobs = new Map<string, Blob>();
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (options.clickThrows) throw options.clickThrows;
    const blob = blobs.get(this.href);
    if (!blob) throw new Error(`no blob behind ${this.href}`);
    saved.push({ name: this.download, blob });
  });
  return {
    saved,
    restore: () => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      click.mockRestore();
    },
  };
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}

async function fillSetup(user: ReturnType<typeof renderPane>['user'], organisation: string, period: string) {
  await user.type(await screen.findByRole('textbox', { name: /Organisation/ }), organisation);
  await user.type(screen.getByRole('textbox', { name: /Assessment period/ }), period);
}

describe('from Set up', () => {
  it('offers the workbook as a valid .xlsx zip named safely, and changes nothing in the workbook', async () => {
    const downloads = captureDownloads();
    try {
      const { doc, user } = renderPane();
      await opened();
      await fillSetup(user, 'Riverside/../Homes: "North"', '2026/27');
      await user.click(screen.getByRole('button', { name: 'Download as .xlsx' }));
      const result = await screen.findByTestId('download-result');
      const name = 'Equality self-assessment Riverside Homes North 2026 27.xlsx';
      // The pane cannot know whether the officer saved it: it says where to look, never "saved".
      expect(result.textContent).toMatch(
        new RegExp(`^${name} was handed to Excel to download: look in your Downloads folder`),
      );
      expect(result.textContent).not.toMatch(/\bsaved\b/);
      expect(downloads.saved.map((s) => s.name)).toEqual([name]);
      const saved = downloads.saved[0];
      if (!saved) throw new Error('nothing was saved');
      expect(saved.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const bytes = await bytesOf(saved.blob);
      expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
      const parts = unzipSync(bytes);
      expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
      // The organisation as typed is in the file, where it belongs: a cell, not the file name.
      const strings = strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array());
      expect(strings).toContain('Riverside/../Homes: "North"');
      expect(doc.sheetNames()).toEqual(['Sheet1']);
    } finally {
      downloads.restore();
    }
  });

  it('does not start with mistakes in the form, and names them', async () => {
    const downloads = captureDownloads();
    try {
      const { user } = renderPane();
      await opened();
      await user.click(await screen.findByRole('button', { name: 'Download as .xlsx' }));
      expect(await screen.findByText('Enter your organisation’s name.')).toBeVisible();
      expect(screen.getByTestId('announce-assertive').textContent).toMatch(/^Download not started: 2 fields/);
      expect(downloads.saved).toEqual([]);
      expect(screen.queryByTestId('download-result')).toBeNull();
    } finally {
      downloads.restore();
    }
  });

  it('says so, with the way round it, when the host cannot download', async () => {
    // jsdom, like some task pane hosts, has no object URLs.
    const { user } = renderPane();
    await opened();
    await fillSetup(user, 'Riverside Homes', '2026/27');
    await user.click(screen.getByRole('button', { name: 'Download as .xlsx' }));
    const result = await screen.findByTestId('download-result');
    expect(result.textContent).toMatch(
      /cannot save Equality self-assessment Riverside Homes 2026 27\.xlsx.*Some versions of Excel block files from add-ins.*Excel on the web/,
    );
  });

  it('catches a download the host refuses, and explains', async () => {
    const downloads = captureDownloads({ clickThrows: new Error('Downloads are disabled in this window.') });
    try {
      const { user } = renderPane();
      await opened();
      await fillSetup(user, 'Riverside Homes', '2026/27');
      await user.click(screen.getByRole('button', { name: 'Download as .xlsx' }));
      expect((await screen.findByTestId('download-result')).textContent).toMatch(
        /did not let the task pane save .*\(Downloads are disabled in this window\.\)/,
      );
    } finally {
      downloads.restore();
    }
  });
});

describe('on Excel for Mac, where a download from the pane does nothing', () => {
  // Excel for Mac ignores a download started by a blob link, silently (platform-facts: a known
  // Office limitation), so the pane opens the workbook in Excel instead (Excel.createWorkbook).
  it('opens the workbook as a new, unsaved workbook and says how to save it; no link is clicked', async () => {
    const downloads = captureDownloads();
    const opened_: string[] = [];
    try {
      const { doc, user } = renderPane(undefined, { platform: 'Mac', openedWorkbooks: opened_ });
      await opened();
      await fillSetup(user, 'Riverside Homes', '2026/27');
      expect(screen.queryByRole('button', { name: 'Download as .xlsx' })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Open as a new workbook' }));
      const result = await screen.findByTestId('download-result');
      expect(result.textContent).toMatch(
        /^Opened Equality self-assessment Riverside Homes 2026 27\.xlsx as a new workbook in another Excel window.*It is not saved yet: in that window, choose File > Save As\.$/,
      );
      expect(downloads.saved).toEqual([]);
      expect(opened_).toHaveLength(1);
      const bytes = Uint8Array.from(atob(opened_[0] ?? ''), (c) => c.charCodeAt(0));
      const parts = unzipSync(bytes);
      expect(strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array())).toContain('Riverside Homes');
      expect(doc.sheetNames()).toEqual(['Sheet1']);
    } finally {
      downloads.restore();
    }
  });
});

describe('from Maintain', () => {
  /** The area sheet's cells in the downloaded file, by A1 address. */
  async function areaCells(saved: Saved, sheet: string) {
    return readXlsx(await bytesOf(saved.blob)).cells(sheet);
  }

  it('offers the workbook with its responses, says that is what it is, and names the file from the Start sheet', async () => {
    const downloads = captureDownloads();
    try {
      const doc = await generatedWorkbook();
      const leadership = draft.areas[1]!;
      await doc.simulateEdit(leadership.shortName, ratingCell(0), [[2]]);
      await doc.simulateEdit(leadership.shortName, evidenceCell(0), [['Board minutes, March']]);
      await doc.simulateEdit(leadership.shortName, reviewDateCell(0), [[46477]]);
      await doc.simulateEdit(leadership.shortName, ratingCell(1), [['N/A']]);
      const { user } = renderPane(doc);
      await opened();
      await user.click(screen.getByRole('tab', { name: 'Maintain' }));
      await user.click(await screen.findByRole('button', { name: 'Download with responses (.xlsx)' }));
      await waitFor(() =>
        expect(downloads.saved.map((s) => s.name)).toEqual([
          'Equality self-assessment Riverside Homes 2026 27.xlsx',
        ]),
      );
      const results = await screen.findAllByTestId('download-result');
      expect(results.map((r) => r.textContent)).toEqual([
        expect.stringMatching(/^The workbook with its responses\. /),
      ]);
      const cells = await areaCells(downloads.saved[0]!, leadership.shortName);
      expect(cells.get(ratingCell(0))?.value).toBe(2);
      expect(cells.get(evidenceCell(0))?.value).toBe('Board minutes, March');
      expect(cells.get(reviewDateCell(0))?.value).toBe(46477);
      expect(cells.get(ratingCell(1))?.value).toBe('N/A');
      expect(cells.get(ratingCell(2))?.value).toBeUndefined();
    } finally {
      downloads.restore();
    }
  });

  it('offers a blank copy beside it, and says it is blank', async () => {
    const downloads = captureDownloads();
    try {
      const doc = await generatedWorkbook();
      const leadership = draft.areas[1]!;
      await doc.simulateEdit(leadership.shortName, ratingCell(0), [[2]]);
      const { user } = renderPane(doc);
      await opened();
      await user.click(screen.getByRole('tab', { name: 'Maintain' }));
      await user.click(await screen.findByRole('button', { name: 'Download a blank copy (.xlsx)' }));
      await waitFor(() => expect(downloads.saved).toHaveLength(1));
      expect((await screen.findByTestId('download-result')).textContent).toMatch(
        /^A blank copy \(settings, no responses\)\. /,
      );
      const cells = await areaCells(downloads.saved[0]!, leadership.shortName);
      expect(cells.get(ratingCell(0))?.value).toBeUndefined();
    } finally {
      downloads.restore();
    }
  });
});

describe('workbookFileName', () => {
  it.each([
    ['Riverside Homes', '2026/27', 'Equality self-assessment Riverside Homes 2026 27.xlsx'],
    ['../../etc/passwd', '', 'Equality self-assessment etc passwd.xlsx'],
    ['C:\\Users\\x', '2026', 'Equality self-assessment C Users x 2026.xlsx'],
    [
      'Cartrefi Cymru — Tŷ Newydd',
      '2026-27',
      'Equality self-assessment Cartrefi Cymru Tŷ Newydd 2026-27.xlsx',
    ],
    ['<script>', 'CON', 'Equality self-assessment script CON.xlsx'],
    ['', '', 'Equality self-assessment.xlsx'],
    ['.hidden', '\n\t', 'Equality self-assessment hidden.xlsx'],
  ])('%j, %j gives %j', (organisation, period, name) => {
    expect(workbookFileName(organisation, period)).toBe(name);
  });

  it('keeps only letters, digits, spaces and hyphens, and stays short', () => {
    const name = workbookFileName('A'.repeat(500) + '/\\:*?"<>|', '9'.repeat(50));
    expect(name).toMatch(/^[\p{L}\p{N} -]+\.xlsx$/u);
    expect(name.length).toBeLessThanOrEqual(105);
  });
});

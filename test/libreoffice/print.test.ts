/**
 * The workbook file printed by LibreOffice, as it is (the page setup in the file decides): every
 * page A4; the Start sheet and the Summary one page each; every page of an area sheet as wide as
 * the sheet (the first and last printed columns both on it) with the header row repeated, checked
 * in the text and in the picture. Pages are told apart by the header, which names the sheet.
 * The pages are kept in test-results/libreoffice/print-*.png; docs/images/print-*.png are copies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Framework } from '../../src/domain/framework/types';
import type { CellValue } from '../../src/domain/responses';
import { buildPlan } from '../../src/workbook/buildPlan';
import { AREA_COLUMNS, COLOURS, areaColumnHeader } from '../../src/workbook/layout';
import { writeWorkbookFile } from '../../src/xlsx';
import { buildFramework } from '../builders/framework';
import { withRatings } from '../xlsx/fillRatings';
import { convertAll } from './soffice';

jest.setTimeout(300_000);

const RESULTS = join(__dirname, '..', '..', 'test-results', 'libreoffice');
const WHO = { organisation: 'Example Homes', period: '2026/27' };
const draft = bundledFrameworks.draft2009;
/** The revision gives guidance, so its area sheet has the Guidance column. */
const revision = bundledFrameworks.leadershipRevision;
/** The Guidance column's heading (the first words are enough: a heading wraps when printed). */
const GUIDANCE_HEADER = areaColumnHeader('guidance').split(' ').slice(0, 3).join(' ');
/** An area long enough to need several pages: 40 criteria at each of three levels. */
const long = buildFramework({ areas: [{ name: 'A long area', shortName: 'Long area' }], criteria: 40 });

function run(command: string, args: string[]): string {
  if (!existsSync(command)) throw new Error(`${command} is missing: install poppler-utils`);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

interface Page {
  readonly number: number;
  readonly sheet: string;
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** Every page, with the sheet its header names (the centre of the first line). */
function pagesOf(pdf: string, sheets: readonly string[]): Page[] {
  const info = run('/usr/bin/pdfinfo', ['-f', '1', '-l', '999', pdf]);
  const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)];
  return sizes.map(([, n = '0', w = '0', h = '0']) => {
    const text = run('/usr/bin/pdftotext', ['-layout', '-f', n, '-l', n, pdf, '-']);
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    // The longest name that appears, so "Summary" is not mistaken inside another name.
    const sheet = [...sheets].sort((a, b) => b.length - a.length).find((s) => first.includes(s)) ?? '';
    return { number: Number(n), sheet, text, width: Number(w), height: Number(h) };
  });
}

/** Pixels of an exact colour in the top `fraction` of a binary PPM (P6) image. */
function countColourNearTop(ppm: Buffer, hex: string, fraction: number): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const end = header[0].length + Math.floor(height * fraction) * width * 3;
  let count = 0;
  for (let i = header[0].length; i + 2 < Math.min(end, ppm.length); i += 3) {
    if (ppm[i] === r && ppm[i + 1] === g && ppm[i + 2] === b) count += 1;
  }
  return count;
}

let folder: string;
const files: Record<'draft' | 'long' | 'revision', { pdf: string; pages: Page[]; framework: Framework }> =
  {} as never;

async function write(framework: Framework, rating: (i: number) => CellValue, name: string): Promise<string> {
  const built = buildPlan(framework, { ...WHO, metThreshold: 3, requiredShare: 1 });
  const ratings = new Map(framework.criteria.map((c, i) => [c.id, rating(i)]));
  const path = join(folder, `${name}.xlsx`);
  writeFileSync(path, await writeWorkbookFile(withRatings(built.plan, framework, ratings)));
  return path;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'eq-print-'));
  const inputs = [
    await write(draft, (i) => (i % 9 === 0 ? null : i % 7 === 0 ? 'N/A' : (i % 4) + 1), 'draft'),
    await write(long, (i) => (i % 3) + 2, 'long'),
    await write(revision, (i) => (i % 4) + 1, 'revision'),
  ];
  const [draftPdf = '', longPdf = '', revisionPdf = ''] = convertAll(
    inputs,
    join(folder, 'pdf'),
    'pdf',
    'pdf',
  );
  for (const [key, pdf, framework] of [
    ['draft', draftPdf, draft],
    ['long', longPdf, long],
    ['revision', revisionPdf, revision],
  ] as const) {
    const sheets = ['Start', 'Summary', ...framework.areas.map((a) => a.shortName)];
    files[key] = { pdf, pages: pagesOf(pdf, sheets), framework };
  }
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const A4 = { short: 595.3, long: 841.9 };
const isA4 = (p: Page) =>
  Math.abs(Math.min(p.width, p.height) - A4.short) < 1 && Math.abs(Math.max(p.width, p.height) - A4.long) < 1;

describe('the workbook file printed by LibreOffice', () => {
  it('prints every page on A4, each naming its sheet, the organisation and the period', () => {
    for (const { pages } of Object.values(files)) {
      expect(pages.length).toBeGreaterThan(2);
      for (const page of pages) {
        expect({ page: page.number, a4: isA4(page), sheet: page.sheet !== '' }).toEqual({
          page: page.number,
          a4: true,
          sheet: true,
        });
        expect(page.text).toContain(WHO.organisation);
        expect(page.text).toContain(`Period ${WHO.period}`);
      }
    }
  });

  it('prints the Start sheet on one portrait page and the Summary on one landscape page', () => {
    const { pages } = files.draft;
    const start = pages.filter((p) => p.sheet === 'Start');
    const summary = pages.filter((p) => p.sheet === 'Summary');
    expect([start.length, summary.length]).toEqual([1, 1]);
    expect(start[0]!.height).toBeGreaterThan(start[0]!.width);
    expect(summary[0]!.width).toBeGreaterThan(summary[0]!.height);
    for (const part of ['How a level is reached', 'Rating scale', 'Sheets in this workbook']) {
      expect(start[0]!.text).toContain(part);
    }
    expect(summary[0]!.text).toContain('Organisation (lowest area)');
    expect(summary[0]!.text).toContain('Share of criteria met by area and level');
    // The workings beside the table do not print.
    expect(summary[0]!.text).not.toContain('Workings');
  });

  it('prints each area sheet one page wide: every page has the first and the last column and the header row', () => {
    const first = AREA_COLUMNS[0]!.header;
    const last = AREA_COLUMNS.filter((c) => !c.hidden).at(-1)!.header;
    for (const { pages, framework } of Object.values(files)) {
      for (const area of framework.areas) {
        const own = pages.filter((p) => p.sheet === area.shortName);
        expect(own.length).toBeGreaterThan(0);
        for (const page of own) {
          expect({
            page: page.number,
            first: page.text.includes(first),
            last: page.text.includes(last),
          }).toEqual({
            page: page.number,
            first: true,
            last: true,
          });
        }
      }
    }
    // The long area needs several pages, so the repeated titles are really tested.
    expect(files.long.pages.filter((p) => p.sheet === 'Long area').length).toBeGreaterThan(1);
  });

  it('prints the Guidance column on every page of the area sheet of a framework that has guidance, and not for the draft', () => {
    const leadership = files.revision.pages.filter((p) => p.sheet === 'Leadership');
    expect(leadership.length).toBeGreaterThan(0);
    for (const page of leadership)
      expect({ page: page.number, guidance: page.text.includes(GUIDANCE_HEADER) }).toEqual({
        page: page.number,
        guidance: true,
      });
    // Which questions go in which row is proved on the plan (test/workbook/guidance.test.ts):
    // LibreOffice does not grow rows to fit wrapped text, so the printed words overlap and cannot be
    // read back in order here.
    // The draft has no guidance, so no Guidance column.
    const draftArea = files.draft.pages.filter((p) => p.sheet === 'Leadership');
    expect(draftArea.some((p) => p.text.includes(GUIDANCE_HEADER))).toBe(false);
  });

  it('starts each level on a new page of its area sheet, where the file puts the page breaks', () => {
    for (const { pages, framework } of Object.values(files)) {
      const levelNames = framework.levels.map((l) => l.name);
      const rowStart = new RegExp(`^\\s*(\\d+\\.\\d+)\\s+(${levelNames.join('|')})\\b`);
      for (const area of framework.areas) {
        // Each page's criteria, read from the start of their first line: the ID, then the level.
        const perPage = pages
          .filter((p) => p.sheet === area.shortName)
          .map((p) => ({
            page: p.number,
            levels: [
              ...new Set(
                p.text
                  .split('\n')
                  .map((line) => rowStart.exec(line)?.[2])
                  .filter((l): l is string => l !== undefined),
              ),
            ],
          }));
        // Never two levels on a page, and the levels in order, each starting a page.
        expect(perPage.map((p) => ({ page: p.page, levels: p.levels.length }))).toEqual(
          perPage.map((p) => ({ page: p.page, levels: 1 })),
        );
        const order = perPage.map((p) => p.levels[0]).filter((l, i, all) => l !== all[i - 1]);
        expect({ area: area.shortName, order }).toEqual({ area: area.shortName, order: levelNames });
      }
    }
  });

  it('draws the repeated header row on every page of a long area sheet, and saves the pages as PNG', () => {
    mkdirSync(RESULTS, { recursive: true });
    const { pdf, pages } = files.long;
    for (const page of pages.filter((p) => p.sheet === 'Long area')) {
      const base = join(folder, `long-${page.number}`);
      run('/usr/bin/pdftoppm', [
        '-f',
        String(page.number),
        '-l',
        String(page.number),
        '-singlefile',
        '-r',
        '48',
        pdf,
        base,
      ]);
      // The header row's fill, in the top fifth of the page.
      expect({
        page: page.number,
        fill: countColourNearTop(readFileSync(`${base}.ppm`), COLOURS.header, 0.2) > 100,
      }).toEqual({
        page: page.number,
        fill: true,
      });
    }
    const draftPages = files.draft.pages;
    const save = (page: Page | undefined, name: string, pdfPath: string) => {
      if (!page) throw new Error(`no page for ${name}`);
      run('/usr/bin/pdftoppm', [
        '-f',
        String(page.number),
        '-l',
        String(page.number),
        '-singlefile',
        '-r',
        '80',
        '-png',
        pdfPath,
        join(RESULTS, name),
      ]);
      expect(existsSync(join(RESULTS, `${name}.png`))).toBe(true);
    };
    save(
      draftPages.find((p) => p.sheet === 'Start'),
      'print-start',
      files.draft.pdf,
    );
    save(
      draftPages.find((p) => p.sheet === 'Summary'),
      'print-summary',
      files.draft.pdf,
    );
    save(
      draftPages.find((p) => p.sheet === 'Leadership'),
      'print-area',
      files.draft.pdf,
    );
    save(pages.filter((p) => p.sheet === 'Long area')[1], 'print-area-page-2', pdf);
    save(
      files.revision.pages.find((p) => p.sheet === 'Leadership'),
      'print-area-guidance',
      files.revision.pdf,
    );
    writeFileSync(join(RESULTS, 'print.pdf'), readFileSync(files.draft.pdf));
  });
});

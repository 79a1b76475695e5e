/**
 * The board paper (.docx) opens in LibreOffice Writer and renders to PDF with the figures table,
 * the narrative, the chart picture, the top actions and the level rule; its text is the board
 * report's (the same figures, narrative and actions the Board summary sheet shows).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { actionList } from '../../src/domain/actions';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import type { Criterion } from '../../src/domain/framework/types';
import { boardFigures, boardNarrative, mergeActionPlan, topActions } from '../../src/domain/report';
import type { CellValue } from '../../src/domain/responses';
import { score } from '../../src/domain/scoring';
import { boardPaperDocx, boardPaperText, type BoardPaperInput } from '../../src/taskpane/report/boardPaper';
import { responsesFor } from '../builders/responses';
import { convertAll } from './soffice';

jest.setTimeout(300_000);

const RESULTS = join(__dirname, '..', '..', 'test-results', 'libreoffice');
const draft = bundledFrameworks.draft2009;
const SETTINGS = { metThreshold: 3, requiredShare: 1 };

function rating(c: Criterion): CellValue {
  const n = Number(c.id.split('.')[1]);
  if (c.area === 1) return 4;
  if (c.area === 3 && c.level === 3) return null;
  return n % 5 === 0 ? 'N/A' : c.level === 1 ? 4 : n % 2 === 0 ? 3 : 2;
}

/** A PNG of coloured bars, made here (CRC and zlib as the PNG format asks), standing in for Excel's chart picture. */
function barsPng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255);
    row[0] = 0;
    for (let x = 0; x < width; x++) {
      const bar = Math.floor(x / 40);
      if (x % 40 > 8 && y > height - 20 - ((bar * 37) % (height - 40)))
        row.set([0x44, 0x72, 0xc4], 1 + x * 3);
    }
    rows.push(row);
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function run(command: string, args: string[]): string {
  if (!existsSync(command)) throw new Error(`${command} is missing: install poppler-utils`);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let folder: string;
let input: BoardPaperInput;
let bytes: Uint8Array;
let pdf: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'eq-board-paper-'));
  const responses = responsesFor(draft, rating);
  const result = score(draft, responses, SETTINGS);
  const entries = mergeActionPlan(draft, actionList(draft, responses, SETTINGS), []);
  input = {
    organisation: 'Example & Homes',
    period: '2026/27',
    asAt: { year: 2027, month: 3, day: 31 },
    frameworkTitle: draft.title,
    frameworkVersion: draft.version,
    figures: boardFigures(draft, result, null),
    narrative: boardNarrative(result, draft),
    actions: topActions(entries, 5),
    settings: SETTINGS,
    chart: { type: 'png', data: barsPng(480, 272) },
  };
  bytes = await boardPaperDocx(input);
  const path = join(folder, 'board-paper.docx');
  writeFileSync(path, bytes);
  [pdf = ''] = convertAll([path], join(folder, 'pdf'), 'pdf', 'pdf');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the board paper (.docx)', () => {
  it('is a Word document with the chart picture inside', () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml']));
    expect(Object.keys(parts).some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
  });

  it('opens in LibreOffice and renders to PDF with the table, the narrative, the actions and the rule', () => {
    expect(existsSync(pdf)).toBe(true);
    const text = squash(run('/usr/bin/pdftotext', [pdf, '-']));
    const expected = boardPaperText(input);
    expect(text).toContain(squash(expected.title));
    // Table cells are compared without spaces and hyphens: a narrow cell may break a word across
    // lines, and pdftotext joins a word broken at a hyphen without it.
    const bare = (s: string) => s.replace(/[\s-]+/g, '');
    for (const row of expected.tableRows) {
      for (const value of row.filter((v) => v !== '')) expect(bare(text)).toContain(bare(value));
    }
    // The narrative in full, as the board report words it.
    expect(expected.narrative).toEqual(input.narrative);
    for (const sentence of expected.narrative) expect(text).toContain(squash(sentence));
    for (const action of expected.actions) {
      for (const value of action.filter((v) => v !== '')) expect(bare(text)).toContain(bare(value));
    }
    for (const rule of expected.rule) expect(text).toContain(squash(rule));
    expect(text).toContain('Example & Homes');
  });

  it('shows the chart picture in the PDF, and saves the first page as PNG', () => {
    const images = run('/usr/bin/pdfimages', ['-list', pdf])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(images.length).toBeGreaterThanOrEqual(1);
    mkdirSync(RESULTS, { recursive: true });
    run('/usr/bin/pdftoppm', ['-r', '60', '-png', pdf, join(RESULTS, 'board-paper')]);
    writeFileSync(join(RESULTS, 'board-paper.pdf'), readFileSync(pdf));
  });
});

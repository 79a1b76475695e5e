/**
 * The benchmark's jobs for many hands (issues 22 and 23): combining 200 copies (bench/combine.ts,
 * in Node and in Chromium) and logging a 100-cell paste to the change log. Their tables and
 * budgets; bench/run.ts puts them beside the other jobs.
 */
import { bundledFrameworks } from '../src/domain/framework/bundled';
import { startChangeLog } from '../src/excel/changeLog';
import { columnLetter } from '../src/workbook/address';
import { AREA_FIRST_DATA_ROW } from '../src/workbook/layout';
import { areaLayoutOf } from '../src/workbook/sheets/area';
import { COPIES, copyFiles, measureCombine, type CombineFigures } from './combine';
import { measureCombineInBrowser, type BrowserCombineFigures } from './combineBrowser';
import { generatedWorkbook } from './jobs';
import type { Budget } from './taskPane';

const MB = 1024 * 1024;

export interface PasteLogFigures {
  readonly cells: number;
  readonly syncs: number;
  readonly largestBatchBytes: number;
  readonly msAt100: number;
}

export interface GroupResults {
  readonly measuredAt: string;
  readonly latencyMs: number;
  readonly node: CombineFigures;
  readonly browser: BrowserCombineFigures;
  readonly pasteLog: PasteLogFigures;
}

/**
 * A paste of 100 cells logged: evidence, difference made, owner and review date (the four logged
 * text columns, side by side) for 25 criteria of the area with the most, from the first row.
 */
async function measurePasteLog(latencyMs: number): Promise<PasteLogFigures> {
  const framework = bundledFrameworks.draft2009;
  const wb = await generatedWorkbook(framework);
  const logger = await startChangeLog(wb.gw, framework, {
    now: () => new Date(2026, 11, 3, 10, 0),
    onStatus: () => undefined,
    onError: (error) => {
      throw error;
    },
  });
  const count = (n: number) => framework.criteria.filter((c) => c.area === n).length;
  const area = [...framework.areas].sort((a, b) => count(b.number) - count(a.number))[0]!;
  const layout = areaLayoutOf(framework, area.number);
  const rows = Math.min(25, count(area.number));
  const from = layout.column('evidence');
  if (layout.column('reviewDate') !== from + 3)
    throw new Error('the logged text columns are not side by side');
  const values = Array.from({ length: rows }, (_, r) => [
    `Pasted evidence ${r}`,
    `Pasted difference ${r}`,
    `Team ${r % 5}`,
    46477 + r,
  ]);
  const address = `${columnLetter(from)}${AREA_FIRST_DATA_ROW}:${columnLetter(from + 3)}${AREA_FIRST_DATA_ROW + rows - 1}`;
  wb.doc.latencyMs = latencyMs;
  const syncs = wb.doc.syncCount;
  const batches = wb.doc.batches.length;
  const start = performance.now();
  await wb.doc.simulateEdit(area.shortName, address, values);
  await logger.settled();
  const msAt100 = performance.now() - start;
  await logger.stop();
  return {
    cells: rows * 4,
    syncs: wb.doc.syncCount - syncs,
    largestBatchBytes: Math.max(...wb.doc.batches.slice(batches).map((b) => b.bytes)),
    msAt100,
  };
}

export async function measureGroupJobs(
  latencyMs: number,
  say: (line: string) => void,
): Promise<GroupResults> {
  say(`Making ${COPIES} copies of the 2009 draft with the add-in's .xlsx writer…`);
  const files = await copyFiles(bundledFrameworks.draft2009);
  say('Reading and combining them in Chromium…');
  const browser = await measureCombineInBrowser(files);
  say('Reading and combining them in Node, and writing them on the test platform…');
  const node = await measureCombine(files, latencyMs);
  say('Logging a 100-cell paste…');
  const pasteLog = await measurePasteLog(latencyMs);
  return { measuredAt: new Date().toISOString(), latencyMs, node, browser, pasteLog };
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function groupTables(r: GroupResults): string[] {
  const { node, browser, pasteLog } = r;
  return [
    `## Many hands: ${node.copies} copies combined, a paste logged`,
    '',
    `Measured ${r.measuredAt}. ${node.copies} copies of the 2009 draft (${node.responses.toLocaleString('en-GB')} responses, ${node.fileMegabytes.toFixed(1)} MB of .xlsx), each for another organisation; the write at ${r.latencyMs} ms per sync on the test platform.`,
    '',
    '| job | where | time | peak heap | syncs | largest request | largest response |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    `| read and fold ${node.copies} copies | Chromium | ${ms(browser.readAndFoldMs)} | ${browser.peakHeapMegabytes.toFixed(1)} MB | – | – | – |`,
    `| read and fold ${node.copies} copies | Node ${process.version} | ${ms(node.readAndFoldMs)} | ${node.peakHeapMegabytes.toFixed(1)} MB | – | – | – |`,
    `| write the combined result | test platform | ${ms(node.write.msAt100)} | – | ${node.write.syncs} | ${kb(node.write.largestRequestBytes)} | ${kb(node.write.largestResponseBytes)} |`,
    `| log a ${pasteLog.cells}-cell paste | test platform | ${ms(pasteLog.msAt100)} | – | ${pasteLog.syncs} | ${kb(pasteLog.largestBatchBytes)} | – |`,
    '',
  ];
}

export function groupBudgets(r: GroupResults): Budget[] {
  const { node, browser } = r;
  // In the pane: the reading and folding as Chromium runs it, then the write's round trips.
  const paneMs = browser.readAndFoldMs + node.write.syncs * r.latencyMs;
  return [
    {
      what: `combining ${node.copies} copies: largest request and response`,
      limit: '< 5 MB',
      measured: `${kb(node.write.largestRequestBytes)} / ${kb(node.write.largestResponseBytes)}`,
      met: node.write.largestRequestBytes < 5 * MB && node.write.largestResponseBytes < 5 * MB,
    },
    {
      what: `combining ${node.copies} copies in the pane (Chromium's read and fold + ${node.write.syncs} round trips)`,
      limit: '< 5 s',
      measured: ms(paneMs),
      met: paneMs < 5000,
    },
  ];
}

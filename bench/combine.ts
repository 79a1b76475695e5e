/**
 * Issue 23's large group: 200 copies of the 2009 draft, every criterion answered in each (19,400
 * responses), read from their .xlsx files, folded into one assessment and written to it. Measured
 * as the pane does it (src/taskpane/combine: readCopy, compareManyFiles, combineManyInto), in Node
 * here and in Chromium by bench/combineBrowser.ts. The copies are made once by the add-in's own
 * .xlsx writer, each for a different organisation, with evidence of a few hundred characters.
 */
import { bundledFrameworks } from '../src/domain/framework/bundled';
import type { Framework } from '../src/domain/framework/types';
import type { ResponseRow } from '../src/domain/responses';
import { readAssessment } from '../src/excel/readAssessment';
import { combineManyInto, compareManyFiles, type CopyFile } from '../src/taskpane/combine/combineModule';
import { readCopy } from '../src/taskpane/combine/readCopy';
import { buildPlan } from '../src/workbook/buildPlan';
import { withResponses } from '../src/workbook/filledPlan';
import { writeWorkbookFile } from '../src/xlsx';
import { generatedWorkbook, SETTINGS } from './jobs';

export const COPIES = 200;
const TODAY = { year: 2026, month: 12, day: 3 };

/** A copy's answers: every criterion, varied by copy so that the fold has conflicts to join. */
function answers(framework: Framework, copy: number): ResponseRow[] {
  return framework.criteria.map((c, i) => ({
    criterionId: c.id,
    area: c.area,
    rating: ((copy + i) % 4) + 1,
    evidence: `Copy ${copy}: ${'evidence from the department’s records and minutes. '.repeat(4)}`,
    difference: copy % 3 === 0 ? `Difference seen by team ${copy}` : '',
    owner: `Team ${copy % 7}`,
    reviewDate: '',
    notes: '',
  }));
}

export async function copyFiles(framework: Framework, count = COPIES): Promise<CopyFile[]> {
  const files: CopyFile[] = [];
  for (let copy = 1; copy <= count; copy++) {
    const plan = buildPlan(framework, { ...SETTINGS, organisation: `Landlord ${copy}` }).plan;
    files.push({
      name: `landlord-${copy}.xlsx`,
      bytes: await writeWorkbookFile(withResponses(plan, framework, answers(framework, copy))),
    });
  }
  return files;
}

export interface CombineFigures {
  readonly copies: number;
  readonly responses: number;
  readonly fileMegabytes: number;
  /** Reading every file and folding them (no Excel): the pane's work before it shows the summary. */
  readonly readAndFoldMs: number;
  /** Peak heap in use as the copies are read (sampled after each file), less the heap before, in MB. */
  readonly peakHeapMegabytes: number;
  readonly write: {
    readonly syncs: number;
    readonly largestRequestBytes: number;
    readonly largestResponseBytes: number;
    /** With 100 ms added to every sync, as a round trip to Excel on the web costs. */
    readonly msAt100: number;
  };
}

/** Reads, folds and writes the copies into a new assessment on the test platform. */
export async function measureCombine(files: readonly CopyFile[], latencyMs: number): Promise<CombineFigures> {
  const framework = bundledFrameworks.draft2009;
  const wb = await generatedWorkbook(framework);
  const ours = (await readAssessment(wb.gw, framework)).responses;

  // The heap at file granularity, as the pane holds every copy read until the fold: sampled after
  // each file (the read is synchronous, so nothing can sample inside it).
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const held = files.map((f) => {
    const read = readCopy(f.bytes, f.name, framework, []);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return read;
  });
  if (held.length !== files.length) throw new Error('a copy was not read');
  global.gc?.();
  const start = performance.now();
  const compared = compareManyFiles(files, framework, ours, [], 'theirs');
  const readAndFoldMs = performance.now() - start;
  if (compared.status !== 'compared-many') throw new Error(`the copies were refused: ${compared.message}`);

  wb.doc.latencyMs = latencyMs;
  const batches = wb.doc.batches.length;
  const syncs = wb.doc.syncCount;
  const writeStart = performance.now();
  const outcome = await combineManyInto(wb.gw, framework, compared, TODAY);
  const msAt100 = performance.now() - writeStart;
  if (outcome.status !== 'combined') throw new Error(`the copies were not combined: ${outcome.message}`);
  const written = wb.doc.batches.slice(batches);
  return {
    copies: files.length,
    responses: files.length * framework.criteria.length,
    fileMegabytes: files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024,
    readAndFoldMs,
    peakHeapMegabytes: (peak - heapBefore) / 1024 / 1024,
    write: {
      syncs: wb.doc.syncCount - syncs,
      largestRequestBytes: Math.max(...written.map((b) => b.bytes)),
      largestResponseBytes: Math.max(...written.map((b) => b.responseBytes)),
      msAt100,
    },
  };
}

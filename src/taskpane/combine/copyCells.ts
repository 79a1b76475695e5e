/**
 * A colleague's copy read the best way this host allows: with Excel's own parser where the host
 * has it and it works (src/excel/readCopyWithExcel.ts: ExcelApi 1.13, not Excel on the web), and
 * with the add-in's .xlsx reader otherwise (src/xlsx/readCells.ts). Either way the same pure
 * readers then find the assessment in the cells, so what the officer sees does not depend on it.
 *
 * Used for one copy at a time (combine a colleague's copy, add a copy as a snapshot). Several
 * copies at once, and group comparisons, use the file reader alone: inserting and deleting the
 * sheets of 200 copies in the officer's workbook would take minutes, in front of colleagues.
 */
import type { Framework, Refusal } from '../../domain/index';
import { describeProblem, loadFramework } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import { readCellsWithExcel } from '../../excel/readCopyWithExcel';
import {
  fileSheetNames,
  readAssessmentCells,
  readFileCells,
  type AssessmentFile,
  type AssessmentFileRefusal,
} from '../../xlsx/assessmentFile';
import { bytesBase64 } from '../report/download';
import { knownBeside } from './readCopy';

/** Which reader read the copy, and why Excel's parser was not the one where it was not. */
export interface ReadBy {
  readonly reader: 'excel' | 'file-reader';
  readonly note: string;
}

export type ReadAssessment = AssessmentFile & { readonly readBy: ReadBy };

async function cellsOfCopy(gateway: ExcelGateway, bytes: Uint8Array, fileName: string) {
  const listed = fileSheetNames(bytes, fileName);
  if (listed.status === 'refused') return listed;
  // Says without a request why Excel's parser is not used where the host lacks it (readCopyWithExcel.ts).
  const parsed = await readCellsWithExcel(gateway, bytesBase64(bytes), listed.names);
  if (parsed.status === 'read') {
    const readBy: ReadBy = { reader: 'excel', note: 'Read with Excel.' };
    return { status: 'read' as const, cells: parsed.cells, readBy };
  }
  const read = readFileCells(bytes, fileName);
  if (read.status === 'refused') return read;
  const readBy: ReadBy = {
    reader: 'file-reader',
    note: `Read with the add-in's file reader: ${parsed.reason}`,
  };
  return { status: 'read' as const, cells: read.cells, readBy };
}

/** The assessment in the copy `bytes`, read with Excel where it can, refused by name when it cannot be used. */
export async function readCopyAssessment(
  gateway: ExcelGateway,
  bytes: Uint8Array,
  fileName: string,
  framework: Framework,
): Promise<ReadAssessment | Refusal<AssessmentFileRefusal>> {
  const cells = await cellsOfCopy(gateway, bytes, fileName);
  if (cells.status === 'refused') return cells;
  const read = readAssessmentCells(cells.cells, fileName, knownBeside(framework), {
    loadFramework,
    describeProblem,
  });
  if (read.status === 'refused') return read;
  return { ...read, readBy: cells.readBy };
}

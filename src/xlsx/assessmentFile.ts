/**
 * An assessment read from an .xlsx file (a colleague's copy, another organisation's, a finalised
 * copy): the file's cells (readCells.ts), then the same pure readers the pane uses on the open
 * workbook: the meta block, the framework kept in the file (or a known one with the same id and
 * version), the responses and the settings. The file is only read; whatever stops it being used
 * is a refusal naming the file.
 */
import { isRefusal, refuse, type Framework, type Refusal, type WorkbookCells } from '../domain';
import { assessmentFrom, type AssessmentRead } from '../workbook/assessmentRead';
import { metaCellsOf, sheetOf, snapshotOfCells, usedRangeOf } from '../workbook/fileSnapshot';
import { LAYOUT_VERSION, META_SHEET } from '../workbook/layout';
import { parseMeta, type StoredMeta } from '../workbook/metaBlock';
import { readSavedResponses, SAVED_RESPONSES_SHEET, type SavedRead } from '../workbook/sheets/savedResponses';
import { startLayoutOf } from '../workbook/sheets/start';
import { readStoredFrameworkText } from '../workbook/storedFramework';
import { workbookFramework, type FrameworkReading } from '../workbook/workbookFramework';
import { readSheetNames, readWorkbookCells, XlsxReadError } from './readCells';

export type AssessmentFileRefusal =
  | 'not-xlsx'
  | 'password-protected'
  | 'not-an-assessment'
  | 'damaged-record'
  | 'newer-layout'
  | 'unknown-framework';

export interface AssessmentFile {
  readonly status: 'read';
  readonly fileName: string;
  readonly meta: StoredMeta;
  readonly framework: Framework;
  /** Where the framework came from: kept in the file, or known to the add-in by id and version. */
  readonly frameworkFrom: 'stored' | 'known' | 'fallback';
  readonly assessment: AssessmentRead;
  /** The file's Saved responses sheet as read (its snapshots, an approved one among them), or null. */
  readonly saved: SavedRead | null;
  /** Said beside the result: a damaged kept framework read with a known one, by cell. */
  readonly warnings: readonly string[];
}

/** An encrypted (password-protected) workbook, like an old .xls, is an OLE compound file, not a zip. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isCompoundFile = (bytes: Uint8Array) => COMPOUND_FILE.every((b, i) => bytes[i] === b);

export function readAssessmentFile(
  bytes: Uint8Array,
  fileName: string,
  known: readonly Framework[],
  reading: FrameworkReading,
): AssessmentFile | Refusal<AssessmentFileRefusal> {
  const book = readFileCells(bytes, fileName);
  if (isRefusal(book)) return book;
  return readAssessmentCells(book.cells, fileName, known, reading);
}

/** The assessment in a copy's cells, however they were read (this file reader, or Excel's own). */
export function readAssessmentCells(
  book: WorkbookCells,
  fileName: string,
  known: readonly Framework[],
  reading: FrameworkReading,
): AssessmentFile | Refusal<AssessmentFileRefusal> {
  try {
    return assessmentOfCells(book, fileName, known, reading);
  } catch (error: unknown) {
    // The file reader parses each sheet when it is first read: a damaged one shows here.
    return xlsxRefusal(error, fileName);
  }
}

function assessmentOfCells(
  book: WorkbookCells,
  fileName: string,
  known: readonly Framework[],
  reading: FrameworkReading,
): AssessmentFile | Refusal<AssessmentFileRefusal> {
  const cells = metaCellsOf(book);
  if (!cells) {
    return refuse(
      'not-an-assessment',
      `${fileName} is not an assessment made by this add-in: it has no ${META_SHEET} sheet. Choose a copy of the assessment workbook.`,
      [fileName],
    );
  }
  const parsed = parseMeta(cells.meta);
  if (!parsed.ok) {
    return refuse(
      'damaged-record',
      `${fileName}: the add-in's record in the file is damaged, so its responses cannot be matched safely. Nothing was read from it.`,
      parsed.problems.map((p) => `${fileName}: ${p}`),
    );
  }
  const meta = parsed.meta;
  if (meta.layoutVersion > LAYOUT_VERSION) {
    return refuse(
      'newer-layout',
      `${fileName} was made by a newer version of the add-in (layout ${meta.layoutVersion}; this version reads up to ${LAYOUT_VERSION}). Update the add-in to read it.`,
      [fileName],
    );
  }
  const found = workbookFramework(meta, readStoredFrameworkText(cells.stored), known, reading);
  if (found.kind === 'missing') {
    return refuse(
      'unknown-framework',
      `${fileName} was made from ${meta.frameworkTitle} (${meta.frameworkId} version ${meta.frameworkVersion}), which the add-in does not know and the file does not hold usably.`,
      found.problems.map((p) => `${fileName}: ${p}`),
    );
  }
  const framework = found.framework;
  const snapshot = snapshotOfCells(book, framework, startLayoutOf(framework));
  const savedSheet = sheetOf(book, SAVED_RESPONSES_SHEET);
  return {
    status: 'read',
    fileName,
    meta,
    framework,
    frameworkFrom: found.kind,
    assessment: assessmentFrom(framework, snapshot),
    saved: savedSheet ? readSavedResponses(usedRangeOf(savedSheet)) : null,
    warnings: found.kind === 'fallback' ? found.problems.map((p) => `${fileName}: ${p}`) : [],
  };
}

function notReadable(bytes: Uint8Array, fileName: string): Refusal<AssessmentFileRefusal> | undefined {
  if (!isCompoundFile(bytes)) return undefined;
  return refuse(
    'password-protected',
    `${fileName} is password-protected (or an old .xls file), so the add-in cannot read it. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) or save it as .xlsx, then choose it again.`,
    [fileName],
  );
}

function xlsxRefusal(error: unknown, fileName: string): Refusal<AssessmentFileRefusal> {
  if (!(error instanceof XlsxReadError)) throw error;
  return refuse('not-xlsx', `${fileName} cannot be read: ${error.message}.`, [fileName]);
}

/** Every sheet's cells, read by the add-in's .xlsx reader; refused by name when the file cannot be. */
export function readFileCells(
  bytes: Uint8Array,
  fileName: string,
): { readonly status: 'read'; readonly cells: WorkbookCells } | Refusal<AssessmentFileRefusal> {
  const refused = notReadable(bytes, fileName);
  if (refused) return refused;
  try {
    return { status: 'read', cells: readWorkbookCells(bytes) };
  } catch (error: unknown) {
    return xlsxRefusal(error, fileName);
  }
}

/** The file's sheet names in order (what Excel's own parser is checked against), or why it cannot be read. */
export function fileSheetNames(
  bytes: Uint8Array,
  fileName: string,
): { readonly status: 'listed'; readonly names: readonly string[] } | Refusal<AssessmentFileRefusal> {
  const refused = notReadable(bytes, fileName);
  if (refused) return refused;
  try {
    return { status: 'listed', names: readSheetNames(bytes) };
  } catch (error: unknown) {
    return xlsxRefusal(error, fileName);
  }
}

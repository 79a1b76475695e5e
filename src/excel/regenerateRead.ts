/**
 * Regeneration's reading, in two syncs whatever the framework's size: the sheet and defined names,
 * then (in one batch) the backup sheet of an unfinished regeneration, the meta block, every area
 * sheet the known frameworks could have written, the archive and the Start settings. What it
 * returns is the KeptAssessment the carry-over works from, or why regeneration cannot go on.
 */
import type { XlCellValue, XlContext, XlRange } from './api';
import { META_BLOCK, actualSheetName, loadSheetNames, parseMeta } from './inspect';
import type { Framework } from '../domain';
import { columnLetter, quoteSheet, sheetName } from '../workbook/address';
import {
  BACKUP_FORMAT,
  parseBackup,
  type KeptAssessment,
  type KeptCell,
  type KeptSheet,
} from '../workbook/carryOverBackup';
import { isKeptAreaCell } from '../workbook/carryOver';
import { startLayoutOf } from '../workbook/sheets/start';
import {
  AREA_FIRST_DATA_ROW,
  LAYOUT_VERSION,
  META_SHEET,
  START_SHEET,
  SUMMARY_SHEET,
  areaColumn,
} from '../workbook/layout';
import { areaCriteria } from '../workbook/sheets/area';
import { ARCHIVE_SHEET, ARCHIVE_TITLE } from '../workbook/sheets/archive';

/** Hidden sheet holding the backup while a regeneration is under way; deleted when it is done. */
export const BACKUP_SHEET = 'EqRegenerating';
/** Old sheets are renamed to this and a number while the new ones are written, then deleted. */
export const OLD_SHEET_PREFIX = 'EqOld ';

export type RefusalReason =
  | 'no-assessment'
  | 'newer'
  | 'damaged'
  | 'unknown-framework'
  | 'missing-sheets'
  | 'backup-unreadable'
  | 'sheet-names-taken'
  | 'framework-mismatch'
  | 'needs-mapping';

export interface Refusal {
  readonly status: 'refused';
  readonly reason: RefusalReason;
  /** What the officer reads: what is wrong and what to do. */
  readonly message: string;
  /** Cells or sheets concerned, one line each. */
  readonly details: readonly string[];
}

export interface RegenerationRead {
  readonly status: 'read';
  readonly kept: KeptAssessment;
  readonly source: Framework;
  /** A complete backup was found: an earlier regeneration stopped half-way and this one finishes it. */
  readonly resuming: boolean;
  /** A backup cut short (its sync failed before the old sheets were touched): to delete. */
  readonly partialBackup: boolean;
  /** Every sheet name in the workbook, in order. */
  readonly sheetNames: readonly string[];
  /** Workbook-level defined names. */
  readonly definedNames: readonly string[];
  /** Each workbook-level name's formula, by name as Excel spells it. */
  readonly nameFormulas: ReadonlyMap<string, string>;
  /** Sheets of the add-in's own that the rebuild replaces (old layout, or half-written new one). */
  readonly replaced: readonly string[];
}

export function refusal(reason: RefusalReason, message: string, details: readonly string[] = []): Refusal {
  return { status: 'refused', reason, message, details };
}

const EVERYTHING = 'values, formulas, numberFormat, rowIndex, columnIndex';

/**
 * A cell holds a formula when `formulas` starts with '=' and differs from its value: text that
 * starts with '=' (typed after an apostrophe) reads the same through both.
 */
export function keptCellsOf(range: XlRange, keep: (row: number, column: number) => boolean): KeptCell[] {
  const cells: KeptCell[] = [];
  range.values.forEach((line, i) =>
    line.forEach((value, j) => {
      const row = range.rowIndex + i + 1;
      const column = range.columnIndex + j + 1;
      const formula: XlCellValue = range.formulas[i]?.[j] ?? '';
      const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
      if (!isFormula && value === '') return;
      if (!keep(row, column)) return;
      cells.push({
        row,
        column,
        value: isFormula ? formula : value,
        isFormula,
        numberFormat: range.numberFormat[i]?.[j] ?? 'General',
      });
    }),
  );
  return cells;
}

/**
 * Syncs 1 and 2. `frameworks` are those the add-in knows: the workbook's own is looked up by the
 * id and version its meta sheet records, and their area names say which sheets to read.
 */
export async function readForRegeneration(
  ctx: XlContext,
  frameworks: readonly Framework[],
  target: Framework,
  options: { readonly rebuildMissingSheets?: boolean } = {},
): Promise<RegenerationRead | Refusal> {
  const sheetsLoaded = loadSheetNames(ctx);
  const namesLoaded = ctx.workbook.names.load('items/name, items/formula');
  await ctx.sync();
  const sheetNames = sheetsLoaded();
  const definedNames = namesLoaded.items.map((n) => n.name);
  const nameFormulas = new Map(namesLoaded.items.map((n) => [n.name, n.formula]));

  const sheetOf = (name: string) => ctx.workbook.worksheets.getItem(name);
  const backupName = actualSheetName(sheetNames, BACKUP_SHEET);
  const backup = backupName ? sheetOf(backupName).getUsedRange().load('values') : undefined;
  const metaName = actualSheetName(sheetNames, META_SHEET);
  const meta = metaName ? sheetOf(metaName).getRange(META_BLOCK).load('values') : undefined;
  const areaNames = new Set(frameworks.flatMap((f) => f.areas.map((a) => a.shortName.toLocaleLowerCase())));
  const areas = new Map<string, XlRange>();
  for (const name of sheetNames) {
    if (areaNames.has(name.toLocaleLowerCase()))
      areas.set(name.toLocaleLowerCase(), sheetOf(name).getUsedRange().load(EVERYTHING));
  }
  const archiveName = actualSheetName(sheetNames, ARCHIVE_SHEET);
  const archive = archiveName ? sheetOf(archiveName).getUsedRange().load(EVERYTHING) : undefined;
  const startName = actualSheetName(sheetNames, START_SHEET);
  const settingCells = startLayoutOf(target);
  const start = startName
    ? (['organisation', 'period', 'metThreshold', 'requiredShare'] as const).map((key) =>
        sheetOf(startName).getRange(settingCells[key]).load(EVERYTHING),
      )
    : [];
  await ctx.sync();

  const oldSheets = sheetNames.filter(
    (n) => n.startsWith(OLD_SHEET_PREFIX) && /^\d+$/.test(n.slice(OLD_SHEET_PREFIX.length)),
  );
  const findFramework = (id: string, version: string) =>
    frameworks.find((f) => f.id === id && f.version === version);

  if (backup && backupName) {
    const where = (row: number, column: number) =>
      `${quoteSheet(sheetName(backupName))}!${columnLetter(column)}${row}`;
    const parsed = parseBackup(backup.values, where);
    if (parsed.status === 'unreadable') {
      return refusal(
        'backup-unreadable',
        `An earlier regeneration stopped half-way and left its backup in the hidden sheet "${backupName}", but the backup cannot be read (format ${BACKUP_FORMAT} expected), so nothing was changed. Your responses are in that sheet: unhide it (right-click a sheet tab > Unhide) and keep a copy before anything else.`,
        parsed.problems,
      );
    }
    if (parsed.status === 'complete') {
      const { kept } = parsed;
      const source = findFramework(kept.framework.id, kept.framework.version);
      if (!source) return unknownFramework(kept.framework);
      const ours = new Set(
        [
          ...kept.sheets.map((s) => s.name),
          START_SHEET,
          SUMMARY_SHEET,
          META_SHEET,
          ARCHIVE_SHEET,
          ...parsed.writes,
        ].map((n) => n.toLocaleLowerCase()),
      );
      return {
        status: 'read',
        kept,
        source,
        resuming: true,
        partialBackup: false,
        sheetNames,
        definedNames,
        nameFormulas,
        replaced: [...sheetNames.filter((n) => ours.has(n.toLocaleLowerCase())), ...oldSheets],
      };
    }
  }

  if (!meta || !metaName) {
    return refusal(
      'no-assessment',
      `This workbook holds no assessment written by the add-in (there is no ${META_SHEET} sheet), so there is nothing to regenerate. Use Generate to create one.`,
    );
  }
  const parsedMeta = parseMeta(meta.values);
  if ('problems' in parsedMeta) {
    return refusal(
      'damaged',
      'The add-in cannot tell how this workbook was written, so regenerating it could lose responses. Nothing was changed.',
      parsedMeta.problems,
    );
  }
  if (parsedMeta.layoutVersion > LAYOUT_VERSION) {
    return refusal(
      'newer',
      'This workbook was written by a newer version of the add-in. Regenerate it with that version; nothing was changed.',
    );
  }
  const source = findFramework(parsedMeta.frameworkId, parsedMeta.frameworkVersion);
  if (!source) {
    return unknownFramework({
      id: parsedMeta.frameworkId,
      version: parsedMeta.frameworkVersion,
      title: parsedMeta.frameworkTitle,
    });
  }

  const missing = source.areas.filter((a) => !areas.has(a.shortName.toLocaleLowerCase()));
  if (missing.length > 0 && !options.rebuildMissingSheets) {
    return refusal(
      'missing-sheets',
      `The workbook has no sheet named ${missing.map((a) => `"${a.shortName}"`).join(', ')}, which the assessment was written with. ` +
        'If a sheet was renamed, rename it back; nothing was changed, so no response is lost. ' +
        'If it was deleted, regenerate with "rebuild missing sheets" to build it again, empty.',
      missing.map((a) => `Area ${a.number} (${a.name}) should be on the sheet "${a.shortName}".`),
    );
  }
  if (archive && archiveName && archive.values[0]?.[0] !== ARCHIVE_TITLE) {
    return refusal(
      'sheet-names-taken',
      `The workbook has a sheet named "${archiveName}" that the add-in did not write; regeneration keeps archived responses on a sheet of that name. Rename your sheet, then regenerate. Nothing was changed.`,
      [archiveName],
    );
  }

  const sheets: KeptSheet[] = [];
  if (startName) {
    sheets.push({
      name: startName,
      role: 'start',
      area: 0,
      lastTableRow: 0,
      cells: start.flatMap((range) => keptCellsOf(range, () => true)),
    });
  }
  for (const area of source.areas) {
    const range = areas.get(area.shortName.toLocaleLowerCase());
    if (!range) continue;
    const ids = new Set(areaCriteria(source, area.number).map((c) => c.id));
    const idColumn = areaColumn('id') - 1 - range.columnIndex;
    let lastTableRow = AREA_FIRST_DATA_ROW + ids.size - 1;
    // Rows the officer inserted inside the table push criteria down: the table ends at the last id.
    range.values.forEach((line, i) => {
      const id = idColumn >= 0 ? line[idColumn] : undefined;
      if (id !== undefined && ids.has(String(id).trim()))
        lastTableRow = Math.max(lastTableRow, range.rowIndex + i + 1);
    });
    sheets.push({
      name: area.shortName,
      role: 'area',
      area: area.number,
      lastTableRow,
      cells: keptCellsOf(range, (row, column) => isKeptAreaCell(row, column, lastTableRow)),
    });
  }
  if (archive && archiveName) {
    sheets.push({
      name: archiveName,
      role: 'archive',
      area: 0,
      lastTableRow: 0,
      cells: keptCellsOf(archive, () => true),
    });
  }

  const generated = [START_SHEET, SUMMARY_SHEET, META_SHEET, ...source.areas.map((a) => a.shortName)];
  const replaced = [
    ...generated.flatMap((n) => actualSheetName(sheetNames, n) ?? []),
    ...(archiveName ? [archiveName] : []),
    ...oldSheets,
  ];
  return {
    status: 'read',
    kept: {
      framework: { id: source.id, version: source.version, title: source.title },
      layoutVersion: parsedMeta.layoutVersion,
      sheets,
    },
    source,
    resuming: false,
    partialBackup: backupName !== undefined,
    sheetNames,
    definedNames,
    nameFormulas,
    replaced,
  };
}

function unknownFramework(f: { id: string; version: string; title: string }): Refusal {
  return refusal(
    'unknown-framework',
    `This workbook was written with "${f.title}" (${f.id} version ${f.version}), which the add-in does not have loaded. Load that framework file, then regenerate. Nothing was changed.`,
  );
}

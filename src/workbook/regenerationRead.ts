/**
 * What regeneration reads, interpreted: from the values the Excel adapter loaded in its two
 * syncs (src/excel/regenerateRead.ts), the KeptAssessment the carry-over works from, or the
 * refusal that says why regeneration cannot go on. Pure, so every refusal is tested without Excel.
 */
import { refuse, type Framework, type Refusal as DomainRefusal } from '../domain';
import { columnLetter, quoteSheet, sheetName } from './address';
import {
  BACKUP_FORMAT,
  parseBackup,
  type KeptAssessment,
  type KeptCell,
  type KeptSheet,
} from './carryOverBackup';
import { isKeptAreaCell } from './carryOver';
import { keptToBase, layoutOfHeaderRow } from './carryOverColumns';
import {
  AREA_FIRST_DATA_ROW,
  AREA_HEADER_ROW,
  LAYOUT_VERSION,
  META_SHEET,
  START_SHEET,
  SUMMARY_SHEET,
  areaColumn,
} from './layout';
import { parseMeta } from './metaBlock';
import { actualSheetName, sheetKey, sheetKeys, type SheetKey } from './sheetNames';
import { areaCriteria } from './sheets/area';
import { ARCHIVE_SHEET, ARCHIVE_TITLE } from './sheets/archive';
import type { SheetValue } from './snapshot';

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
  | 'needs-mapping'
  /** Finalised: the approved assessment stays as approved until it is reopened (signOff/). */
  | 'finalised'
  /** A co-author changed the workbook's structure while it was rebuilt: their edits are listed. */
  | 'changed-while-regenerating';

export type Refusal = DomainRefusal<RefusalReason>;

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
  return refuse(reason, message, details);
}

/** A loaded range: its values, formulas and number formats, and where it starts (0-based, as Excel gives). */
export interface CellGrid {
  readonly values: readonly (readonly SheetValue[])[];
  readonly formulas: readonly (readonly SheetValue[])[];
  readonly numberFormat: readonly (readonly string[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/** Everything regeneration loads, as plain values. */
export interface LoadedForRegeneration {
  readonly sheetNames: readonly string[];
  readonly definedNames: readonly string[];
  readonly nameFormulas: ReadonlyMap<string, string>;
  /** The backup sheet's used range, when there is a backup sheet. */
  readonly backup?: { readonly name: string; readonly values: readonly (readonly SheetValue[])[] };
  /** The meta block, when there is a meta sheet. */
  readonly meta?: readonly (readonly SheetValue[])[];
  /** Used ranges of the sheets named like an area of a known framework. */
  readonly areas: ReadonlyMap<SheetKey, CellGrid>;
  readonly archive?: { readonly name: string; readonly grid: CellGrid };
  /** The Start sheet's setting cells, when there is a Start sheet. */
  readonly start?: { readonly name: string; readonly grids: readonly CellGrid[] };
}

/**
 * The cells of a grid that `keep` accepts. A cell holds a formula when `formulas` starts with '='
 * and differs from its value: text that starts with '=' (typed after an apostrophe) reads the
 * same through both.
 */
export function keptCellsOf(grid: CellGrid, keep: (row: number, column: number) => boolean): KeptCell[] {
  const cells: KeptCell[] = [];
  grid.values.forEach((line, i) =>
    line.forEach((value, j) => {
      const row = grid.rowIndex + i + 1;
      const column = grid.columnIndex + j + 1;
      const formula = grid.formulas[i]?.[j] ?? '';
      const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
      if (!isFormula && value === '') return;
      if (!keep(row, column)) return;
      cells.push({
        row,
        column,
        value: isFormula ? formula : value,
        isFormula,
        numberFormat: grid.numberFormat[i]?.[j] ?? 'General',
      });
    }),
  );
  return cells;
}

/** Which frameworks' area sheets are worth loading: every area name of every known framework, lower-cased. */
export function areaSheetNames(frameworks: readonly Framework[]): Set<SheetKey> {
  return sheetKeys(frameworks.flatMap((f) => f.areas.map((a) => a.shortName)));
}

/** The regeneration input from what was loaded, or why regeneration cannot go on. */
export function interpretForRegeneration(
  loaded: LoadedForRegeneration,
  frameworks: readonly Framework[],
  options: { readonly rebuildMissingSheets?: boolean } = {},
): RegenerationRead | Refusal {
  const { sheetNames } = loaded;
  const oldSheets = sheetNames.filter(
    (n) => n.startsWith(OLD_SHEET_PREFIX) && /^\d+$/.test(n.slice(OLD_SHEET_PREFIX.length)),
  );
  const findFramework = (id: string, version: string) =>
    frameworks.find((f) => f.id === id && f.version === version);
  const common = {
    sheetNames,
    definedNames: loaded.definedNames,
    nameFormulas: loaded.nameFormulas,
  };

  if (loaded.backup) {
    const resumed = fromBackup(loaded.backup, findFramework);
    if (resumed?.status === 'refused') return resumed;
    if (resumed) {
      const ours = sheetKeys([...resumed.sheets, START_SHEET, SUMMARY_SHEET, META_SHEET, ARCHIVE_SHEET]);
      return {
        status: 'read',
        kept: resumed.kept,
        source: resumed.source,
        resuming: true,
        partialBackup: false,
        ...common,
        replaced: [...sheetNames.filter((n) => ours.has(sheetKey(n))), ...oldSheets],
      };
    }
  }

  const assessment = assessmentOf(loaded, findFramework, options);
  if (assessment.status === 'refused') return assessment;
  const { source, layoutVersion } = assessment;
  const generated = [START_SHEET, SUMMARY_SHEET, META_SHEET, ...source.areas.map((a) => a.shortName)];
  return {
    status: 'read',
    kept: {
      framework: { id: source.id, version: source.version, title: source.title },
      layoutVersion,
      sheets: keptSheets(loaded, source),
    },
    source,
    resuming: false,
    partialBackup: loaded.backup !== undefined,
    ...common,
    replaced: [
      ...generated.flatMap((n) => actualSheetName(sheetNames, n) ?? []),
      ...(loaded.archive ? [loaded.archive.name] : []),
      ...oldSheets,
    ],
  };
}

type FindFramework = (id: string, version: string) => Framework | undefined;

/**
 * A complete backup of an earlier regeneration that stopped half-way (to be finished), a refusal
 * when it cannot be read, or undefined for a backup cut short (ignored, then deleted).
 */
function fromBackup(
  backup: NonNullable<LoadedForRegeneration['backup']>,
  findFramework: FindFramework,
): { status: 'complete'; kept: KeptAssessment; source: Framework; sheets: string[] } | Refusal | undefined {
  const where = (row: number, column: number) =>
    `${quoteSheet(sheetName(backup.name))}!${columnLetter(column)}${row}`;
  const parsed = parseBackup(backup.values, where);
  if (parsed.status === 'unreadable') {
    return refusal(
      'backup-unreadable',
      `An earlier regeneration stopped half-way and left its backup in the hidden sheet "${backup.name}", but the backup cannot be read (format ${BACKUP_FORMAT} expected), so nothing was changed. Your responses are in that sheet: unhide it (right-click a sheet tab > Unhide) and keep a copy before anything else.`,
      parsed.problems,
    );
  }
  if (parsed.status !== 'complete') return undefined;
  const { kept } = parsed;
  const source = findFramework(kept.framework.id, kept.framework.version);
  if (!source) return unknownFramework(kept.framework);
  return { status: 'complete', kept, source, sheets: [...kept.sheets.map((s) => s.name), ...parsed.writes] };
}

/** The workbook's assessment as its meta sheet records it, or why it cannot be regenerated. */
function assessmentOf(
  loaded: LoadedForRegeneration,
  findFramework: FindFramework,
  options: { readonly rebuildMissingSheets?: boolean },
): { status: 'ok'; source: Framework; layoutVersion: number } | Refusal {
  if (!loaded.meta) {
    return refusal(
      'no-assessment',
      `This workbook holds no assessment written by the add-in (there is no ${META_SHEET} sheet), so there is nothing to regenerate. Use Generate to create one.`,
    );
  }
  const reading = parseMeta(loaded.meta);
  if (!reading.ok) {
    return refusal(
      'damaged',
      'The add-in cannot tell how this workbook was written, so regenerating it could lose responses. Nothing was changed.',
      reading.problems,
    );
  }
  const meta = reading.meta;
  if (meta.layoutVersion > LAYOUT_VERSION) {
    return refusal(
      'newer',
      'This workbook was written by a newer version of the add-in. Regenerate it with that version; nothing was changed.',
    );
  }
  const source = findFramework(meta.frameworkId, meta.frameworkVersion);
  if (!source) {
    return unknownFramework({
      id: meta.frameworkId,
      version: meta.frameworkVersion,
      title: meta.frameworkTitle,
    });
  }
  const missing = source.areas.filter((a) => !loaded.areas.has(sheetKey(a.shortName)));
  if (missing.length > 0 && !options.rebuildMissingSheets) {
    return refusal(
      'missing-sheets',
      `The workbook has no sheet named ${missing.map((a) => `"${a.shortName}"`).join(', ')}, which the assessment was written with. ` +
        'If a sheet was renamed, rename it back; nothing was changed, so no response is lost. ' +
        'If it was deleted, regenerate with "rebuild missing sheets" to build it again, empty.',
      missing.map((a) => `Area ${a.number} (${a.name}) should be on the sheet "${a.shortName}".`),
    );
  }
  const archive = loaded.archive;
  if (archive && archive.grid.values[0]?.[0] !== ARCHIVE_TITLE) {
    return refusal(
      'sheet-names-taken',
      `The workbook has a sheet named "${archive.name}" that the add-in did not write; regeneration keeps archived responses on a sheet of that name. Rename your sheet, then regenerate. Nothing was changed.`,
      [archive.name],
    );
  }
  return { status: 'ok', source, layoutVersion: meta.layoutVersion };
}

/** The Start settings, each area sheet's inputs and own cells, and the archive: what the rebuild carries. */
function keptSheets(loaded: LoadedForRegeneration, source: Framework): KeptSheet[] {
  const sheets: KeptSheet[] = [];
  if (loaded.start) {
    const cells = loaded.start.grids.flatMap((grid) => keptCellsOf(grid, () => true));
    sheets.push({ name: loaded.start.name, role: 'start', area: 0, lastTableRow: 0, cells });
  }
  for (const area of source.areas) {
    const grid = loaded.areas.get(sheetKey(area.shortName));
    if (!grid) continue;
    const lastTableRow = lastTableRowOf(grid, new Set(areaCriteria(source, area.number).map((c) => c.id)));
    // The columns the sheet itself has (with or without Guidance), kept in the base layout's.
    const layout = layoutOfHeaderRow(
      (column) => grid.values[AREA_HEADER_ROW - 1 - grid.rowIndex]?.[column - 1 - grid.columnIndex],
    );
    const cells = keptCellsOf(grid, (row, column) => isKeptAreaCell(row, column, lastTableRow, layout));
    sheets.push({
      name: area.shortName,
      role: 'area',
      area: area.number,
      lastTableRow,
      cells: keptToBase(cells, layout, lastTableRow),
      ...(layout.guidance ? { guidance: true } : {}),
    });
  }
  if (loaded.archive) {
    const cells = keptCellsOf(loaded.archive.grid, () => true);
    sheets.push({ name: loaded.archive.name, role: 'archive', area: 0, lastTableRow: 0, cells });
  }
  return sheets;
}

/** The table's last row: as generated, or further down when the officer inserted rows inside it. */
function lastTableRowOf(grid: CellGrid, ids: ReadonlySet<string>): number {
  const idColumn = areaColumn('id') - 1 - grid.columnIndex;
  let last = AREA_FIRST_DATA_ROW + ids.size - 1;
  grid.values.forEach((line, i) => {
    const id = idColumn >= 0 ? line[idColumn] : undefined;
    if (id !== undefined && ids.has(String(id).trim())) last = Math.max(last, grid.rowIndex + i + 1);
  });
  return last;
}

function unknownFramework(f: { id: string; version: string; title: string }): Refusal {
  return refusal(
    'unknown-framework',
    `This workbook was written with "${f.title}" (${f.id} version ${f.version}), which the add-in does not have loaded. Load that framework file, then regenerate. Nothing was changed.`,
  );
}

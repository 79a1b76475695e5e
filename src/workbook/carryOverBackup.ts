/**
 * What regeneration reads from an assessment before it rebuilds it: every cell of the officer's
 * that the new layout must carry (ratings, evidence, notes, own wording, own columns, cells below
 * the table, archived rows, the Start sheet's settings), exactly as Excel held it.
 *
 * The same record is written into a hidden backup sheet before anything is deleted, so a
 * regeneration stopped half-way (an error at sync, the task pane closed) can be finished from it.
 * `backupRows` and `parseBackup` are that sheet's format; they are exact inverses.
 */
import type { PlanCell } from './plan';

/** A constant as Excel's `values` hands it back: text, number or boolean ('' is an empty cell). */
export type CellContent = string | number | boolean;

/** One non-empty cell, as the officer left it. */
export interface KeptCell {
  /** 1-based, on the sheet it was read from. */
  readonly row: number;
  readonly column: number;
  /** The constant, or for a formula cell the formula text ('=...'). */
  readonly value: CellContent;
  readonly isFormula: boolean;
  /** Excel's number format; 'General' when none. */
  readonly numberFormat: string;
}

export type KeptSheetRole = 'start' | 'area' | 'archive';

export interface KeptSheet {
  readonly name: string;
  readonly role: KeptSheetRole;
  /** The area number of an area sheet, 0 otherwise. */
  readonly area: number;
  /** Last row of the generated table on an area sheet (cells below it are the officer's); 0 otherwise. */
  readonly lastTableRow: number;
  /**
   * Only the cells regeneration carries, in row then column order. Area sheets' cells are in the
   * columns of the layout without guidance (carryOverColumns.ts), whatever the sheet had.
   */
  readonly cells: readonly KeptCell[];
  /** True when the area sheet read had the Guidance column (to name its own cells' real places). */
  readonly guidance?: boolean;
}

export interface KeptAssessment {
  /** The framework the workbook was written with (from its meta sheet). */
  readonly framework: { readonly id: string; readonly version: string; readonly title: string };
  readonly layoutVersion: number;
  readonly sheets: readonly KeptSheet[];
}

/** Bumped when the backup sheet's format changes; a backup of another format is not read. */
export const BACKUP_FORMAT = 1;

const RECORD = {
  header: 'eq-regenerate-backup',
  framework: 'framework',
  sheet: 'sheet',
  cell: 'cell',
  writes: 'writes',
  complete: 'complete',
} as const;

/** Every record is one row of this many cells. */
export const BACKUP_WIDTH = 7;

function padded(cells: PlanCell[]): PlanCell[] {
  while (cells.length < BACKUP_WIDTH) cells.push(null);
  return cells;
}

/**
 * The backup sheet's rows. Values keep their type (text is written as literal text by the
 * adapters, so '=SUM(A1)' or '0123' stay text); a formula is kept as its text with a flag. The
 * last row marks the backup complete: a backup cut short by a failed sync lacks it.
 */
export function backupRows(kept: KeptAssessment, writes: readonly string[]): PlanCell[][] {
  const rows: PlanCell[][] = [padded([RECORD.header, BACKUP_FORMAT])];
  const { id, version, title } = kept.framework;
  rows.push(padded([RECORD.framework, id, version, title, kept.layoutVersion]));
  let cellCount = 0;
  for (const sheet of kept.sheets) {
    rows.push(padded([RECORD.sheet, sheet.name, sheet.role, sheet.area, sheet.lastTableRow]));
    for (const c of sheet.cells) {
      rows.push([RECORD.cell, sheet.name, c.row, c.column, c.isFormula, c.numberFormat, c.value]);
      cellCount += 1;
    }
  }
  for (const name of writes) rows.push(padded([RECORD.writes, name]));
  rows.push(padded([RECORD.complete, kept.sheets.length, cellCount]));
  return rows;
}

export type BackupParse =
  | {
      readonly status: 'complete';
      readonly kept: KeptAssessment;
      /** The sheets the interrupted rebuild was writing: a half-written one is the add-in's to replace. */
      readonly writes: readonly string[];
    }
  /** Written only in part (the sync that wrote it failed): the old sheets are still intact. */
  | { readonly status: 'incomplete' }
  | { readonly status: 'unreadable'; readonly problems: readonly string[] };

/**
 * Reads the backup sheet's values (row 1 first). `where(row, column)` names a cell for messages.
 */
export function parseBackup(
  values: readonly (readonly CellContent[])[],
  where: (row: number, column: number) => string,
): BackupParse {
  const last = values[values.length - 1];
  if (!last || last[0] !== RECORD.complete) return { status: 'incomplete' };

  const problems: string[] = [];
  const text = (line: readonly CellContent[], i: number, col: number): string => {
    const v = line[col - 1];
    if (typeof v === 'string') return v;
    problems.push(`${where(i + 1, col)} should hold text but holds ${JSON.stringify(v ?? '')}.`);
    return '';
  };
  const whole = (line: readonly CellContent[], i: number, col: number, min: number): number => {
    const v = line[col - 1];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
    problems.push(`${where(i + 1, col)} should hold a whole number but holds ${JSON.stringify(v ?? '')}.`);
    return min;
  };

  const header = values[0];
  if (!header || header[0] !== RECORD.header || header[1] !== BACKUP_FORMAT) {
    return {
      status: 'unreadable',
      problems: [
        `${where(1, 1)} should start a backup of format ${BACKUP_FORMAT}; it was written by another version of the add-in or edited.`,
      ],
    };
  }
  let framework: KeptAssessment['framework'] | undefined;
  let layoutVersion = 0;
  const sheets: { sheet: Omit<KeptSheet, 'cells'>; cells: KeptCell[] }[] = [];
  const byName = new Map<string, KeptCell[]>();
  const writes: string[] = [];
  let cellCount = 0;

  values.forEach((line, i) => {
    if (i === 0 || i === values.length - 1) return;
    const kind = line[0];
    if (kind === RECORD.framework) {
      framework = { id: text(line, i, 2), version: text(line, i, 3), title: text(line, i, 4) };
      layoutVersion = whole(line, i, 5, 1);
    } else if (kind === RECORD.sheet) {
      const role = text(line, i, 3);
      if (role !== 'start' && role !== 'area' && role !== 'archive') {
        problems.push(
          `${where(i + 1, 3)} should say start, area or archive but holds ${JSON.stringify(role)}.`,
        );
        return;
      }
      const cells: KeptCell[] = [];
      const name = text(line, i, 2);
      sheets.push({
        sheet: { name, role, area: whole(line, i, 4, 0), lastTableRow: whole(line, i, 5, 0) },
        cells,
      });
      byName.set(name, cells);
    } else if (kind === RECORD.cell) {
      const cells = byName.get(text(line, i, 2));
      const isFormula = line[4];
      const value = line[6];
      if (!cells) {
        problems.push(`${where(i + 1, 2)} names a sheet that no earlier row of the backup describes.`);
      } else if (typeof isFormula !== 'boolean' || value === undefined || value === '') {
        problems.push(`${where(i + 1, 5)}: a cell record needs TRUE or FALSE and a value.`);
      } else {
        cells.push({
          row: whole(line, i, 3, 1),
          column: whole(line, i, 4, 1),
          isFormula,
          numberFormat: text(line, i, 6),
          value,
        });
        cellCount += 1;
      }
    } else if (kind === RECORD.writes) {
      writes.push(text(line, i, 2));
    } else {
      problems.push(`${where(i + 1, 1)} holds ${JSON.stringify(kind ?? '')}, which is not a backup record.`);
    }
  });
  if (!framework) problems.push('The backup does not say which framework the workbook was written with.');
  if (last[1] !== sheets.length || last[2] !== cellCount) {
    problems.push(
      `${where(values.length, 1)}: the backup says it holds ${String(last[1])} sheets and ${String(last[2])} cells, but ${sheets.length} and ${cellCount} were found.`,
    );
  }
  if (problems.length > 0 || !framework) return { status: 'unreadable', problems };
  return {
    status: 'complete',
    kept: { framework, layoutVersion, sheets: sheets.map((s) => ({ ...s.sheet, cells: s.cells })) },
    writes,
  };
}

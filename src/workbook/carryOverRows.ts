/**
 * The carry-over decided row by row: each row of a kept area sheet becomes one decision (what is
 * placed where on the new sheets, what goes to the archive and why, what counts as carried),
 * without writing anything. carryOver.ts then writes every decision into the plan. Keeping the
 * decision pure and per row lets each rule be tested as a table: one row in, one decision out.
 */
import {
  criterionSlot,
  slotOf,
  type Criterion,
  type CriterionSlot,
  type Framework,
  type Mapping,
} from '../domain';
import { cell, type A1 } from './address';
import type { KeptCell, KeptSheet } from './carryOverBackup';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, areaColumn } from './layout';

export interface FrameworkRef {
  readonly id: string;
  readonly version: string;
  readonly title: string;
}

export interface CarriedResponse {
  readonly fromId: string;
  readonly fromSheet: string;
  readonly fromRow: number;
  readonly toId: string;
  /** The area of the criterion it lands on: with the id, what identifies it (ids repeat across areas). */
  readonly toArea: number;
  readonly toSheet: string;
  readonly toRow: number;
}

export interface ArchivedItem {
  readonly kind: 'response' | 'own-wording' | 'own-cell';
  /** The criterion id, or '' for a cell that belonged to no criterion. */
  readonly criterionId: string;
  readonly fromSheet: string;
  readonly fromAddress: A1;
  readonly reason: string;
  /** Row of the archive sheet it goes to. */
  readonly archiveRow: number;
}

export interface MovedCell {
  readonly sheet: string;
  readonly from: A1;
  readonly to: A1;
}

/** Where a criterion of the new layout lives. */
export interface TargetPlace {
  readonly criterion: Criterion;
  readonly sheet: string;
  readonly row: number;
}

/** One row of a kept area sheet, matched to the source criterion its id cell names. */
export interface RowRead {
  readonly sheet: KeptSheet;
  readonly row: number;
  readonly cells: readonly KeptCell[];
  readonly criterion?: Criterion;
  /** Why a row with content belongs to no criterion. */
  readonly orphan?: string;
}

/** Something that goes to the archive sheet: the item (its archive row is given when written) and its cells. */
export interface ArchiveEntry {
  readonly item: Omit<ArchivedItem, 'archiveRow'>;
  /** The criterion's wording as it stood (a kept cell), or text for the archive's text column. */
  readonly text: KeptCell | string;
  /** The response's input cells, by column of the area sheet. */
  readonly fields: ReadonlyMap<number, KeptCell>;
  /** The officer's own cells of the row, right of the table. */
  readonly own: readonly KeptCell[];
}

/** A kept cell and where it goes on the new layout. */
export interface Placement {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly content: KeptCell;
}

/** What becomes of one kept row. */
export interface RowDecision {
  readonly place: readonly Placement[];
  readonly archive: readonly ArchiveEntry[];
  readonly ownMoves: readonly MovedCell[];
  /** Present when the row's response lands on a criterion of the new layout. */
  readonly carried?: CarriedResponse;
}

/** What every row of one sheet is decided against. */
export interface DecisionContext {
  /** True when rebuilding with the same framework and version (ids identify criteria). */
  readonly same: boolean;
  readonly mapping?: Mapping;
  readonly target: Framework;
  readonly targetPlace: ReadonlyMap<CriterionSlot, TargetPlace>;
  /** The new layout's sheet for this kept sheet, with its last table row; absent when it has none. */
  readonly toSheet?: { readonly name: string; readonly lastTableRow: number };
}

/**
 * Columns of an area sheet that regeneration carries, in the layout without guidance: kept cells
 * are recorded in its columns whatever the sheet had (carryOverColumns.ts). The inputs; the
 * officer's own columns start after the last.
 */
export const INPUT_COLUMNS = new Set(AREA_COLUMNS.filter((c) => c.input).map((c) => areaColumn(c.key)));
export const FIRST_OWN_COLUMN = AREA_COLUMNS.length + 1;
export const ID_COLUMN = areaColumn('id');
export const TEXT_COLUMN = areaColumn('text');

export function describeFramework(f: FrameworkRef): string {
  return `"${f.title}" (${f.id} version ${f.version})`;
}

export function idText(cells: readonly KeptCell[]): string {
  const id = cells.find((c) => c.column === ID_COLUMN);
  return id === undefined ? '' : String(id.value).trim();
}

const NOTHING: RowDecision = { place: [], archive: [], ownMoves: [] };

/** The decision for one row. */
export function decideRow(r: RowRead, context: DecisionContext): RowDecision {
  if (r.row < AREA_FIRST_DATA_ROW || r.row > r.sheet.lastTableRow) return decideOwnCells(r, context);
  const fields = new Map(r.cells.filter((c) => INPUT_COLUMNS.has(c.column)).map((c) => [c.column, c]));
  const own = r.cells.filter((c) => c.column >= FIRST_OWN_COLUMN);
  const textCell = r.cells.find((c) => c.column === TEXT_COLUMN);
  const criterion = r.criterion;
  const ownWording =
    criterion !== undefined &&
    textCell !== undefined &&
    criterion.textStatus !== 'complete' &&
    textCell.value !== criterion.text
      ? textCell
      : undefined;
  if (fields.size === 0 && own.length === 0 && ownWording === undefined) return NOTHING;

  const fromSheet = r.sheet.name;
  const fromAddress = cell(r.row, ID_COLUMN);
  if (!criterion) {
    const reason = r.orphan ?? 'A row that belongs to no criterion.';
    const item = { kind: 'response' as const, criterionId: idText(r.cells), fromSheet, fromAddress, reason };
    return { ...NOTHING, archive: [{ item, text: textCell ?? '', fields, own }] };
  }
  const destination = destinationOf(criterion, context);
  if (typeof destination === 'string') {
    const item = {
      kind: 'response' as const,
      criterionId: criterion.id,
      fromSheet,
      fromAddress,
      reason: destination,
    };
    return { ...NOTHING, archive: [{ item, text: textCell ?? criterion.text, fields, own }] };
  }

  const { criterion: to, sheet: toSheet, row: toRow } = destination;
  const place: Placement[] = [...fields.values(), ...own].map((c) => ({
    sheet: toSheet,
    row: toRow,
    column: c.column,
    content: c,
  }));
  const archive: ArchiveEntry[] = [];
  if (ownWording && to.textStatus !== 'complete') {
    place.push({ sheet: toSheet, row: toRow, column: TEXT_COLUMN, content: ownWording });
  } else if (ownWording) {
    const reason = `Your wording for ${criterion.id}; ${describeFramework(context.target)} gives the full text of ${to.id}, which replaces it.`;
    const item = {
      kind: 'own-wording' as const,
      criterionId: criterion.id,
      fromSheet,
      fromAddress: cell(r.row, TEXT_COLUMN),
      reason,
    };
    archive.push({ item, text: ownWording, fields: new Map(), own: [] });
  }
  const answered = fields.size > 0 || own.length > 0;
  return {
    place,
    archive,
    ownMoves: own.map((c) => ({ sheet: toSheet, from: cell(c.row, c.column), to: cell(toRow, c.column) })),
    ...(answered
      ? {
          carried: {
            fromId: criterion.id,
            fromSheet,
            fromRow: r.row,
            toId: to.id,
            toArea: to.area,
            toSheet,
            toRow,
          },
        }
      : {}),
  };
}

/**
 * The officer's own cells above (own columns only) or below the table: the same place, or the
 * same distance below the new table, when the sheet is still there; the archive otherwise.
 */
function decideOwnCells(r: RowRead, context: DecisionContext): RowDecision {
  const toSheet = context.toSheet;
  if (toSheet === undefined) {
    return {
      ...NOTHING,
      archive: r.cells.map((c) => {
        const at = cell(c.row, c.column);
        const reason = `Your cell ${at} on ${r.sheet.name}, a sheet the new layout does not have.`;
        const item = {
          kind: 'own-cell' as const,
          criterionId: '',
          fromSheet: r.sheet.name,
          fromAddress: at,
          reason,
        };
        return { item, text: '', fields: new Map<number, KeptCell>(), own: [c] };
      }),
    };
  }
  const moved = r.cells.map((c) => ({
    content: c,
    row: c.row < AREA_FIRST_DATA_ROW ? c.row : toSheet.lastTableRow + (c.row - r.sheet.lastTableRow),
  }));
  return {
    ...NOTHING,
    place: moved.map(({ content, row }) => ({ sheet: toSheet.name, row, column: content.column, content })),
    ownMoves: moved.map(({ content, row }) => ({
      sheet: toSheet.name,
      from: cell(content.row, content.column),
      to: cell(row, content.column),
    })),
  };
}

/** Where a source criterion's response goes, or why it goes to the archive. */
export function destinationOf(criterion: Criterion, context: DecisionContext): TargetPlace | string {
  const { same, mapping, target, targetPlace } = context;
  if (same) {
    const place = targetPlace.get(slotOf(criterion));
    if (place) return place;
    return `Criterion ${criterion.id} is no longer in area ${criterion.area} of ${describeFramework(target)}.`;
  }
  if (!mapping || !mapping.areas.includes(criterion.area)) {
    return `${describeFramework(target)} has no counterpart for area ${criterion.area}: the mapping does not cover it.`;
  }
  const pair = mapping.pairs.find((p) => p.from === criterion.id);
  if (pair) {
    // A pair stays within its area (mapping.ts checks it against the two frameworks).
    const place = targetPlace.get(criterionSlot(criterion.area, pair.to));
    if (place) return place;
    return `The mapping pairs ${criterion.id} with ${pair.to}, which ${describeFramework(target)} does not have.`;
  }
  const unmapped = mapping.unmapped.find((u) => u.from === criterion.id);
  return unmapped
    ? `No counterpart in ${describeFramework(target)}: ${unmapped.explanation}`
    : `The mapping does not list ${criterion.id}.`;
}

/** The rows of a kept area sheet, each matched to the source criterion its id cell names. */
export function readRows(sheet: KeptSheet, criteria: readonly Criterion[]): RowRead[] {
  const byRow = new Map<number, KeptCell[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]): RowRead => {
      if (row < AREA_FIRST_DATA_ROW || row > sheet.lastTableRow) return { sheet, row, cells };
      const id = idText(cells);
      const criterion = byId.get(id);
      const orphan = (why: string): RowRead => ({
        sheet,
        row,
        cells,
        orphan: `Row ${row} of ${sheet.name} ${why}`,
      });
      if (id === '') return orphan('has no criterion id.');
      if (!criterion) return orphan(`has the id ${id}, which is not a criterion of this area.`);
      if (seen.has(id)) return orphan(`repeats criterion ${id}; the first row with that id was carried.`);
      seen.add(id);
      return { sheet, row, cells, criterion };
    });
}

/**
 * Whole rows or columns inserted or deleted, as Excel does it (Range.insert / Range.delete on an
 * entire row or column, or a user doing the same): the cells below or to the right move, cell
 * formulas and defined names that refer to moved cells follow them and references into deleted
 * cells become #REF! (the formula engine's addRows/removeRows/addColumns/removeColumns), and the
 * rest of the document moves too: formats, borders, number formats, data validation, conditional
 * formats (their ranges and formula text), chart sources and positions, hidden lines and sizes.
 * A format, rule or validation whose range spans the insertion point grows, as in Excel.
 */
import type { XlDataChangeType } from '../../../src/excel/api';
import { isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, type Rect } from './a1';
import { invalidArgument } from './errors';
import { type LineEdit, shiftRefs, shiftSpan } from './references';
import type { SheetState } from './state';
import type { FakeWorkbook } from './workbook';

/** A rect after the edit on its own sheet, or undefined when all of it was deleted. */
export function shiftRect(rect: Rect, edit: LineEdit): Rect | undefined {
  if (edit.within) {
    const [lo, hi] = edit.axis === 'rows' ? [rect.left, rect.right] : [rect.top, rect.bottom];
    if (lo < edit.within[0] || hi > edit.within[1]) return rect;
  }
  if (edit.axis === 'rows') {
    if (isWholeColumns(rect)) return rect;
    const span = shiftSpan(rect.top, rect.bottom, edit, MAX_ROWS);
    return span && { ...rect, top: span[0], bottom: span[1] };
  }
  if (isWholeRows(rect)) return rect;
  const span = shiftSpan(rect.left, rect.right, edit, MAX_COLUMNS);
  return span && { ...rect, left: span[0], right: span[1] };
}

/** One index after the edit, or undefined when it was deleted. */
function shiftIndex(index: number, edit: LineEdit): number | undefined {
  return shiftSpan(index, index, edit, edit.axis === 'rows' ? MAX_ROWS : MAX_COLUMNS)?.[0];
}

function shiftKeyed<T>(map: Map<string, T>, edit: LineEdit): void {
  const entries = [...map];
  map.clear();
  for (const [key, value] of entries) {
    const [row = 0, col = 0] = key.split(',').map(Number);
    const across = edit.axis === 'rows' ? col : row;
    if (edit.within && (across < edit.within[0] || across > edit.within[1])) {
      map.set(key, value);
      continue;
    }
    const moved = shiftIndex(edit.axis === 'rows' ? row : col, edit);
    if (moved === undefined) continue;
    map.set(edit.axis === 'rows' ? `${moved},${col}` : `${row},${moved}`, value);
  }
}

function shiftNumbered<T>(map: Map<number, T>, edit: LineEdit): void {
  const entries = [...map];
  map.clear();
  for (const [index, value] of entries) {
    const moved = shiftIndex(index, edit);
    if (moved !== undefined) map.set(moved, value);
  }
}

function shiftSet(set: Set<number>, edit: LineEdit): void {
  const indexes = [...set];
  set.clear();
  for (const index of indexes) {
    const moved = shiftIndex(index, edit);
    if (moved !== undefined) set.add(moved);
  }
}

/** Keeps the layers whose rect survives, each with its rect moved. */
function shiftLayers<L extends { readonly rect: Rect }>(layers: L[], edit: LineEdit): void {
  const kept = layers.flatMap((layer) => {
    const rect = shiftRect(layer.rect, edit);
    return rect ? [{ ...layer, rect }] : [];
  });
  layers.splice(0, layers.length, ...kept);
}

/** The sheet's own state: positions of everything kept beside the engine. */
function shiftSheetState(sheet: SheetState, edit: LineEdit): void {
  shiftLayers(sheet.formats, edit);
  shiftLayers(sheet.borders, edit);
  shiftLayers(sheet.validations, edit);
  shiftKeyed(sheet.numberFormats, edit);
  shiftKeyed(sheet.refTokens, edit);
  if (edit.within) {
    // Cells only: whole rows and columns keep their sizes and visibility.
  } else if (edit.axis === 'rows') {
    shiftSet(sheet.hiddenRows, edit);
    shiftNumbered(sheet.rowHeights, edit);
    // A break moves with the row that starts its page. Deleting that row drops the break here;
    // what Excel does then is not documented.
    shiftSet(sheet.rowBreaks, edit);
  } else {
    shiftSet(sheet.hiddenColumns, edit);
    shiftNumbered(sheet.columnWidths, edit);
  }
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((format) => {
    const rect = shiftRect(format.rect, edit);
    return rect ? [{ ...format, rect }] : [];
  });
  if (sheet.printTitleRows !== undefined)
    sheet.printTitleRows = shiftRefs(sheet.printTitleRows, sheet.name, edit);
  for (const chart of sheet.charts) {
    if (!chart.position) continue;
    const { from, to } = chart.position;
    const keep = (ref: string) => {
      const moved = shiftRefs(ref, sheet.name, edit);
      return moved.includes('#REF!') ? ref : moved;
    };
    chart.position = to === undefined ? { from: keep(from) } : { from: keep(from), to: keep(to) };
  }
}

/** Text references on every sheet that point into the edited sheet. */
function shiftTexts(doc: FakeWorkbook, edit: LineEdit): void {
  for (const sheet of doc.sheets) {
    const shift = (text: string) => shiftRefs(text, sheet.name, edit);
    for (const format of sheet.conditionalFormats) format.formula = shift(format.formula);
    for (const chart of sheet.charts) chart.source = shift(chart.source);
    sheet.validations.forEach((layer, i) => {
      if (layer.set === 'clear' || !layer.set.rule) return;
      const rule = Object.fromEntries(
        Object.entries(layer.set.rule).map(([kind, body]) => [
          kind,
          Object.fromEntries(
            Object.entries(body).map(([k, v]) => [
              k,
              typeof v === 'string' && v.startsWith('=') ? shift(v) : v,
            ]),
          ),
        ]),
      );
      sheet.validations[i] = { rect: layer.rect, set: { ...layer.set, rule } };
    });
  }
}

/**
 * Inserts (count > 0) or deletes (count < 0) whole rows or columns at 0-based `at` of `sheet`.
 * Excel refuses an insertion that would push cells off the sheet; so does the engine here.
 */
export function editLines(
  doc: FakeWorkbook,
  sheet: SheetState,
  axis: LineEdit['axis'],
  at: number,
  count: number,
  where: string,
): void {
  const edit: LineEdit = { sheet: sheet.name, axis, at, count };
  const engine = doc.engine;
  const span: [number, number] = [at, Math.abs(count)];
  const possible =
    axis === 'rows'
      ? count > 0
        ? engine.isItPossibleToAddRows(sheet.engineId, span)
        : engine.isItPossibleToRemoveRows(sheet.engineId, span)
      : count > 0
        ? engine.isItPossibleToAddColumns(sheet.engineId, span)
        : engine.isItPossibleToRemoveColumns(sheet.engineId, span);
  if (!possible) {
    throw invalidArgument(
      `Cannot ${count > 0 ? 'insert' : 'delete'} ${Math.abs(count)} ${axis} at ${at + 1}: cells would move off the sheet.`,
      where,
    );
  }
  // Text references first, while the edited sheet still has its name and old layout.
  shiftTexts(doc, edit);
  shiftSheetState(sheet, edit);
  if (axis === 'rows') {
    if (count > 0) engine.addRows(sheet.engineId, span);
    else engine.removeRows(sheet.engineId, span);
  } else if (count > 0) engine.addColumns(sheet.engineId, span);
  else engine.removeColumns(sheet.engineId, span);
}

/**
 * Inserts or deletes the whole rows or columns of `rect` (an entire-row range such as '5:6' or an
 * entire-column one such as 'C:D') and returns the change type Excel's onChanged reports.
 * Shifting part of a row or column (cells only) is not modelled: InvalidArgument says so.
 */
export function editWholeLines(
  doc: FakeWorkbook,
  sheet: SheetState,
  rect: Rect,
  action: 'insert' | 'delete',
  where: string,
  /** For a range of cells: whether the cells shift along rows (Down/Up) or columns (Right/Left). */
  rowsShift?: boolean,
): XlDataChangeType {
  const sign = action === 'insert' ? 1 : -1;
  if (isWholeRows(rect) && !isWholeColumns(rect)) {
    editLines(doc, sheet, 'rows', rect.top, sign * (rect.bottom - rect.top + 1), where);
    return action === 'insert' ? 'RowInserted' : 'RowDeleted';
  }
  if (isWholeColumns(rect) && !isWholeRows(rect)) {
    editLines(doc, sheet, 'columns', rect.left, sign * (rect.right - rect.left + 1), where);
    return action === 'insert' ? 'ColumnInserted' : 'ColumnDeleted';
  }
  if (rowsShift === undefined || (isWholeRows(rect) && isWholeColumns(rect))) {
    throw invalidArgument(
      'Say which way the cells shift, for a range that is not whole rows or columns.',
      where,
    );
  }
  return editCells(doc, sheet, rect, action, rowsShift);
}

/**
 * Cells inserted or deleted with the cells below or to the right shifting (Range.insert 'Down' or
 * 'Right' and Range.delete 'Up' or 'Left' on a range that is not entire rows or columns). The
 * engine's moveCells does not adjust ranges the way Excel does, so the references are rewritten
 * as text: in every cell formula and name, an area that lies within the shifted columns (or rows)
 * moves, one into deleted cells becomes #REF!, and the cells move. Returns the change type.
 */
export function editCells(
  doc: FakeWorkbook,
  sheet: SheetState,
  rect: Rect,
  action: 'insert' | 'delete',
  rowsShift: boolean,
): XlDataChangeType {
  const axis: LineEdit['axis'] = rowsShift ? 'rows' : 'columns';
  const size = rowsShift ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
  const within: readonly [number, number] = rowsShift ? [rect.left, rect.right] : [rect.top, rect.bottom];
  const edit: LineEdit = {
    sheet: sheet.name,
    axis,
    at: rowsShift ? rect.top : rect.left,
    count: action === 'insert' ? size : -size,
    within,
  };
  const engine = doc.engine;
  const suspended = engine.isEvaluationSuspended();
  if (suspended) engine.resumeEvaluation();
  const writes: { sheet: SheetState; row: number; col: number; content: unknown }[] = [];
  for (const other of doc.sheets) {
    const contents = engine.getSheetSerialized(other.engineId);
    const shifted = (content: unknown) =>
      typeof content === 'string' && content.startsWith('=') ? shiftRefs(content, other.name, edit) : content;
    if (other !== sheet) {
      contents.forEach((line, row) =>
        line.forEach((content, col) => {
          const next = shifted(content);
          if (next !== content) writes.push({ sheet: other, row, col, content: next });
        }),
      );
      continue;
    }
    // The edited sheet: every cell in the shifted band is cleared and written at its new place.
    const moved = new Map<string, { row: number; col: number; content: unknown }>();
    contents.forEach((line, row) =>
      line.forEach((content, col) => {
        const along = rowsShift ? row : col;
        const across = rowsShift ? col : row;
        const inBand = across >= within[0] && across <= within[1] && along >= edit.at;
        const next = shifted(content);
        if (!inBand) {
          if (next !== content) writes.push({ sheet, row, col, content: next });
          return;
        }
        if (content !== null && content !== undefined) writes.push({ sheet, row, col, content: null });
        const to = shiftIndex(along, edit);
        if (to === undefined || content === null || content === undefined) return;
        const target = rowsShift ? { row: to, col } : { row, col: to };
        moved.set(`${target.row},${target.col}`, { ...target, content: next });
      }),
    );
    for (const cell of moved.values()) writes.push({ sheet, ...cell });
  }
  engine.batch(() => {
    // Clears first, then the moved contents, so a cell that is both ends up with its new content.
    for (const w of writes.filter((x) => x.content === null))
      engine.setCellContents({ sheet: w.sheet.engineId, row: w.row, col: w.col }, [[null]]);
    for (const w of writes.filter((x) => x.content !== null))
      engine.setCellContents({ sheet: w.sheet.engineId, row: w.row, col: w.col }, [[w.content as never]]);
  });
  const scopes: [Iterable<{ name: string; brokenFormula?: string }>, number | undefined][] = [
    [doc.names.values(), undefined],
    ...doc.sheets.map((s): [Iterable<{ name: string; brokenFormula?: string }>, number] => [
      s.names.values(),
      s.engineId,
    ]),
  ];
  for (const [names, scope] of scopes) {
    for (const state of names) {
      if (state.brokenFormula !== undefined) continue;
      const formula = engine.getNamedExpressionFormula(state.name, scope) ?? '';
      const next = shiftRefs(formula, sheet.name, edit);
      if (next !== formula) engine.changeNamedExpression(state.name, next, scope);
    }
  }
  if (suspended) engine.suspendEvaluation();
  shiftTexts(doc, edit);
  shiftSheetState(sheet, edit);
  return action === 'insert' ? 'CellInserted' : 'CellDeleted';
}

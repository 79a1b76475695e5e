/** Per-cell formatting, kept as layers so a format on a whole column costs one entry, not a million. */
import { contains, type Rect } from './a1';
import {
  DEFAULT_FORMAT,
  type BorderState,
  type CellFormat,
  type SheetState,
  type ValidationState,
} from './state';

export function formatAt(sheet: SheetState, row: number, col: number): CellFormat {
  let format: CellFormat = DEFAULT_FORMAT;
  for (const layer of sheet.formats) {
    if (contains(layer.rect, row, col)) format = { ...format, ...layer.props };
  }
  return format;
}

/** The border on `side` of a cell, from layers whose matching edge runs through the cell. */
export function borderAt(sheet: SheetState, row: number, col: number, side: string): BorderState | undefined {
  let border: BorderState | undefined;
  for (const layer of sheet.borders) {
    if (layer.side !== side || !contains(layer.rect, row, col)) continue;
    const onEdge =
      (side === 'EdgeBottom' && row === layer.rect.bottom) ||
      (side === 'EdgeTop' && row === layer.rect.top) ||
      (side === 'EdgeLeft' && col === layer.rect.left) ||
      (side === 'EdgeRight' && col === layer.rect.right) ||
      (side === 'InsideHorizontal' && row < layer.rect.bottom) ||
      (side === 'InsideVertical' && col < layer.rect.right);
    if (onEdge) border = { style: 'Continuous', color: '#000000', weight: 'Thin', ...border, ...layer.props };
  }
  return border;
}

export function validationAt(sheet: SheetState, row: number, col: number): ValidationState | undefined {
  let state: ValidationState | undefined;
  for (const layer of sheet.validations) {
    if (!contains(layer.rect, row, col)) continue;
    state = layer.set === 'clear' ? undefined : { ...state, ...layer.set };
  }
  return state;
}

/**
 * The value Office reports for a property over a range: the common value, or null when the
 * cells differ. Ranges are sampled cell by cell, so callers keep them to the used area.
 */
export function uniform<T>(rect: Rect, at: (row: number, col: number) => T): T | null {
  let first: { value: T } | undefined;
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) {
      const value = at(row, col);
      if (!first) first = { value };
      else if (JSON.stringify(first.value) !== JSON.stringify(value)) return null;
    }
  }
  return first ? first.value : null;
}

/**
 * Where the sheets go after a rebuild. The rebuilt sheets are added at the end of the workbook, so
 * without moving them the sheets the rebuild keeps (the officer's own, the Board summary, the
 * Action plan, the history) would end up in front of Start. The rebuilt sheets go back, as one
 * block in plan order, where the first of them was; everything else keeps its order around them.
 */
import { sameSheet as same } from './sheetNames';

export function orderAfterRebuild(
  /** The workbook's sheets before the rebuild, in order. */
  before: readonly string[],
  /** The plan's sheets, in plan order (they replace sheets of the same names). */
  rebuilt: readonly string[],
  /** Sheets the rebuild deletes that the plan does not write again (the backup, old area sheets). */
  deleted: readonly string[],
): string[] {
  const order: string[] = [];
  let placed = false;
  for (const name of before) {
    if (deleted.some((d) => same(d, name))) continue;
    if (rebuilt.some((r) => same(r, name))) {
      if (!placed) order.push(...rebuilt);
      placed = true;
      continue;
    }
    order.push(name);
  }
  if (!placed) order.push(...rebuilt);
  return order;
}

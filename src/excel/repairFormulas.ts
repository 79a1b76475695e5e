/**
 * Rewrites the plan's formulas, and only its formulas, on the area and Summary sheets: ratings,
 * notes and anything else the officer typed are not touched. Protected sheets are unprotected
 * for the write and protected again with the add-in's options. The plan's defined names that are
 * missing or hold #REF! (their sheet was deleted and put back: Excel never re-links them) are
 * defined again. Two syncs: the sheets with their protection state and the names, then the write.
 */
import type { ExcelGateway, XlContext, XlNamedItem, XlRange } from './api';
import { protectSheet } from './applyPlan';
import { putBack, sameContent, type Clash, type PutBack, type WatchedBlock } from './coauthorGuard';
import { actualSheetName, hasSheet } from './inspect';
import { describeCellValue, refuse, type Refusal } from '../domain';
import { cell, parseRange, quoteSheet, rect, sheetName } from '../workbook/address';
import { isFormula, type SheetPlan, type WorkbookPlan } from '../workbook/plan';
import { nameKey, sheetKey, type SheetKey } from '../workbook/sheetNames';
import { formulaAt, type RangeSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';

/** Vertical runs of formula cells in a plan sheet: [top-left row, column, formulas]. */
export function formulaRuns(sheet: SheetPlan): { row: number; column: number; formulas: string[] }[] {
  const runs: { row: number; column: number; formulas: string[] }[] = [];
  for (const block of sheet.blocks) {
    const { row, column } = parseRange(block.at);
    const width = block.cells[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      let current: { row: number; column: number; formulas: string[] } | undefined;
      block.cells.forEach((line, r) => {
        const value = line[c];
        if (value !== undefined && isFormula(value)) {
          if (!current) {
            current = { row: row + r, column: column + c, formulas: [] };
            runs.push(current);
          }
          current.formulas.push(value.formula);
        } else {
          current = undefined;
        }
      });
    }
  }
  return runs;
}

/** Defines again each plan name that is missing or broken and whose sheet exists; returns how many. */
function queueNameRepairs(
  ctx: XlContext,
  plan: WorkbookPlan,
  sheetNames: readonly string[],
  defined: readonly XlNamedItem[],
): number {
  const formulaOf = new Map(defined.map((n) => [nameKey(n.name), n.formula]));
  let count = 0;
  for (const name of plan.names) {
    const sheet = actualSheetName(sheetNames, name.sheet);
    const formula = formulaOf.get(nameKey(name.name));
    if (sheet === undefined || (formula !== undefined && !formula.includes('#REF!'))) continue;
    if (formula !== undefined) ctx.workbook.names.getItem(name.name).delete();
    ctx.workbook.names.add(
      name.name,
      ctx.workbook.worksheets.getItem(sheet).getRange(name.range),
      name.comment,
    );
    count += 1;
  }
  return count;
}

export type RepairOutcome =
  | { readonly status: 'repaired'; readonly sheets: readonly string[] }
  /** Details: each cell that changed after the check, with what it holds now. */
  | Refusal<'changed-since'>;

/**
 * `seen`: the workbook as the Check read it, whose damage the officer asked to repair. The
 * write's batch loads every cell it rewrites first; a cell that no longer holds what the Check
 * saw was edited since (by a co-author, or in another window), so everything the repair
 * rewrote is put back as it was just before and the repair refuses, naming those cells. Without
 * `seen` nothing is compared (the officer asked for a repair of whatever is there).
 */
export async function repairFormulas(
  gateway: ExcelGateway,
  plan: WorkbookPlan,
  seen?: WorkbookSnapshot,
): Promise<RepairOutcome> {
  const targets = plan.sheets.filter((s) => s.role === 'area' || s.role === 'summary');
  return gateway.run(async (ctx) => {
    // One read: every sheet's name and whether it is protected.
    const all = ctx.workbook.worksheets.load('items/name, items/protection/protected');
    const definedNames = ctx.workbook.names.load('items/name, items/formula');
    await ctx.sync();
    const names = all.items.map((sheet) => sheet.name);
    const present = targets.filter((s) => hasSheet(names, s.name));
    const protectedNow = present.filter((s) => {
      const item = all.items[names.indexOf(actualSheetName(names, s.name) ?? '')];
      return item?.protection.protected === true;
    });
    const rewritten = queueRewrite(ctx, present, protectedNow, seen);
    const brokenNames = queueNameRepairs(ctx, plan, names, definedNames.items);
    if (present.length === 0 && brokenNames === 0) return { status: 'repaired', sheets: [] };
    await ctx.sync();
    const changed = rewritten.clashes();
    if (changed.length === 0) return { status: 'repaired', sheets: present.map((s) => s.name) };
    await putBack(ctx, rewritten.overwritten(), {
      protectedSheets: protectedNow.map((s) => s.name),
      protect: protectSheet,
    });
    return refuse(
      'changed-since',
      `No formula was repaired: ${changed.length === 1 ? 'a cell' : `${changed.length} cells`} the repair rewrites changed after the check (a co-author may be editing), so every cell was put back as it was. Check again, then repair.`,
      changed.map(
        (c) =>
          `${quoteSheet(sheetName(c.sheet))}!${c.address} now holds ${describeCellValue(c.now)}; the check saw ${describeCellValue(c.held)}.`,
      ),
    );
  });
}

/**
 * Queues the formula runs of the present sheets, each loaded (before its write) for comparison
 * with what the Check saw and for putting back.
 */
function queueRewrite(
  ctx: XlContext,
  present: readonly SheetPlan[],
  protectedNow: readonly SheetPlan[],
  seen: WorkbookSnapshot | undefined,
): { clashes: () => Clash[]; overwritten: () => PutBack[] } {
  const seenOf = seenSheets(seen);
  const watched: WatchedBlock[] = [];
  const before: {
    sheet: string;
    row: number;
    column: number;
    formulas: string[];
    range: XlRange;
    after: XlRange;
  }[] = [];
  for (const plan of present) {
    const sheet = ctx.workbook.worksheets.getItem(plan.name);
    const wasProtected = protectedNow.includes(plan);
    if (wasProtected) sheet.protection.unprotect();
    const range = seenOf.get(sheetKey(plan.name));
    for (const run of formulaRuns(plan)) {
      const target = sheet.getRange(rect(run.row, run.column, run.formulas.length, 1));
      if (range) {
        const held = run.formulas.map((_, i) => [formulaAt(range, run.row + i, run.column)]);
        watched.push({ sheet: plan.name, top: run.row, left: run.column, held });
      }
      const loaded = target.load('formulas');
      target.formulas = run.formulas.map((f) => [f]);
      // Read back after the write too: Excel keeps a formula in its own spelling.
      const after = sheet.getRange(rect(run.row, run.column, run.formulas.length, 1)).load('formulas');
      before.push({ sheet: plan.name, ...run, range: loaded, after });
    }
    if (wasProtected) protectSheet(sheet);
  }
  // Loaded through the same ranges as the writes, and queued before them: what they replaced.
  const clashes = () =>
    watched.flatMap((block) => {
      const run = before.find(
        (b) => b.sheet === block.sheet && b.row === block.top && b.column === block.left,
      );
      return block.held.flatMap((line, i) => {
        const now = run?.range.formulas[i]?.[0] ?? '';
        const held = line[0] ?? '';
        return sameContent(now, held)
          ? []
          : [{ sheet: block.sheet, address: cell(block.top + i, block.left), held, now }];
      });
    });
  const overwritten = () =>
    before.flatMap((b) =>
      b.formulas.map((_, i) => ({
        sheet: b.sheet,
        address: cell(b.row + i, b.column),
        wrote: b.after.formulas[i]?.[0] ?? '',
        value: b.range.formulas[i]?.[0] ?? '',
      })),
    );
  return { clashes, overwritten };
}

/** The area and Summary sheets the Check read, by sheet name. */
function seenSheets(seen: WorkbookSnapshot | undefined): Map<SheetKey, RangeSnapshot> {
  const ranges = [...(seen?.areas.values() ?? []), seen?.summary ?? null];
  return new Map(ranges.flatMap((r) => (r ? [[sheetKey(r.sheet), r] as const] : [])));
}

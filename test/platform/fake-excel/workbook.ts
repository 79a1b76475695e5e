/**
 * FakeWorkbook: the document behind the fake Excel. It holds the state (sheets, cells in one
 * HyperFormula instance, formats, rules, names, charts, settings) and the test-facing controls:
 * sync statistics, fault injection, latency, simulated user edits and direct inspection.
 *
 * Proxies (FakeContext and friends) change this state only while a sync applies their queued
 * operations; tests read it directly through the inspection helpers, without syncs.
 */
import type { XlCellValue } from '../../../src/excel/api';
import { columnsOf, parseAddress, qualified, type Rect, rowsOf } from './a1';
import { readFormulas, readValues, usedRect, writeContents } from './cells';
import { createEngine } from './engine';
import { FakeOfficeError, invalidArgument, invalidOperation } from './errors';
import { ChangeEvents } from './events';
import { borderAt, formatAt, validationAt } from './formats';
import { editWholeLines } from './lines';
import { deleteSheetRefs, engineForm, renameSheetRefs, showDeletedSheetRefs } from './references';
import { checkDefinedName, checkSheetName } from './rules';
import {
  cellKey,
  type BorderState,
  type CellFormat,
  type ChartState,
  type ConditionalFormatState,
  type NameState,
  type ShapeState,
  type SheetState,
  type ValidationState,
} from './state';

/** Misuse of a test helper (a sheet or cell the test named does not exist). */
export class FakeWorkbookError extends Error {
  override readonly name = 'FakeWorkbookError';
}

export interface BatchRecord {
  /** Operations queued in the batch (property writes, method calls, loads). */
  readonly ops: number;
  /**
   * Request size: UTF-8 bytes of JSON.stringify of the batch's operations, each written as
   * {path, action, args} with the proxy path as text and the arguments as given (so a 2-D
   * values array counts in full). Office's wire format differs, but grows the same way.
   */
  readonly bytes: number;
  /** Response size: UTF-8 bytes of the JSON of every value the batch loaded. */
  responseBytes: number;
}

export interface FakeWorkbookOptions {
  /** Sheet names in order; default ['Sheet1'] like a new workbook. */
  readonly sheets?: readonly string[];
}

interface Fault {
  readonly error: Error;
  readonly atOp: number;
}

/** Run before a sync applies its batch, told the number that sync will have (see betweenSyncs). */
export type BetweenSyncsHook = (syncNumber: number) => void | Promise<void>;

/** A co-author's edit queued to arrive just before a given sync (see remoteEditBeforeSync). */
export interface QueuedRemoteEdit {
  readonly sheet: string;
  readonly address: string;
  readonly values: XlCellValue[][];
  /**
   * Told what the cells held just before the edit landed (undefined where the sheet was gone),
   * so a test can tell an edit that changed nothing: no re-read can see such an edit.
   */
  readonly onArrive?: (held: XlCellValue[][] | undefined) => void;
}

export class FakeWorkbook {
  readonly engine = createEngine();
  readonly sheets: SheetState[] = [];
  /** Workbook-scoped names by lower-case name; formulas live in the engine. */
  readonly names = new Map<string, NameState>();
  readonly settings = new Map<string, unknown>();
  readonly events = new ChangeEvents();
  activeSheetId = '';
  selection?: { sheetId: string; rect: Rect };

  syncCount = 0;
  readonly batches: BatchRecord[] = [];
  /** Simulated round-trip time added to every sync, for benchmarks (0: none). */
  latencyMs = 0;
  /**
   * insertWorksheetsFromBase64 with a workbook-scoped name the document already has: false keeps
   * the document's definition, true takes the source's. Excel's UI asks; the API's choice is not
   * documented, so tests try both (see insertFromFile.ts).
   */
  insertTakesSourceNames = false;
  private readonly faults = new Map<number, Fault>();
  private readonly hooks = new Set<BetweenSyncsHook>();
  private readonly remoteEdits = new Map<number, QueuedRemoteEdit[]>();
  private inHook = false;
  private nextSheet = 1;
  private nextObject = 1;

  constructor(options: FakeWorkbookOptions = {}) {
    for (const name of options.sheets ?? ['Sheet1']) this.addSheet(name, 'new FakeWorkbook');
    const first = this.sheets[0];
    if (!first) throw new FakeWorkbookError('A workbook needs at least one sheet.');
    this.activeSheetId = first.id;
  }

  get largestBatchBytes(): number {
    return this.batches.reduce((max, b) => Math.max(max, b.bytes), 0);
  }

  /**
   * Makes the n-th sync (1-based, counted over the workbook's life) fail with `error`. The batch
   * is not a transaction, as in Office: operations before index `atOp` (0-based; default 0, so
   * none) are applied, the rest are not, and the sync rejects with `error`.
   */
  failOnSync(n: number, error: Error, options: { atOp?: number } = {}): void {
    this.faults.set(n, { error, atOp: options.atOp ?? 0 });
  }

  /**
   * Co-authoring: `hook` runs between two syncs, just before the n-th sync (1-based, counted over
   * the workbook's life, as failOnSync counts) applies its batch, told n. There it can do what a
   * co-author's edits arriving would do, typically `simulateEdit(..., { source: 'Remote' })`. A
   * batch itself is never interrupted: Excel applies a batch as one request. Syncs made by change
   * handlers while a hook runs do not run the hooks again. Returns a function that removes the hook.
   */
  betweenSyncs(hook: BetweenSyncsHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /** A co-author's edit (a Remote simulateEdit) that arrives just before the n-th sync. */
  remoteEditBeforeSync(n: number, edit: QueuedRemoteEdit): void {
    if (this.remoteEdits.size === 0) {
      const remove = this.betweenSyncs(async (syncNumber) => {
        const due = this.remoteEdits.get(syncNumber) ?? [];
        this.remoteEdits.delete(syncNumber);
        for (const e of due) {
          e.onArrive?.(this.sheetByName(e.sheet) ? this.values(e.sheet, e.address) : undefined);
          await this.simulateEdit(e.sheet, e.address, e.values, { source: 'Remote' });
        }
        if (this.remoteEdits.size === 0) remove();
      });
    }
    this.remoteEdits.set(n, [...(this.remoteEdits.get(n) ?? []), edit]);
  }

  /** Queued remote edits not yet applied (their sync has not come). */
  get pendingRemoteEdits(): number {
    return [...this.remoteEdits.values()].reduce((sum, edits) => sum + edits.length, 0);
  }

  /** @internal for FakeContext: runs the between-syncs hooks before sync n. */
  async beforeSync(n: number): Promise<void> {
    if (this.inHook || this.hooks.size === 0) return;
    this.inHook = true;
    try {
      for (const hook of [...this.hooks]) await hook(n);
    } finally {
      this.inHook = false;
    }
  }

  /** @internal for FakeContext */
  takeFault(n: number): Fault | undefined {
    const fault = this.faults.get(n);
    this.faults.delete(n);
    return fault;
  }

  newObjectId(kind: string): string {
    return `{FAKE-${kind.toUpperCase()}-${this.nextObject++}}`;
  }

  // ------------------------------------------------------------------------------------------
  // Sheets (called while a sync applies operations; errors are Office-shaped)

  sheetByName(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string | undefined, where: string): SheetState {
    let chosen = name;
    while (chosen === undefined) {
      const candidate = `Sheet${this.nextSheet++}`;
      if (!this.sheetByName(candidate)) chosen = candidate;
    }
    checkSheetName(
      chosen,
      this.sheets.map((s) => s.name),
      where,
    );
    const engineId = this.engine.getSheetId(this.engine.addSheet(chosen));
    if (engineId === undefined)
      throw invalidOperation(`The formula engine refused sheet '${chosen}'.`, where);
    const sheet: SheetState = {
      id: this.newObjectId('sheet'),
      engineId,
      name: chosen,
      visibility: 'Visible',
      tabColor: '',
      protection: { protected: false, options: {} },
      freeze: { rows: 0, columns: 0 },
      orientation: 'Portrait',
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      hiddenRows: new Set(),
      formats: [],
      borders: [],
      numberFormats: new Map(),
      validations: [],
      conditionalFormats: [],
      charts: [],
      rowBreaks: new Set(),
      shapes: [],
      names: new Map(),
      refTokens: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string, where: string): void {
    if (name === sheet.name) return;
    checkSheetName(
      name,
      this.sheets.filter((s) => s !== sheet).map((s) => s.name),
      where,
    );
    // The engine rewrites cell formulas and names; the rest of the document is text.
    this.rewriteTexts((text) => renameSheetRefs(text, sheet.name, name));
    this.engine.renameSheet(sheet.engineId, name);
    sheet.name = name;
  }

  /**
   * Applies `rewrite` to every reference held as text outside the engine: conditional-format
   * formulas, data-validation rules and chart sources, on every sheet.
   */
  private rewriteTexts(rewrite: (text: string) => string): void {
    const formulaText = (v: unknown) => (typeof v === 'string' && v.startsWith('=') ? rewrite(v) : v);
    for (const sheet of this.sheets) {
      for (const format of sheet.conditionalFormats) format.formula = rewrite(format.formula);
      for (const chart of sheet.charts) chart.source = rewrite(chart.source);
      sheet.validations.forEach((layer, i) => {
        if (layer.set === 'clear' || !layer.set.rule) return;
        const rule = Object.fromEntries(
          Object.entries(layer.set.rule).map(([kind, body]) => [
            kind,
            Object.fromEntries(Object.entries(body).map(([k, v]) => [k, formulaText(v)])),
          ]),
        );
        sheet.validations[i] = { rect: layer.rect, set: { ...layer.set, rule } };
      });
    }
  }

  /**
   * What Excel does to the rest of the workbook when a sheet is deleted: every reference to it
   * becomes '#REF!' followed by the cell ('=#REF!A1*2'), in cell formulas, defined names,
   * conditional formats, data validation and charts. A sheet added later under the same name is
   * a new sheet: nothing is linked to it again. (The engine alone would keep the text and re-link.)
   */
  private breakReferencesTo(deleted: SheetState): void {
    const engine = this.engine;
    // The engine reads nothing while a batch has calculation suspended; Excel can.
    const suspended = engine.isEvaluationSuspended();
    if (suspended) engine.resumeEvaluation();
    const changes: { sheet: SheetState; row: number; col: number; excel: string }[] = [];
    for (const sheet of this.sheets) {
      if (sheet === deleted) continue;
      engine.getSheetSerialized(sheet.engineId).forEach((line, row) =>
        line.forEach((content, col) => {
          if (typeof content !== 'string' || !content.startsWith('=')) return;
          const tokens = sheet.refTokens.get(cellKey(row, col));
          const excel = deleteSheetRefs(
            tokens ? showDeletedSheetRefs(content, tokens) : content,
            deleted.name,
          );
          if (excel !== undefined) changes.push({ sheet, row, col, excel });
        }),
      );
    }
    engine.batch(() => {
      for (const { sheet, row, col, excel } of changes) {
        const form = engineForm(excel);
        engine.setCellContents({ sheet: sheet.engineId, row, col }, [[form.engine]]);
        sheet.refTokens.set(cellKey(row, col), form.tokens);
      }
    });
    const scopes: [Map<string, NameState>, SheetState | undefined][] = [
      [this.names, undefined],
      ...this.sheets
        .filter((s) => s !== deleted)
        .map((s): [Map<string, NameState>, SheetState] => [s.names, s]),
    ];
    for (const [names, scope] of scopes) {
      for (const state of names.values()) {
        const excel = deleteSheetRefs(this.nameFormula(state, scope), deleted.name);
        if (excel === undefined) continue;
        engine.changeNamedExpression(state.name, engineForm(excel).engine, scope?.engineId);
        state.brokenFormula = excel;
      }
    }
    this.rewriteTexts((text) => deleteSheetRefs(text, deleted.name) ?? text);
    if (suspended) engine.suspendEvaluation();
  }

  private visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: SheetState, where: string): void {
    // d.ts on Worksheet.delete: a very hidden sheet cannot be deleted (InvalidOperation); make it
    // hidden or visible first.
    if (sheet.visibility === 'VeryHidden') {
      throw invalidOperation(`Sheet '${sheet.name}' is very hidden and cannot be deleted.`, where);
    }
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw invalidOperation(`Sheet '${sheet.name}' is the only visible sheet and cannot be deleted.`, where);
    }
    this.breakReferencesTo(sheet);
    this.engine.removeSheet(sheet.engineId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.visibleSheets()[0]?.id ?? '';
  }

  moveSheet(sheet: SheetState, position: number, where: string): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`Position ${position} is outside 0..${this.sheets.length - 1}.`, where);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetState, visibility: SheetState['visibility'], where: string): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) {
      throw invalidArgument(`'${visibility}' is not a visibility (Visible, Hidden or VeryHidden).`, where);
    }
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw invalidOperation(`Sheet '${sheet.name}' is the last visible sheet and cannot be hidden.`, where);
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id)
      this.activeSheetId = this.visibleSheets()[0]?.id ?? '';
  }

  // ------------------------------------------------------------------------------------------
  // Names: kept as engine named expressions so formulas that use them evaluate.

  addName(
    name: string,
    formula: string,
    comment: string,
    scope: SheetState | undefined,
    where: string,
  ): NameState {
    checkDefinedName(name, where);
    const names = scope ? scope.names : this.names;
    if (names.has(name.toLowerCase())) {
      throw new FakeOfficeError('ItemAlreadyExists', `The name '${name}' already exists.`, where);
    }
    const expression = formula.startsWith('=') ? formula : `=${formula}`;
    if (!this.engine.isItPossibleToAddNamedExpression(name, expression, scope?.engineId)) {
      throw invalidArgument(`The name '${name}' cannot refer to '${expression}'.`, where);
    }
    this.engine.addNamedExpression(name, expression, scope?.engineId);
    const state: NameState = { name, comment, visible: true };
    names.set(name.toLowerCase(), state);
    return state;
  }

  deleteName(state: NameState, scope: SheetState | undefined): void {
    this.engine.removeNamedExpression(state.name, scope?.engineId);
    (scope ? scope.names : this.names).delete(state.name.toLowerCase());
  }

  /** The name's formula as the engine keeps it (updated when a sheet is renamed). */
  nameFormula(state: NameState, scope: SheetState | undefined): string {
    if (state.brokenFormula !== undefined) return state.brokenFormula;
    return this.engine.getNamedExpressionFormula(state.name, scope?.engineId) ?? '';
  }

  // ------------------------------------------------------------------------------------------
  // Test helpers: read the state directly, no proxies, no syncs.

  sheet(name: string): SheetState {
    const sheet = this.sheetByName(name);
    if (!sheet)
      throw new FakeWorkbookError(`No sheet named '${name}' (sheets: ${this.sheetNames().join(', ')}).`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private cell(sheetName: string, address: string): { sheet: SheetState; row: number; col: number } {
    const sheet = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    return { sheet, row: rect.top, col: rect.left };
  }

  /** The values of a range, as Office's `values` would give them. */
  values(sheetName: string, address: string): XlCellValue[][] {
    return readValues(this.engine, this.sheet(sheetName), parseAddress(address).rect, 'inspection');
  }

  value(sheetName: string, address: string): XlCellValue {
    const [[value] = []] = this.values(sheetName, address);
    return value ?? '';
  }

  /** Formula text, or the value for a constant. */
  formula(sheetName: string, address: string): XlCellValue {
    const [[formula] = []] = readFormulas(
      this.engine,
      this.sheet(sheetName),
      parseAddress(address).rect,
      'inspection',
    );
    return formula ?? '';
  }

  numberFormat(sheetName: string, address: string): string {
    const { sheet, row, col } = this.cell(sheetName, address);
    return sheet.numberFormats.get(cellKey(row, col)) ?? 'General';
  }

  format(sheetName: string, address: string): CellFormat {
    const { sheet, row, col } = this.cell(sheetName, address);
    return formatAt(sheet, row, col);
  }

  border(sheetName: string, address: string, side: string): BorderState | undefined {
    const { sheet, row, col } = this.cell(sheetName, address);
    return borderAt(sheet, row, col, side);
  }

  validation(sheetName: string, address: string): ValidationState | undefined {
    const { sheet, row, col } = this.cell(sheetName, address);
    return validationAt(sheet, row, col);
  }

  conditionalFormats(sheetName: string): readonly ConditionalFormatState[] {
    return this.sheet(sheetName).conditionalFormats;
  }

  charts(sheetName: string): readonly ChartState[] {
    return this.sheet(sheetName).charts;
  }

  /** Pictures on the sheet, in the order they were added. */
  shapes(sheetName: string): readonly ShapeState[] {
    return this.sheet(sheetName).shapes;
  }

  /**
   * Every place that holds a #REF! (a reference to a deleted sheet or deleted cells), as
   * 'where: text': cell formulas and values, defined names, conditional formats, data-validation
   * rules and chart sources. Empty when nothing in the workbook is broken.
   */
  brokenReferences(): string[] {
    const found: string[] = [];
    const broken = (v: unknown) => typeof v === 'string' && v.includes('#REF!');
    for (const sheet of this.sheets) {
      const used = usedRect(this.engine, sheet, true);
      if (used) {
        const formulas = readFormulas(this.engine, sheet, used, 'inspection');
        const values = readValues(this.engine, sheet, used, 'inspection');
        formulas.forEach((line, r) =>
          line.forEach((formula, c) => {
            const value = values[r]?.[c];
            if (broken(formula) || broken(value)) {
              const at = qualified(sheet.name, {
                top: used.top + r,
                left: used.left + c,
                bottom: used.top + r,
                right: used.left + c,
              });
              found.push(`${at}: ${String(formula)}`);
            }
          }),
        );
      }
      for (const state of sheet.names.values()) {
        const formula = this.nameFormula(state, sheet);
        if (broken(formula)) found.push(`name ${sheet.name}!${state.name}: ${formula}`);
      }
      for (const format of sheet.conditionalFormats) {
        if (broken(format.formula))
          found.push(`conditional format on ${qualified(sheet.name, format.rect)}: ${format.formula}`);
      }
      for (const layer of sheet.validations) {
        const text = layer.set === 'clear' ? '' : JSON.stringify(layer.set.rule ?? {});
        if (broken(text)) found.push(`validation on ${qualified(sheet.name, layer.rect)}: ${text}`);
      }
      for (const chart of sheet.charts) {
        if (broken(chart.source)) found.push(`chart ${sheet.name}!${chart.name}: ${chart.source}`);
      }
    }
    for (const state of this.names.values()) {
      const formula = this.nameFormula(state, undefined);
      if (broken(formula)) found.push(`name ${state.name}: ${formula}`);
    }
    return found;
  }

  /** Workbook-scoped names with their current formulas. */
  nameList(): { name: string; formula: string; comment: string }[] {
    return [...this.names.values()].map((n) => ({
      name: n.name,
      formula: this.nameFormula(n, undefined),
      comment: n.comment,
    }));
  }

  columnWidth(sheetName: string, column: number): number | undefined {
    return this.sheet(sheetName).columnWidths.get(column);
  }

  /**
   * A user's edit or paste: writes the cells (data validation does not stop it, as a paste is not
   * stopped in Excel; protection does), then fires onChanged like Excel, with before/after values
   * only for a single cell. Resolves when the handlers have run; rejects if one failed. With
   * `{ source: 'Remote' }` it is a co-author's edit arriving: the event says so, as Excel's does.
   */
  async simulateEdit(
    sheetName: string,
    address: string,
    values: XlCellValue[][],
    options: { readonly source?: 'Local' | 'Remote' } = {},
  ): Promise<void> {
    const sheet = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    const single = rowsOf(rect) === 1 && columnsOf(rect) === 1;
    const before = single ? this.value(sheetName, address) : undefined;
    writeContents(this.engine, sheet, rect, values, 'values', `simulateEdit(${qualified(sheet.name, rect)})`);
    this.events.emit(
      sheet.id,
      rect,
      before === undefined ? undefined : { before, after: this.value(sheetName, address) },
      'RangeEdited',
      options.source ?? 'Local',
    );
    await this.events.settled();
  }

  /**
   * A user inserting (or deleting) whole rows or columns, e.g. '5:6' or 'C:C': everything below
   * or to the right moves as in Excel (see lines.ts), then onChanged fires with RowInserted,
   * RowDeleted, ColumnInserted or ColumnDeleted and the lines' address. Protection stops it.
   */
  async simulateLineEdit(sheetName: string, address: string, action: 'insert' | 'delete'): Promise<void> {
    const sheet = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    const where = `simulateLineEdit(${qualified(sheet.name, rect)}, ${action})`;
    if (sheet.protection.protected)
      throw new FakeOfficeError('AccessDenied', `Sheet '${sheet.name}' is protected.`, where);
    const changeType = editWholeLines(this, sheet, rect, action, where);
    this.events.emit(sheet.id, rect, undefined, changeType);
    await this.events.settled();
  }

  /** Waits for change handlers started by syncs or edits; rejects if one failed. */
  eventsSettled(): Promise<void> {
    return this.events.settled();
  }
}

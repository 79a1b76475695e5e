/**
 * Change events. Handlers run after the change, outside the batch that caused it, like Excel's:
 * never inside a sync. Their promises are tracked so tests can wait for them and see failures.
 */
import type {
  XlCellValue,
  XlChangedEventDetail,
  XlDataChangeType,
  XlWorksheetChangedEventArgs,
} from '../../../src/excel/api';
import { formatRect, type Rect } from './a1';

export type ChangeHandler = (args: XlWorksheetChangedEventArgs) => Promise<unknown>;

interface Registration {
  /** undefined: a workbook-level handler (worksheets.onChanged) that hears every sheet. */
  readonly sheetId?: string;
  readonly handler: ChangeHandler;
}

export class HandlerFailedError extends AggregateError {
  override readonly name = 'HandlerFailedError';
}

const valueType = (v: XlCellValue): string =>
  v === ''
    ? 'Empty'
    : typeof v === 'number'
      ? 'Double'
      : typeof v === 'boolean'
        ? 'Boolean'
        : /^#[A-Z/0!?]+[!?A]?$/.test(v)
          ? 'Error'
          : 'String';

export class ChangeEvents {
  private readonly registrations = new Set<Registration>();
  private pending: Promise<unknown>[] = [];
  private failures: unknown[] = [];

  add(handler: ChangeHandler, sheetId?: string): () => void {
    const registration: Registration = sheetId === undefined ? { handler } : { sheetId, handler };
    this.registrations.add(registration);
    return () => this.registrations.delete(registration);
  }

  get count(): number {
    return this.registrations.size;
  }

  /**
   * Tells the handlers about a change to `rect` on a sheet. `single` carries the before/after
   * values, which Excel gives only when exactly one cell changed. `source` is 'Remote' for a
   * co-author's change (Excel's event source when another user's edit arrives), 'Local' otherwise.
   */
  emit(
    sheetId: string,
    rect: Rect,
    single?: { before: XlCellValue; after: XlCellValue },
    changeType: XlDataChangeType = 'RangeEdited',
    source: 'Local' | 'Remote' = 'Local',
  ): void {
    const details: (XlChangedEventDetail & Record<string, unknown>) | undefined = single && {
      valueBefore: single.before,
      valueAfter: single.after,
      valueTypeBefore: valueType(single.before),
      valueTypeAfter: valueType(single.after),
    };
    const base = {
      address: formatRect(rect),
      changeType,
      source,
      type: 'WorksheetChanged',
      worksheetId: sheetId,
    } as const;
    const args: XlWorksheetChangedEventArgs = details ? { ...base, details } : base;
    for (const { sheetId: only, handler } of this.registrations) {
      if (only !== undefined && only !== sheetId) continue;
      this.pending.push(
        Promise.resolve()
          .then(() => handler(args))
          .catch((error: unknown) => {
            this.failures.push(error);
          }),
      );
    }
  }

  /** Resolves when every handler run so far (and any they caused) has finished; rejects if one failed. */
  async settled(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await Promise.all(batch);
    }
    const failures = this.failures;
    this.failures = [];
    if (failures.length > 0)
      throw new HandlerFailedError(failures, `${failures.length} change handler(s) failed.`);
  }
}

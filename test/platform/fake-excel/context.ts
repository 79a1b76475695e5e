/**
 * FakeContext: the request context. It queues operations and applies them in order at sync,
 * counting syncs and measuring each batch (see BatchRecord in workbook.ts for the measure).
 */
import type { XlContext } from '../../../src/excel/api';
import { FakeOfficeError } from './errors';
import { FakeApplication } from './objects/application';
import { FakeWorkbookProxy } from './objects/workbook';
import type { BatchRecord, FakeWorkbook } from './workbook';
import { newestSet, operationSet } from './apiSets';
import { versionAtLeast } from './versions';

export interface QueuedOp {
  readonly path: string;
  readonly action: string;
  readonly args: unknown;
  /** The ExcelApi requirement set the operation needs; newer than the host's: ApiNotFound. */
  readonly since?: string;
  /**
   * The Excel type of the object ('Worksheet'): the member's set is then also looked up in the
   * table generated from @types/office-js (apiSets.ts), and the newer of the two applies.
   */
  readonly type?: string;
  /** Queued by Office itself (an object's instantiation), not by the add-in: not in `ops`. */
  readonly implicit?: boolean;
  readonly apply: () => void;
}

export { versionAtLeast };

export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  private queue: QueuedOp[] = [];
  private current?: BatchRecord;
  private closed = false;
  /** Set by suspendApiCalculationUntilNextSync; the engine resumes when the sync ends. */
  suspendCalculation = false;

  constructor(
    readonly document: FakeWorkbook,
    /** Highest ExcelApi set the simulated host supports. */
    readonly apiVersion = '1.9',
    /** Office.context.platform of the simulated host: some APIs differ by host beyond their set. */
    readonly platform: 'PC' | 'Mac' | 'OfficeOnline' | 'iOS' = 'PC',
  ) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = this.workbook.application;
  }

  enqueue(op: QueuedOp): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'This object belongs to a finished Excel.run and can no longer be used.',
        op.path,
      );
    }
    this.queue.push(op);
  }

  countResponse(value: unknown): void {
    if (this.current) this.current.responseBytes += Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  }

  /** Operations queued and not yet synced. */
  get pendingOps(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError('InvalidObjectPath', 'sync() on a context whose Excel.run has finished.');
    const doc = this.document;
    // Co-authors' edits arrive between batches, never inside one (workbook.betweenSyncs).
    await doc.beforeSync(doc.syncCount + 1);
    const ops = this.queue;
    this.queue = [];
    const n = ++doc.syncCount;
    const explicit = ops.filter((op) => !op.implicit);
    const payload = explicit.map(({ path, action, args }) => ({ path, action, args }));
    const record: BatchRecord = {
      ops: explicit.length,
      bytes: Buffer.byteLength(JSON.stringify(payload), 'utf8'),
      responseBytes: 0,
    };
    doc.batches.push(record);
    if (doc.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, doc.latencyMs));
    const fault = doc.takeFault(n);
    this.current = record;
    try {
      let index = 0;
      ops.forEach((op) => {
        // A fault's position counts the add-in's operations only, as `ops` does.
        if (!op.implicit) {
          if (fault && index === fault.atOp) throw fault.error;
          index += 1;
        }
        const needed = newestSet(op.since, op.type ? operationSet(op.type, op.action, op.args) : undefined);
        if (needed && !versionAtLeast(this.apiVersion, needed)) {
          throw new FakeOfficeError(
            'ApiNotFound',
            `'${op.type ? `${op.type}.` : ''}${op.action}' needs ExcelApi ${needed}; this host has ${this.apiVersion}.`,
            op.path,
          );
        }
        // Excel can read in a suspended batch; the engine cannot, so a load resumes it.
        if (op.action === 'load' && this.suspendCalculation) this.resumeCalculation();
        op.apply();
      });
      if (fault) throw fault.error;
    } finally {
      this.current = undefined;
      if (this.suspendCalculation) this.resumeCalculation();
    }
  }

  private resumeCalculation(): void {
    this.suspendCalculation = false;
    this.document.engine.resumeEvaluation();
  }

  /** Called when the Excel.run that owns the context ends; later use throws InvalidObjectPath. */
  close(): void {
    this.closed = true;
  }
}

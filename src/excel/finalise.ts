/**
 * "Finalise this assessment" and "Reopen": three syncs each (two to read, signOffRead.ts, one to
 * write), decided in between by pure code (src/workbook/signOff/decide.ts). A refusal writes
 * nothing. Finalising records the approval (Sign-off record, Start's Approval block, the meta
 * sheet), keeps an `Approved` snapshot of every response, locks the input cells of the area
 * sheets and the Start sheet (each protected, without a password, as the add-in always does) and
 * writes the finalised line on every sheet of the add-in's. Reopening records who and why, unlocks
 * the input cells again and takes the lines away.
 */
import type { ExcelGateway } from './api';
import { queueSavedWrite } from './savedResponsesWrite';
import { readForSignOff, type SignOffLoaded } from './signOffRead';
import { SheetWrites, queueInputLocks, queueLines, queueRecordEntry, queueSignOffMeta } from './signOffWrite';
import { excelSerialOf, type CalendarDate, type CheckOptions, type Framework } from '../domain';
import type { BuiltPlan } from '../workbook/buildPlan';
import { START_SHEET } from '../workbook/layout';
import { signOffMetaRows } from '../workbook/metaBlock';
import type { ApprovalInput } from '../workbook/signOff/approval';
import {
  assessSignOff,
  decideFinalise,
  decideReopen,
  type SignOffReadData,
  type SignOffRefusal,
  type SignOffStatus,
} from '../workbook/signOff/decide';
import type { Acceptance } from '../workbook/signOff/readiness';
import { approvalBlockCells, approvalBlockPlace } from '../workbook/signOff/startBlock';
import { SAVED_RESPONSES_SHEET } from '../workbook/sheets/savedResponses';
import { approvalWords, type SignOffState } from '../workbook/sheets/signOffRecord';
import { BOARD_SHEET } from '../workbook/sheets/board';
import { BOARD_LINE } from '../workbook/signOff/lines';
import { actualSheetName } from './inspect';

export interface FinaliseRequest {
  readonly approval: ApprovalInput;
  readonly acceptance: Acceptance;
  readonly today: CalendarDate;
}

export type SignOffOutcome =
  | {
      readonly status: 'done';
      readonly state: Exclude<SignOffState, { status: 'open' }>;
      /** Sheets that show (or no longer show) the finalised line. */
      readonly lines: readonly string[];
      /** Sheets whose line cell held something else, left as it was. */
      readonly skipped: readonly string[];
    }
  | SignOffRefusal;

const pure = (loaded: SignOffLoaded): SignOffReadData => ({
  snapshot: loaded.snapshot,
  saved: loaded.saved?.read ?? null,
  record: loaded.record?.read ?? null,
});

/** The sign-off state and what finalising would need, read in two syncs; changes nothing. */
export function signOffStatus(
  gateway: ExcelGateway,
  framework: Framework,
  built: BuiltPlan,
  options: CheckOptions,
): Promise<SignOffStatus | SignOffRefusal> {
  return gateway.run(async (ctx) =>
    assessSignOff(framework, built, pure(await readForSignOff(ctx, framework)), options),
  );
}

export function finaliseAssessment(
  gateway: ExcelGateway,
  framework: Framework,
  built: BuiltPlan,
  request: FinaliseRequest,
  options: CheckOptions,
): Promise<SignOffOutcome> {
  return gateway.run(async (ctx) => {
    const loaded = await readForSignOff(ctx, framework);
    const decision = decideFinalise(framework, built, pure(loaded), request, options);
    if (decision.status === 'refused') return decision;
    const state = { status: 'finalised', finalised: decision.entry } as const;
    const who = {
      organisation: String(loaded.snapshot.start?.organisation ?? ''),
      period: String(loaded.snapshot.start?.period ?? ''),
    };
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    // Rewritten in place with its own protection cycle, the line in its own plan.
    queueSavedWrite(ctx, loaded.saved, decision.snapshots, who, decision.line);
    const writes = new SheetWrites(ctx, loaded.protectedSheets);
    queueApproval(writes, loaded, framework, state);
    queueInputLocks(writes, loaded, framework, true);
    const lines = queueLines(writes, loaded, decision.line, [SAVED_RESPONSES_SHEET]);
    queueRecordEntry(ctx, writes, loaded, decision.entry, decision.line);
    writes.flush();
    await ctx.sync();
    return {
      status: 'done',
      state,
      lines: [...lines.written, SAVED_RESPONSES_SHEET],
      skipped: lines.skipped,
    };
  });
}

export function reopenAssessment(
  gateway: ExcelGateway,
  framework: Framework,
  request: { readonly by: string; readonly reason: string; readonly today: CalendarDate },
): Promise<SignOffOutcome> {
  return gateway.run(async (ctx) => {
    const loaded = await readForSignOff(ctx, framework);
    const decision = decideReopen(loaded.record?.read ?? null, request);
    if (decision.status === 'refused') return decision;
    const writes = new SheetWrites(ctx, loaded.protectedSheets);
    queueApproval(writes, loaded, framework, decision.state);
    queueInputLocks(writes, loaded, framework, false);
    const lines = queueLines(writes, loaded, null);
    // The board says which version was approved and why it was reopened, until it is refreshed.
    const board = actualSheetName(loaded.sheetNames, BOARD_SHEET);
    const words = approvalWords(decision.state);
    if (board !== undefined && words !== null) writes.cells(board, BOARD_LINE, [[words]]);
    queueRecordEntry(ctx, writes, loaded, decision.entry, null);
    writes.flush();
    await ctx.sync();
    return { status: 'done', state: decision.state, lines: lines.written, skipped: [] };
  });
}

/** The Start sheet's Approval block and the meta sheet's sign-off keys, for the new state. */
function queueApproval(
  writes: SheetWrites,
  loaded: SignOffLoaded,
  framework: Framework,
  state: Exclude<SignOffState, { status: 'open' }>,
): void {
  const place = approvalBlockPlace(framework);
  writes.cells(START_SHEET, place.top, approvalBlockCells(state));
  writes.on(START_SHEET, (sheet) => {
    sheet.getRange(place.top).format.font.bold = true;
    sheet.getRange(place.dateCell).numberFormat = [['dd/mm/yyyy']];
  });
  const { approval } = state.finalised;
  queueSignOffMeta(
    writes,
    loaded,
    signOffMetaRows({
      signOffState: state.status,
      approvedBy: approval.approvedBy,
      approvalBody: approval.body,
      approvalDate: excelSerialOf(approval.date),
      minuteReference: approval.minute,
      acceptedProblems: state.finalised.accepted,
      finalisedOn: excelSerialOf(state.finalised.recordedOn),
      ...(state.status === 'reopened'
        ? {
            reopenedOn: excelSerialOf(state.reopened.recordedOn),
            reopenedBy: state.reopened.by,
            reopenReason: state.reopened.reason,
          }
        : {}),
    }),
  );
}

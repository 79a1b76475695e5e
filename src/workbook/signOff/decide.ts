/**
 * Finalising and reopening decided on what was read, before anything is written: a refusal (with
 * every reason, naming fields and cells) changes nothing; a decision says exactly what to write.
 */
import {
  formatDate,
  refuse,
  type CalendarDate,
  type CheckOptions,
  type Framework,
  type Refusal,
} from '../../domain';
import { auditWorkbook, type Audit } from '../audit';
import type { BuiltPlan } from '../buildPlan';
import { parseMeta } from '../metaBlock';
import { responsesOf, type WorkbookSnapshot } from '../snapshot';
import { savedSnapshotOf, type SavedRead, type SavedSnapshot } from '../sheets/savedResponses';
import {
  signOffStateOf,
  type FinalisedEntry,
  type ReopenedEntry,
  type SignOffRead,
  type SignOffState,
} from '../sheets/signOffRecord';
import { finalisedLine, readApproval, type ApprovalInput, type ApprovalProblems } from './approval';
import { acceptedRecord, readinessOf, unacceptedOf, type Acceptance, type Readiness } from './readiness';

/** What was read, as plain data. */
export interface SignOffReadData {
  readonly snapshot: WorkbookSnapshot;
  readonly saved: SavedRead | null;
  readonly record: SignOffRead | null;
}

export type SignOffRefusalReason =
  | 'not-an-assessment'
  | 'damaged-record'
  | 'other-framework'
  | 'unreadable-record'
  | 'approval-incomplete'
  | 'already-finalised'
  | 'not-finalised'
  | 'cannot-judge'
  | 'not-accepted'
  | 'reopen-incomplete';

/** A refusal (nothing was written), with a message per approval field the officer must correct. */
export type SignOffRefusal = Refusal<SignOffRefusalReason> & { readonly fields?: ApprovalProblems };

const refused = (
  reason: SignOffRefusalReason,
  message: string,
  details: readonly string[] = [],
  fields?: ApprovalProblems,
): SignOffRefusal => ({ ...refuse(reason, message, details), ...(fields ? { fields } : {}) });

/** Where the workbook stands: its sign-off state, and (once checked) what finalising would need. */
export interface SignOffStatus {
  readonly status: 'assessed';
  readonly state: SignOffState;
  readonly audit: Audit;
  /** What must be fixed or accepted, or why it cannot be finalised at all. */
  readonly readiness: Readiness | { readonly blocked: string };
}

/** The sign-off state and readiness, or why the workbook cannot be signed off here at all. */
export function assessSignOff(
  framework: Framework,
  built: BuiltPlan,
  read: SignOffReadData,
  options: CheckOptions,
): SignOffStatus | SignOffRefusal {
  const { snapshot } = read;
  if (!snapshot.meta)
    return refused(
      'not-an-assessment',
      'This workbook has no assessment made by this add-in. Nothing was changed.',
    );
  const parsed = parseMeta(snapshot.meta);
  if (!parsed.ok)
    return refused('damaged-record', "The add-in's record of this workbook is damaged.", parsed.problems);
  const { meta } = parsed;
  if (meta.frameworkId !== framework.id || meta.frameworkVersion !== framework.version) {
    return refused(
      'other-framework',
      `This workbook uses ${meta.frameworkTitle} (${meta.frameworkId} version ${meta.frameworkVersion}), not ${framework.title} (version ${framework.version}). Nothing was changed.`,
    );
  }
  const unreadable = [...(read.record?.problems ?? []), ...(read.saved?.problems ?? [])];
  if (unreadable.length > 0) {
    return refused(
      'unreadable-record',
      'The sign-off record or the saved responses cannot be read as they stand, so nothing was changed: fix the cells named below.',
      unreadable,
    );
  }
  const audit = auditWorkbook(framework, built, snapshot, options);
  return {
    status: 'assessed',
    state: signOffStateOf(read.record?.entries ?? []),
    audit,
    readiness: readinessOf(framework, audit),
  };
}

export interface FinaliseDecision {
  readonly status: 'finalise';
  readonly entry: FinalisedEntry;
  readonly approved: SavedSnapshot;
  /** Every snapshot the Saved responses sheet will hold. */
  readonly snapshots: readonly SavedSnapshot[];
  readonly line: string;
  readonly readiness: Readiness;
}

export function decideFinalise(
  framework: Framework,
  built: BuiltPlan,
  read: SignOffReadData,
  input: { readonly approval: ApprovalInput; readonly acceptance: Acceptance; readonly today: CalendarDate },
  options: CheckOptions,
): FinaliseDecision | SignOffRefusal {
  const typed = readApproval(input.approval, input.today);
  if ('problems' in typed) {
    return refused(
      'approval-incomplete',
      'The approval is not complete, so nothing was changed.',
      Object.values(typed.problems),
      typed.problems,
    );
  }
  const status = assessSignOff(framework, built, read, options);
  if (status.status === 'refused') return status;
  if (status.state.status === 'finalised') {
    return refused(
      'already-finalised',
      `This assessment was already finalised on ${formatDate(status.state.finalised.recordedOn)}. Reopen it first to finalise it again. Nothing was changed.`,
    );
  }
  const { readiness } = status;
  if ('blocked' in readiness) return refused('cannot-judge', `${readiness.blocked} Nothing was changed.`);
  const open = unacceptedOf(readiness, input.acceptance);
  if (open.length > 0) {
    return refused(
      'not-accepted',
      'Each problem below must be fixed or accepted before finalising. Nothing was changed.',
      open,
    );
  }
  const result = status.audit.result;
  if (result === null) return refused('cannot-judge', 'The settings cannot be read. Nothing was changed.');
  const approved = savedSnapshotOf(
    framework,
    responsesOf(framework, read.snapshot),
    result,
    'Approved',
    input.today,
  );
  const accepted = acceptedRecord(readiness);
  const entry: FinalisedEntry = {
    action: 'Finalised',
    recordedOn: input.today,
    approval: typed.approval,
    accepted: accepted.count,
    acceptedList: accepted.list,
  };
  const kept = (read.saved?.snapshots ?? []).filter(
    (s) => !(s.kind === 'Approved' && formatDate(s.date) === formatDate(input.today)),
  );
  return {
    status: 'finalise',
    entry,
    approved,
    snapshots: [...kept, approved],
    line: finalisedLine(typed.approval, input.today),
    readiness,
  };
}

export interface ReopenDecision {
  readonly status: 'reopen';
  readonly entry: ReopenedEntry;
  readonly state: Extract<SignOffState, { status: 'reopened' }>;
}

/** Reopening: only a finalised workbook, with who reopens it and a reason, both required. */
export function decideReopen(
  record: SignOffRead | null,
  input: { readonly by: string; readonly reason: string; readonly today: CalendarDate },
): ReopenDecision | SignOffRefusal {
  if (record && record.problems.length > 0) {
    return refused(
      'unreadable-record',
      'The sign-off record cannot be read as it stands, so nothing was changed.',
      record.problems,
    );
  }
  const state = signOffStateOf(record?.entries ?? []);
  if (state.status !== 'finalised') {
    return refused(
      'not-finalised',
      'This assessment is not finalised, so there is nothing to reopen. Nothing was changed.',
    );
  }
  const by = input.by.trim().replace(/\s+/gu, ' ');
  const reason = input.reason.trim().replace(/\s+/gu, ' ');
  const problems: string[] = [];
  if (by === '') problems.push('Reopened by is needed: type your name.');
  if (reason === '') problems.push('Reason is needed: say why the approved assessment is being changed.');
  if (problems.length > 0)
    return refused(
      'reopen-incomplete',
      'Reopening needs your name and a reason. Nothing was changed.',
      problems,
    );
  const entry: ReopenedEntry = { action: 'Reopened', recordedOn: input.today, by, reason };
  return {
    status: 'reopen',
    entry,
    state: { status: 'reopened', finalised: state.finalised, reopened: entry },
  };
}

/**
 * The approval an officer records when finalising: who approved the assessment, which body, on
 * what day and under which minute. Typed by the officer in the pane and read here, each field with
 * a message naming it; and the words every sheet and the board report use for it.
 */
import { compareDates, formatDate, readDate, type CalendarDate } from '../../domain';

export interface Approval {
  readonly approvedBy: string;
  /** The body that approved it, e.g. "Board". */
  readonly body: string;
  readonly date: CalendarDate;
  readonly minute: string;
}

/** What the officer typed, as typed. */
export interface ApprovalInput {
  readonly approvedBy: string;
  readonly body: string;
  readonly date: string;
  readonly minute: string;
}

export type ApprovalField = keyof ApprovalInput;

export const APPROVAL_LABELS: Readonly<Record<ApprovalField, string>> = {
  approvedBy: 'Approved by',
  body: 'Approving body',
  date: 'Date of approval',
  minute: 'Minute reference',
};

/** Longest a field may be: it is written into cells and a one-line sentence on every sheet. */
export const APPROVAL_MAX_LENGTH = 200;

export type ApprovalProblems = Partial<Record<ApprovalField, string>>;

/**
 * The approval the officer typed, or a message per field that is not usable. The date is a real
 * day (31/03/2027 or 2027-03-31) and not after today: an approval cannot be recorded before the
 * meeting.
 */
export function readApproval(
  input: ApprovalInput,
  today: CalendarDate,
): { readonly approval: Approval } | { readonly problems: ApprovalProblems } {
  const problems: ApprovalProblems = {};
  const text = (field: Exclude<ApprovalField, 'date'>, example: string): string => {
    const value = input[field].trim().replace(/\s+/gu, ' ');
    if (value === '') problems[field] = `${APPROVAL_LABELS[field]} is needed: type ${example}.`;
    else if (value.length > APPROVAL_MAX_LENGTH) {
      problems[field] =
        `${APPROVAL_LABELS[field]} is ${value.length} characters long; keep it to ${APPROVAL_MAX_LENGTH}.`;
    }
    return value;
  };
  const approvedBy = text('approvedBy', 'the name of the person who approved it, such as the Chair');
  const body = text('body', 'the body that approved it, such as Board');
  const minute = text('minute', 'the reference of the minute that records the approval, such as 2026/45');
  const read = readDate(input.date.trim());
  let date: CalendarDate | null = null;
  if (read.kind === 'blank')
    problems.date = `${APPROVAL_LABELS.date} is needed: type the day, such as 31/03/2027.`;
  else if (read.kind === 'invalid') {
    problems.date = `${APPROVAL_LABELS.date} should be a day such as 31/03/2027; "${input.date.trim()}" is not one.`;
  } else if (compareDates(read.date, today) > 0) {
    problems.date = `${APPROVAL_LABELS.date} is ${formatDate(read.date)}, after today (${formatDate(today)}): record an approval once it has been given.`;
  } else date = read.date;
  if (Object.keys(problems).length > 0 || date === null) return { problems };
  return { approval: { approvedBy, body, date, minute } };
}

/** How every finalised line starts: how the add-in knows a line of its own when it removes it. */
export const FINALISED_PREFIX = 'Finalised on ';

/** The plain line on every sheet of a finalised workbook. */
export function finalisedLine(approval: Approval, finalisedOn: CalendarDate): string {
  return `${FINALISED_PREFIX}${formatDate(finalisedOn)}: approved by ${approval.approvedBy} (${approval.body}, minute ${approval.minute}). Reopen from the add-in to change it.`;
}

/** How the board's line starts once the workbook is reopened (sheets/signOffRecord.ts approvalWords). */
export const REOPENED_PREFIX = 'Approved version: ';

/** True for a cell the add-in wrote as a sign-off line: finalised, or (on the board) reopened. */
export function isFinalisedLine(value: unknown): boolean {
  return (
    typeof value === 'string' && (value.startsWith(FINALISED_PREFIX) || value.startsWith(REOPENED_PREFIX))
  );
}

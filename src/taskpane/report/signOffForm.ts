/**
 * The sign-off forms' state, as one pure reducer: the four approval fields, what the officer
 * accepted (each error, all errors at once, the unanswered and the unevidenced criteria), and the
 * reopen form's name and reason, with a message per field from the last attempt.
 */
import { readApproval, type ApprovalField, type ApprovalInput } from '../../workbook/signOff/approval';
import type { Acceptance, Readiness } from '../../workbook/signOff/readiness';
import type { CalendarDate } from '../../domain/index';

export type ReopenField = 'by' | 'reason';
export type SignOffField = ApprovalField | ReopenField;

export interface SignOffFormState {
  readonly approval: ApprovalInput;
  readonly reopen: Readonly<Record<ReopenField, string>>;
  /** Keys of the errors accepted one by one. */
  readonly acceptedErrors: readonly string[];
  /** "I accept these N errors": every listed error at once. */
  readonly acceptAllErrors: boolean;
  readonly acceptUnanswered: boolean;
  readonly acceptWithoutEvidence: boolean;
  readonly fieldErrors: Partial<Record<SignOffField, string>>;
}

export type SignOffFormAction =
  | { readonly type: 'typed'; readonly field: SignOffField; readonly value: string }
  | { readonly type: 'errorToggled'; readonly key: string }
  | { readonly type: 'allErrorsToggled' }
  | { readonly type: 'unansweredToggled' }
  | { readonly type: 'withoutEvidenceToggled' }
  | { readonly type: 'checked'; readonly fieldErrors: Partial<Record<SignOffField, string>> }
  /** A fresh check: what was accepted before is asked again, as the list may have changed. */
  | { readonly type: 'assessed' };

export const INITIAL_SIGN_OFF_FORM: SignOffFormState = {
  approval: { approvedBy: '', body: '', date: '', minute: '' },
  reopen: { by: '', reason: '' },
  acceptedErrors: [],
  acceptAllErrors: false,
  acceptUnanswered: false,
  acceptWithoutEvidence: false,
  fieldErrors: {},
};

const isReopenField = (field: SignOffField): field is ReopenField => field === 'by' || field === 'reason';

export function signOffFormReducer(state: SignOffFormState, action: SignOffFormAction): SignOffFormState {
  switch (action.type) {
    case 'typed': {
      const { [action.field]: _cleared, ...fieldErrors } = state.fieldErrors;
      return isReopenField(action.field)
        ? { ...state, reopen: { ...state.reopen, [action.field]: action.value }, fieldErrors }
        : { ...state, approval: { ...state.approval, [action.field]: action.value }, fieldErrors };
    }
    case 'errorToggled': {
      const on = state.acceptedErrors.includes(action.key);
      return {
        ...state,
        acceptedErrors: on
          ? state.acceptedErrors.filter((k) => k !== action.key)
          : [...state.acceptedErrors, action.key],
      };
    }
    case 'allErrorsToggled':
      return { ...state, acceptAllErrors: !state.acceptAllErrors };
    case 'unansweredToggled':
      return { ...state, acceptUnanswered: !state.acceptUnanswered };
    case 'withoutEvidenceToggled':
      return { ...state, acceptWithoutEvidence: !state.acceptWithoutEvidence };
    case 'checked':
      return { ...state, fieldErrors: action.fieldErrors };
    case 'assessed':
      return {
        ...state,
        acceptedErrors: [],
        acceptAllErrors: false,
        acceptUnanswered: false,
        acceptWithoutEvidence: false,
      };
  }
}

/** What the officer accepted, for the errors listed now. */
export function acceptanceOf(state: SignOffFormState, readiness: Readiness): Acceptance {
  const listed = readiness.errors.map((p) => p.key);
  return {
    errors: state.acceptAllErrors ? listed : listed.filter((k) => state.acceptedErrors.includes(k)),
    unanswered: state.acceptUnanswered,
    withoutEvidence: state.acceptWithoutEvidence,
  };
}

/** The approval's field messages before anything is sent to Excel (none when it is complete). */
export function approvalFieldErrors(
  state: SignOffFormState,
  today: CalendarDate,
): Partial<Record<SignOffField, string>> {
  const read = readApproval(state.approval, today);
  return 'problems' in read ? read.problems : {};
}

/** The reopen form's field messages: both are required. */
export function reopenFieldErrors(state: SignOffFormState): Partial<Record<SignOffField, string>> {
  const errors: Partial<Record<SignOffField, string>> = {};
  if (state.reopen.by.trim() === '') errors.by = 'Reopened by is needed: type your name.';
  if (state.reopen.reason.trim() === '') {
    errors.reason = 'Reason is needed: say why the approved assessment is being changed.';
  }
  return errors;
}

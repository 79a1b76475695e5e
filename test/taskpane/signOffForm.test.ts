/** The sign-off forms' reducer: typing clears that field's message, ticks build the acceptance. */
import {
  INITIAL_SIGN_OFF_FORM,
  acceptanceOf,
  approvalFieldErrors,
  reopenFieldErrors,
  signOffFormReducer as reduce,
} from '../../src/taskpane/report/signOffForm';
import type { Readiness } from '../../src/workbook/signOff/readiness';

const problem = (key: string) => ({
  key,
  ruleId: 'rating-invalid' as const,
  severity: 'error' as const,
  message: key,
});
const READINESS: Readiness = { errors: [problem('a'), problem('b')], unanswered: [], withoutEvidence: [] };
const TODAY = { year: 2026, month: 12, day: 3 };

it('clears a field message when the field is typed in, and only that one', () => {
  const checked = reduce(INITIAL_SIGN_OFF_FORM, {
    type: 'checked',
    fieldErrors: approvalFieldErrors(INITIAL_SIGN_OFF_FORM, TODAY),
  });
  expect(Object.keys(checked.fieldErrors).sort()).toEqual(['approvedBy', 'body', 'date', 'minute']);
  const typed = reduce(checked, { type: 'typed', field: 'body', value: 'Board' });
  expect(typed.approval.body).toBe('Board');
  expect(Object.keys(typed.fieldErrors).sort()).toEqual(['approvedBy', 'date', 'minute']);
  expect(reduce(typed, { type: 'typed', field: 'reason', value: 'x' }).reopen.reason).toBe('x');
});

it('accepts errors one by one or all at once, and asks again after a fresh check', () => {
  const one = reduce(INITIAL_SIGN_OFF_FORM, { type: 'errorToggled', key: 'b' });
  expect(acceptanceOf(one, READINESS)).toEqual({ errors: ['b'], unanswered: false, withoutEvidence: false });
  expect(acceptanceOf(reduce(one, { type: 'errorToggled', key: 'b' }), READINESS).errors).toEqual([]);
  // A key no longer listed is not sent: only errors found now can be accepted.
  const stale = reduce(one, { type: 'errorToggled', key: 'gone' });
  expect(acceptanceOf(stale, READINESS).errors).toEqual(['b']);
  const all = reduce(reduce(one, { type: 'allErrorsToggled' }), { type: 'unansweredToggled' });
  expect(acceptanceOf(all, READINESS)).toEqual({
    errors: ['a', 'b'],
    unanswered: true,
    withoutEvidence: false,
  });
  expect(acceptanceOf(reduce(all, { type: 'assessed' }), READINESS)).toEqual({
    errors: [],
    unanswered: false,
    withoutEvidence: false,
  });
});

it('needs a name and a reason to reopen', () => {
  expect(Object.keys(reopenFieldErrors(INITIAL_SIGN_OFF_FORM)).sort()).toEqual(['by', 'reason']);
  const filled = reduce(reduce(INITIAL_SIGN_OFF_FORM, { type: 'typed', field: 'by', value: 'Sam' }), {
    type: 'typed',
    field: 'reason',
    value: 'corrections',
  });
  expect(reopenFieldErrors(filled)).toEqual({});
});

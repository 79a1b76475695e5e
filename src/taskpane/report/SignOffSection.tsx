/**
 * Sign-off, in the Board report view: "Finalise this assessment" runs the full Check first and
 * lists what must be fixed or accepted (each error, or all at once; the unanswered criteria; the
 * met criteria without evidence), then records the approval the officer types. "Reopen" asks who
 * and why. Every refusal is shown with its reasons; nothing is changed by one.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
  Body1,
} from '@fluentui/react-components';
import { useMemo, useReducer, useState } from 'react';
import { calendarDateOf, type Framework } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import {
  finaliseAssessment,
  reopenAssessment,
  signOffStatus,
  type SignOffOutcome,
} from '../../excel/finalise';
import { buildPlan } from '../../workbook/buildPlan';
import { APPROVAL_LABELS, type ApprovalField } from '../../workbook/signOff/approval';
import type { SignOffRefusal, SignOffStatus } from '../../workbook/signOff/decide';
import type { Readiness } from '../../workbook/signOff/readiness';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';
import { planSettingsOf } from '../views/workbookSettings';
import {
  INITIAL_SIGN_OFF_FORM,
  acceptanceOf,
  approvalFieldErrors,
  reopenFieldErrors,
  signOffFormReducer,
  type SignOffFormAction,
  type SignOffFormState,
} from './signOffForm';
import { AcceptanceLists } from './AcceptanceLists';

export interface SignOffSectionProps {
  readonly gateway: ExcelGateway;
  readonly framework: Framework;
  readonly today: () => Date;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Shown = { kind: 'finalise'; status: SignOffStatus } | { kind: 'reopen' } | { kind: 'none' };

export function SignOffSection({ gateway, framework, today }: SignOffSectionProps) {
  const styles = useStyles();
  const [form, dispatch] = useReducer(signOffFormReducer, INITIAL_SIGN_OFF_FORM);
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const task = useTask<SignOffOutcome | SignOffStatus | SignOffRefusal>('sign off the assessment');
  const outcome = latestValue(task.state);
  const busy = task.state.status === 'running';
  // The audit needs the plan's cell positions and formulas only, which the settings do not change.
  const built = useMemo(
    () =>
      buildPlan(
        framework,
        planSettingsOf(framework, { settings: null, organisation: '', period: '' }).settings,
      ),
    [framework],
  );
  const options = () => ({ today: today() });
  const day = () => calendarDateOf(today());

  const startFinalise = () =>
    void task.run(async () => {
      const status = await signOffStatus(gateway, framework, built, options());
      dispatch({ type: 'assessed' });
      setShown(status.status === 'assessed' ? { kind: 'finalise', status } : { kind: 'none' });
      return status;
    });
  const submitFinalise = (readiness: Readiness) => {
    const fieldErrors = approvalFieldErrors(form, day());
    dispatch({ type: 'checked', fieldErrors });
    if (Object.keys(fieldErrors).length > 0) return;
    void task.run(async () => {
      const done = await finaliseAssessment(
        gateway,
        framework,
        built,
        { approval: form.approval, acceptance: acceptanceOf(form, readiness), today: day() },
        options(),
      );
      if (done.status === 'done') setShown({ kind: 'none' });
      return done;
    });
  };
  const submitReopen = () => {
    const fieldErrors = reopenFieldErrors(form);
    dispatch({ type: 'checked', fieldErrors });
    if (Object.keys(fieldErrors).length > 0) return;
    void task.run(async () => {
      const done = await reopenAssessment(gateway, framework, { ...form.reopen, today: day() });
      if (done.status === 'done') setShown({ kind: 'none' });
      return done;
    });
  };

  return (
    <section className={styles.root} aria-labelledby="sign-off-heading">
      <Subtitle2 as="h3" id="sign-off-heading">
        Sign-off
      </Subtitle2>
      <Body1>
        Once the board has approved the assessment, finalise it: the approval is recorded, every response is
        kept as the approved snapshot, and ratings and evidence are locked. Reopen it to change anything.
      </Body1>
      <div className={styles.row}>
        <Button disabled={busy} onClick={startFinalise}>
          Finalise this assessment
        </Button>
        <Button disabled={busy} onClick={() => setShown({ kind: 'reopen' })}>
          Reopen
        </Button>
        {busy && <Spinner size="tiny" label="Working…" />}
      </div>
      {task.state.status === 'failed' && (
        <ProblemMessage problem={task.state.problem} title="That did not work" />
      )}
      {outcome && <OutcomeMessage outcome={outcome} />}
      {shown.kind === 'finalise' && (
        <FinaliseForm
          status={shown.status}
          form={form}
          dispatch={dispatch}
          busy={busy}
          submit={submitFinalise}
        />
      )}
      {shown.kind === 'reopen' && (
        <ReopenForm form={form} dispatch={dispatch} busy={busy} submit={submitReopen} />
      )}
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: SignOffOutcome | SignOffStatus | SignOffRefusal }) {
  const styles = useStyles();
  if (outcome.status === 'assessed') return null;
  if (outcome.status === 'refused') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Nothing was changed</MessageBarTitle>
          {outcome.message}
          <ul className={styles.list}>
            {outcome.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const what =
    outcome.state.status === 'finalised'
      ? `Finalised: the approval is recorded on the Start sheet and the Sign-off record, every response is kept on the Saved responses sheet, and ratings and evidence are locked.`
      : `Reopened: the reason is recorded on the Sign-off record and ratings and evidence can be changed again. The workbook no longer says it is the approved version.`;
  const skipped =
    outcome.skipped.length > 0
      ? ` The line was not written on ${outcome.skipped.join(', ')}: the cell it goes in holds something of yours.`
      : '';
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>{`${what}${skipped}`}</MessageBarBody>
    </MessageBar>
  );
}

interface FormProps {
  readonly form: SignOffFormState;
  readonly dispatch: (action: SignOffFormAction) => void;
  readonly busy: boolean;
}

const APPROVAL_FIELDS: readonly { field: ApprovalField; hint?: string }[] = [
  { field: 'approvedBy', hint: 'The person who signed it off, such as the Chair.' },
  { field: 'body', hint: 'Such as Board.' },
  { field: 'date', hint: 'Such as 31/03/2027.' },
  { field: 'minute', hint: 'The minute that records the approval.' },
];

function FinaliseForm({
  status,
  form,
  dispatch,
  busy,
  submit,
}: FormProps & { status: SignOffStatus; submit: (readiness: Readiness) => void }) {
  const styles = useStyles();
  if (status.state.status === 'finalised') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          This assessment is already finalised. Reopen it first to change it or finalise it again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { readiness } = status;
  if ('blocked' in readiness) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{readiness.blocked}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <form
      className={styles.root}
      aria-label="Finalise this assessment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(readiness);
      }}
    >
      <AcceptanceLists readiness={readiness} form={form} dispatch={dispatch} />
      {APPROVAL_FIELDS.map(({ field, hint }) => (
        <Field
          key={field}
          label={APPROVAL_LABELS[field]}
          required
          hint={hint}
          validationMessage={form.fieldErrors[field]}
        >
          <Input
            value={form.approval[field]}
            onChange={(_, data) => dispatch({ type: 'typed', field, value: data.value })}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Finalise
        </Button>
      </div>
    </form>
  );
}

function ReopenForm({ form, dispatch, busy, submit }: FormProps & { submit: () => void }) {
  const styles = useStyles();
  return (
    <form
      className={styles.root}
      aria-label="Reopen this assessment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Reopened by" required validationMessage={form.fieldErrors.by}>
        <Input
          value={form.reopen.by}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'by', value: d.value })}
        />
      </Field>
      <Field label="Reason for reopening" required validationMessage={form.fieldErrors.reason}>
        <Textarea
          value={form.reopen.reason}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'reason', value: d.value })}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Reopen
        </Button>
      </div>
    </form>
  );
}

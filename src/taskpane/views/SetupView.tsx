/**
 * Set up: who, when, which framework and the level rule; then Generate, with its progress, the
 * adapter's refusal when the workbook already holds an assessment, and afterwards the features
 * this copy of Excel could not provide. On a workbook that already holds an assessment, its
 * settings read-only instead (ExistingAssessment.tsx).
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useReducer, useRef, type Dispatch, type FormEvent } from 'react';
import type { Framework } from '../../domain/index';
import { describeExcelError } from '../../excel/errors';
import type { GenerateOutcome, GenerateStep } from '../../excel/generate';
import { META_SHEET } from '../../workbook/layout';
import type { WorkbookPlan } from '../../workbook/plan';
import type { PlanSettings } from '../../workbook/settings';
import type { ViewProps } from '../App';
import { useAnnounce, type Announce } from '../components/Announcer';
import { DownloadButton } from '../components/DownloadButton';
import { FrameworkFileInput } from '../components/FrameworkFileInput';
import { FrameworkTemplateDownload } from '../components/FrameworkTemplateDownload';
import { ProblemMessage } from '../components/ProblemMessage';
import { ExistingAssessment } from './ExistingAssessment';
import { useTask } from '../components/useTask';
import type { Engine } from '../loadEngine';
import { frameworkAbout } from './frameworkAbout';
import {
  chosenFramework,
  validateSetup,
  type FrameworkChoice,
  type OwnFile,
  type SetupErrors,
  type SetupField,
  type SetupValues,
} from './setupForm';
import { initialSetupState, setupReducer, type SetupAction, type SetupState } from './setupReducer';

const useStyles = makeStyles({
  // Fluent's Select keeps a minimum width that overflows a 320 px pane without this.
  select: { minWidth: 0, maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  about: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const STEP_TEXT: Readonly<Record<GenerateStep | 'building', { n: number; text: string }>> = {
  building: { n: 0, text: 'Preparing the sheets…' },
  reading: { n: 1, text: 'Step 1 of 2: looking at the sheets already in the workbook…' },
  writing: { n: 2, text: 'Step 2 of 2: writing the sheets, formulas and checks…' },
  done: { n: 3, text: 'Finished.' },
};

const CHOICE_LABELS: Readonly<Record<Exclude<FrameworkChoice, 'own'>, string>> = {
  draft2009: 'All five areas: 2009 draft',
  draftWithRevisedLeadership: 'All five areas: 2009 draft with the revised Leadership area',
  leadershipRevision: 'Leadership area only: later revision',
};

/** The order fields are checked in, for moving focus to the first one that needs attention. */
const FIELD_ORDER: readonly SetupField[] = [
  'organisation',
  'period',
  'framework',
  'threshold',
  'sharePercent',
];

export function SetupView({ session, navigate }: ViewProps) {
  if (session.engine.status !== 'done') {
    return session.engine.status === 'failed' ? null : (
      <Spinner size="small" label="Loading the frameworks…" />
    );
  }
  return <SetupForm session={session} navigate={navigate} engine={session.engine.value} />;
}

type Session = ViewProps['session'];
type FieldRefs = Partial<Record<SetupField, HTMLElement | null>>;
/** A callback ref that records a field's element, to move focus to it when it needs attention. */
type FieldRef = (field: SetupField) => (el: HTMLElement | null) => void;
type Ready = { framework: Framework; settings: PlanSettings; plan: WorkbookPlan };

function SetupForm({ session, navigate, engine }: ViewProps & { engine: Engine }) {
  const styles = useStyles();
  const { state, dispatch, framework, generation, fieldRefs, validated, onSubmit } = useSetupForm(
    session,
    engine,
  );
  const writable = session.opening?.writable ?? true;
  const running = generation.state.status === 'running';

  // A workbook that holds an assessment shows its settings, read-only, with the ways forward.
  // Not after a generation in this view: its outcome (and Go to Check) stays on screen.
  const known = session.known;
  if (known?.kind === 'assessment' && generation.state.status === 'idle') {
    return (
      <ExistingAssessment
        session={session}
        navigate={navigate}
        engine={engine}
        meta={known.meta}
        framework={session.framework}
      />
    );
  }

  const ref: FieldRef = (field) => (el) => {
    fieldRefs.current[field] = el;
  };
  const fields = { state, dispatch, fieldRef: ref };

  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="setup-title">
      <Subtitle2 as="h2" id="setup-title">
        Set up an assessment
      </Subtitle2>
      <WhoAndWhenFields {...fields} />
      <FrameworkFields {...fields} session={session} engine={engine} framework={framework} />
      <LevelRuleFields {...fields} scale={(framework ?? engine.bundledFrameworks.draft2009).ratingScale} />
      <PlanProblems problems={state.planProblems} />
      <GenerateControls running={running} writable={writable} step={state.step} />
      <GenerationOutcome state={generation.state} navigate={navigate} />
      <Subtitle2 as="h3">Or download it as a file</Subtitle2>
      <Caption1 as="p" className={styles.about}>
        The same workbook as an .xlsx file, with these settings, for colleagues who do not have the add-in. It
        works in Excel without the add-in; this workbook is not changed.
      </Caption1>
      <DownloadButton
        engine={engine}
        files={session.gateway.files}
        prepare={async () => {
          const ready = validated('Download');
          return ready ? { framework: ready.framework, settings: ready.settings } : null;
        }}
      />
    </form>
  );
}

/** The form's state (setupReducer), its check before Generate or Download, and Generate itself. */
function useSetupForm(session: Session, engine: Engine) {
  const announce = useAnnounce();
  const bundled = engine.bundledFrameworks;
  const [state, dispatch] = useReducer(setupReducer, bundled, initialSetupState);
  const generation = useTask<GenerateOutcome>('generate the workbook');
  const fieldRefs = useRef<FieldRefs>({});
  const framework = chosenFramework(state.values, bundled);

  /** The framework, settings and plan when the form is right; otherwise says what to fix and returns null. */
  const validated = (doing: string): Ready | null =>
    checkAndPlan({
      doing,
      values: state.values,
      framework,
      engine,
      dispatch,
      announce,
      fields: fieldRefs.current,
    });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (generation.state.status === 'running') return;
    const ready = validated('Generation');
    if (!ready) return;
    const { framework: chosen, plan } = ready;
    dispatch({ type: 'generateStarted' });
    const outcome = await generation.run(() =>
      engine.generateAssessment(session.gateway, plan, {
        onProgress: (step) => {
          dispatch({ type: 'generateProgressed', step });
          announce(STEP_TEXT[step].text);
        },
      }),
    );
    if (outcome.status === 'failed') {
      announce(outcome.problem.message, 'assertive');
      return;
    }
    if (outcome.status !== 'done') return;
    if (outcome.value.status === 'refused') {
      announce(outcome.value.message, 'assertive');
      // Someone else generated one meanwhile: read the workbook again so Maintain can work on it.
      if (outcome.value.reason === 'existing-assessment') await session.refresh();
      return;
    }
    if (state.values.choice === 'own') session.addFramework(chosen);
    announce(`The assessment has been generated: ${outcome.value.sheets.length} sheets added.`);
    await session.refresh();
  }

  return { state, dispatch, framework, generation, fieldRefs, validated, onSubmit };
}

/**
 * Checks the form (each field's message, focus on the first that needs attention) and builds the
 * plan; null, with what to fix announced, when either fails.
 */
function checkAndPlan({
  doing,
  values,
  framework,
  engine,
  dispatch,
  announce,
  fields,
}: {
  doing: string;
  values: SetupValues;
  framework: Framework | null;
  engine: Engine;
  dispatch: Dispatch<SetupAction>;
  announce: Announce;
  fields: FieldRefs;
}): Ready | null {
  const { errors: found, settings } = validateSetup(values, framework);
  dispatch({ type: 'checked', errors: found });
  if (!settings || !framework) {
    const first = FIELD_ORDER.find((f) => found[f] !== undefined);
    if (first) fields[first]?.focus();
    const n = Object.keys(found).length;
    announce(`${doing} not started: ${n} ${n === 1 ? 'field needs' : 'fields need'} attention.`, 'assertive');
    return null;
  }
  try {
    return { framework, settings, plan: engine.buildPlan(framework, settings).plan };
  } catch (error: unknown) {
    // A PlanError lists what in the framework breaks Excel's limits; anything else is a bug,
    // shown as one rather than lost in an event handler.
    const problems =
      error instanceof engine.PlanError
        ? error.problems
        : [describeExcelError(error, 'prepare the workbook').message];
    dispatch({ type: 'planRefused', problems });
    announce('This framework cannot be made into a workbook; the problems are listed.', 'assertive');
    return null;
  }
}

interface FieldsProps {
  readonly state: SetupState;
  readonly dispatch: Dispatch<SetupAction>;
  readonly fieldRef: FieldRef;
}

/** A field's error state and message from the last check, for Fluent's Field. */
function fieldState(errors: SetupErrors, field: SetupField) {
  return errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {};
}

function WhoAndWhenFields({ state, dispatch, fieldRef }: FieldsProps) {
  return (
    <>
      <Field label="Organisation" required {...fieldState(state.errors, 'organisation')}>
        <Input
          ref={fieldRef('organisation')}
          value={state.values.organisation}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'organisation', value: d.value })}
        />
      </Field>
      <Field
        label="Assessment period"
        hint="For example 2026/27."
        required
        {...fieldState(state.errors, 'period')}
      >
        <Input
          ref={fieldRef('period')}
          value={state.values.period}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'period', value: d.value })}
        />
      </Field>
    </>
  );
}

function FrameworkFields({
  state,
  dispatch,
  fieldRef,
  session,
  engine,
  framework,
}: FieldsProps & { session: Session; engine: Engine; framework: Framework | null }) {
  const styles = useStyles();
  const { values, errors } = state;
  const bundled = engine.bundledFrameworks;
  return (
    <>
      {/* With "own file" chosen, the file input below carries the framework's message. */}
      <Field label="Framework" {...(values.choice === 'own' ? {} : fieldState(errors, 'framework'))}>
        <Select
          className={styles.select}
          ref={fieldRef('framework') as (el: HTMLSelectElement | null) => void}
          value={values.choice}
          onChange={(_, d) =>
            dispatch({ type: 'frameworkChosen', choice: d.value as FrameworkChoice, bundled })
          }
        >
          {(Object.keys(CHOICE_LABELS) as (keyof typeof CHOICE_LABELS)[]).map((k) => (
            <option key={k} value={k}>
              {CHOICE_LABELS[k]}
            </option>
          ))}
          <option value="own">Use your own framework file</option>
        </Select>
      </Field>
      {values.choice === 'own' ? (
        <FrameworkFileInput
          engine={engine}
          label="Your framework file"
          hint="Your organisation’s framework as an Excel workbook made from the framework template (.xlsx), or a framework file in the add-in’s JSON format (.json). Once the assessment is generated, the framework is kept in the workbook: nobody needs to choose it again."
          validationMessage={values.ownFile === null ? errors.framework : undefined}
          onLoaded={(file: OwnFile | null) => dispatch({ type: 'ownFileRead', file })}
        />
      ) : null}
      {values.choice === 'own' ? (
        <FrameworkTemplateDownload
          engine={engine}
          files={session.gateway.files}
          startFrom={bundled.draft2009}
        />
      ) : null}
      {framework ? (
        <Caption1 className={styles.about} data-testid="framework-about">
          {frameworkAbout(framework).join(' ')}
        </Caption1>
      ) : null}
    </>
  );
}

function LevelRuleFields({
  state,
  dispatch,
  fieldRef,
  scale,
}: FieldsProps & { scale: Framework['ratingScale'] }) {
  const styles = useStyles();
  return (
    <>
      <Field
        label="Lowest rating that counts as met"
        hint="A criterion is met when rated at or above this."
        {...fieldState(state.errors, 'threshold')}
      >
        <Select
          className={styles.select}
          ref={fieldRef('threshold') as (el: HTMLSelectElement | null) => void}
          value={state.values.threshold}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'threshold', value: d.value })}
        >
          {scale.points.map((p) => (
            <option key={p.value} value={String(p.value)}>
              {p.value}: {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Share of applicable criteria to meet for a level (%)"
        hint="100 means every applicable criterion at the level and below."
        {...fieldState(state.errors, 'sharePercent')}
      >
        <Input
          ref={fieldRef('sharePercent')}
          inputMode="decimal"
          value={state.values.sharePercent}
          onChange={(_, d) => dispatch({ type: 'typed', field: 'sharePercent', value: d.value })}
        />
      </Field>
    </>
  );
}

function PlanProblems({ problems }: { problems: readonly string[] }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This framework cannot be made into a workbook</MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function GenerateControls({
  running,
  writable,
  step,
}: {
  running: boolean;
  writable: boolean;
  step: SetupState['step'];
}) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={running || !writable}>
          {running ? 'Generating…' : 'Generate the assessment'}
        </Button>
      </div>
      {!writable ? (
        <Body1 as="p">This workbook cannot be changed by this add-in (see the message above).</Body1>
      ) : null}
      {running ? (
        <Field validationMessage={STEP_TEXT[step].text} validationState="none">
          <ProgressBar value={STEP_TEXT[step].n} max={3} aria-label="Generation progress" />
        </Field>
      ) : null}
    </>
  );
}

function GenerationOutcome({
  state,
  navigate,
}: {
  state: ReturnType<typeof useTask<GenerateOutcome>>['state'];
  navigate: ViewProps['navigate'];
}) {
  const styles = useStyles();
  if (state.status === 'failed') {
    return <ProblemMessage problem={state.problem} title="The assessment was not generated" />;
  }
  if (state.status !== 'done') return null;
  const outcome = state.value;
  if (outcome.status === 'refused') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="generate-refused">
        <MessageBarBody>
          <MessageBarTitle>Nothing was changed</MessageBarTitle>
          {outcome.message}
          {outcome.reason === 'existing-assessment' ? (
            <div>
              To rebuild it, or move it to another framework version, use Maintain: it keeps every response.
            </div>
          ) : null}
        </MessageBarBody>
        {outcome.reason === 'existing-assessment' ? (
          <MessageBarActions>
            <Button size="small" onClick={() => navigate('maintain')}>
              Go to Maintain
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" layout="multiline" data-testid="generate-done">
      <MessageBarBody>
        <MessageBarTitle>The assessment has been generated</MessageBarTitle>
        Added the sheets {visibleSheets(outcome.sheets).join(', ')}, and a hidden sheet that lets the add-in
        recognise the workbook. Fill in the ratings on the area sheets, then use Check.
        <div className={styles.actions}>
          <Button size="small" onClick={() => navigate('check')}>
            Go to Check
          </Button>
          <Button size="small" onClick={() => navigate('results')}>
            Go to Results
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function visibleSheets(sheets: readonly string[]): string[] {
  return sheets.filter((s) => s !== META_SHEET);
}

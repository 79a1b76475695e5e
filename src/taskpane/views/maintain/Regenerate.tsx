/**
 * Choose regenerate or upgrade, preview, confirm. The preview and the run take the same options,
 * so what the officer confirmed is what runs; after a failure the same options run again and the
 * add-in finishes from its backup.
 */
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Framework } from '../../../domain/index';
import type { ExcelProblem } from '../../../excel/errors';
import type {
  PreviewOutcome,
  RegenerateOptions,
  RegenerateOutcome,
  RegenerateStep,
} from '../../../excel/regenerate';
import { useAnnounce } from '../../components/Announcer';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useTask, type TaskState } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import type { Session } from '../../session/useSession';
import { PreviewDetails, Refused, RegenerateDone } from './PreviewDetails';

const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const STEP_TEXT: Readonly<Record<RegenerateStep, { n: number; text: string }>> = {
  reading: { n: 1, text: 'Step 1 of 3: reading every response…' },
  'backing-up': { n: 2, text: 'Step 2 of 3: keeping a copy of every response in a hidden sheet…' },
  writing: { n: 3, text: 'Step 3 of 3: writing the new sheets and putting your responses back…' },
  done: { n: 4, text: 'Finished.' },
};

const key = (f: Framework) => `${f.id}|${f.version}`;

interface Props {
  readonly session: Session;
  readonly engine: Engine;
  /** The workbook's own framework, or null when a stopped regeneration left none recognisable. */
  readonly current: Framework | null;
}

export function Regenerate({ session, engine, current }: Props) {
  const styles = useStyles();
  const announce = useAnnounce();
  // The workbook's own framework first (regenerate), then the others (upgrade).
  const targets = useMemo(() => targetsOf(current, session.frameworks), [current, session.frameworks]);
  const [choice, setChoice] = useState<string>(() => (targets[0] ? key(targets[0]) : ''));
  const target = targets.find((f) => key(f) === choice) ?? targets[0];
  const preview = useTask<PreviewOutcome>('look at what regenerating would do');
  /** The options the shown preview was made with: confirming runs exactly these. */
  const [previewed, setPreviewed] = useState<RegenerateOptions | null>(null);
  const {
    run,
    step,
    confirm: onConfirm,
  } = useRegenerationRun(session, engine, async (options) => {
    preview.reset();
    setPreviewed(null);
    // The workbook now holds the target framework: it becomes "regenerate" in the list.
    setChoice(key(options.target));
    await session.refresh();
  });
  /** After a "missing sheets" refusal the officer may say the sheet was deleted, not renamed. */
  const [rebuildMissing, setRebuildMissing] = useState(false);
  const busy = preview.state.status === 'running' || run.state.status === 'running';
  const upgrade = current !== null && target !== undefined && key(target) !== key(current);
  const sheetWords = useSheetWords(engine, current, target);

  function optionsFor(f: Framework): RegenerateOptions {
    return {
      frameworks: session.frameworks,
      target: f,
      mappings: engine.bundledMappings,
      rebuildMissingSheets: rebuildMissing,
      // An upgrade marks the day of the change on the Snapshot history.
      today: engine.calendarDateOf(new Date()),
    };
  }

  async function onPreview() {
    if (!target) return;
    run.reset();
    const options = optionsFor(target);
    const state = await preview.run(() => engine.previewRegeneration(session.gateway, options));
    if (state.status === 'done') {
      setPreviewed(state.value.status === 'ready' ? options : null);
      const said = previewWords(state.value);
      announce(said.text, said.politeness);
    } else if (state.status === 'failed') {
      announce(state.problem.message, 'assertive');
    }
  }

  const shownPreview = preview.state.status === 'done' ? preview.state.value : null;
  return (
    <>
      <Choice
        targets={targets}
        current={current}
        choice={choice}
        busy={busy}
        choose={(value) => {
          setChoice(value);
          // A preview is for one choice only.
          preview.reset();
          setPreviewed(null);
        }}
      />
      <div className={styles.row}>
        <Button disabled={busy || !target} onClick={() => void onPreview()}>
          {preview.state.status === 'running' ? 'Looking…' : 'Preview the changes'}
        </Button>
      </div>
      {preview.state.status === 'failed' ? (
        <ProblemMessage
          problem={preview.state.problem}
          title="The preview did not finish; nothing was changed"
        />
      ) : null}
      {shownPreview?.status === 'refused' ? (
        <RefusedPreview
          refusal={shownPreview}
          rebuildMissing={rebuildMissing}
          setRebuildMissing={setRebuildMissing}
        />
      ) : null}
      {shownPreview?.status === 'ready' && previewed ? (
        <>
          <PreviewDetails
            preview={shownPreview.preview}
            resuming={shownPreview.resuming}
            sheetWords={sheetWords}
          />
          <ConfirmRun
            archived={shownPreview.preview.archived.length}
            busy={busy}
            label={upgrade ? 'Upgrade now' : 'Regenerate now'}
            run={() => void onConfirm(previewed)}
          />
        </>
      ) : null}
      <RunStatus
        state={run.state}
        step={step}
        busy={busy}
        again={target ? () => void onConfirm(previewed ?? optionsFor(target)) : undefined}
      />
    </>
  );
}

/**
 * What happens to the area sheets, in one sentence, for the preview to lead with; and whether the
 * Snapshot history is set aside (the areas change) rather than carried on.
 */
function useSheetWords(engine: Engine, current: Framework | null, target: Framework | undefined) {
  return useMemo(
    () =>
      current && target
        ? {
            sheets: engine.sheetChangeWords(engine.sheetChanges(current, target)),
            historySetAside: !engine.historyCarriesOn(current, target),
          }
        : null,
    [engine, current, target],
  );
}

/**
 * The button that runs what was previewed. When anything leaves its place for the archive, the
 * officer says so first: the button stays unavailable until the box is ticked.
 */
function ConfirmRun(props: { archived: number; busy: boolean; label: string; run: () => void }) {
  const styles = useStyles();
  const { archived } = props;
  // Unmounted while a new preview runs, so each preview asks afresh.
  const [confirmed, setConfirmed] = useState(false);
  const needsYes = archived > 0;
  return (
    <>
      {needsYes ? (
        <Checkbox
          checked={confirmed}
          onChange={(_, data) => setConfirmed(data.checked === true)}
          label={`Yes, move ${archived === 1 ? 'the 1 item' : `the ${archived} items`} listed above out of the sheets and into the “Archived responses” sheet`}
        />
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.busy || (needsYes && !confirmed)} onClick={props.run}>
          {props.label}
        </Button>
      </div>
    </>
  );
}

/** Running a regeneration: its progress announced step by step, and what it ended with. */
function useRegenerationRun(
  session: Session,
  engine: Engine,
  onDone: (options: RegenerateOptions) => Promise<void>,
) {
  const announce = useAnnounce();
  const run = useTask<RegenerateOutcome>('regenerate the workbook');
  const [step, setStep] = useState<RegenerateStep>('reading');
  async function confirm(options: RegenerateOptions) {
    setStep('reading');
    const state = await run.run(() =>
      engine.regenerateAssessment(session.gateway, {
        ...options,
        onProgress: (s) => {
          setStep(s);
          announce(STEP_TEXT[s].text);
        },
      }),
    );
    if (state.status === 'failed') {
      announce(`${state.problem.message} Nothing is lost: run it again to finish.`, 'assertive');
      return;
    }
    if (state.status !== 'done') return;
    const outcome = state.value;
    if (outcome.status === 'refused') {
      announce(outcome.message, 'assertive');
      return;
    }
    announce(doneWords(outcome));
    await onDone(options);
  }
  return { run, step, confirm };
}

/** Regenerate with the workbook's framework, or upgrade to another: each option leads with its verb. */
function Choice(props: {
  targets: readonly Framework[];
  current: Framework | null;
  choice: string;
  busy: boolean;
  choose: (value: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field label="What to do">
      <Select
        className={styles.select}
        value={props.choice}
        disabled={props.busy}
        onChange={(_, d) => props.choose(d.value)}
      >
        {props.targets.map((f) => (
          <option key={key(f)} value={key(f)}>
            {optionLabel(f, props.current)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A preview refused; for a missing sheet, the officer may say it was deleted and have it rebuilt. */
function RefusedPreview(props: {
  refusal: Extract<PreviewOutcome, { status: 'refused' }>;
  rebuildMissing: boolean;
  setRebuildMissing: (rebuild: boolean) => void;
}) {
  return (
    <>
      <Refused refusal={props.refusal} />
      {props.refusal.reason === 'missing-sheets' ? (
        <Checkbox
          checked={props.rebuildMissing}
          onChange={(_, data) => props.setRebuildMissing(data.checked === true)}
          label="The sheet was deleted, not renamed: build it again, empty, then preview again"
        />
      ) : null}
    </>
  );
}

function targetsOf(current: Framework | null, frameworks: readonly Framework[]): readonly Framework[] {
  return current ? [current, ...frameworks.filter((f) => key(f) !== key(current))] : frameworks;
}

/** A run's progress, where it stopped (with a way to finish), or how it ended. */
function RunStatus(props: {
  state: TaskState<RegenerateOutcome>;
  step: RegenerateStep;
  busy: boolean;
  /** Runs it again; absent when there is nothing to run. */
  again: (() => void) | undefined;
}) {
  const { state, step, busy, again } = props;
  if (state.status === 'running') {
    return (
      <Field validationMessage={STEP_TEXT[step].text} validationState="none">
        <ProgressBar value={STEP_TEXT[step].n} max={4} aria-label="Regeneration progress" />
      </Field>
    );
  }
  if (state.status === 'failed') {
    return again ? <Stopped problem={state.problem} busy={busy} again={again} /> : null;
  }
  if (state.status !== 'done') return null;
  return state.value.status === 'refused' ? (
    <Refused refusal={state.value} />
  ) : (
    <RegenerateDone outcome={state.value} />
  );
}

/** What the preview says to a screen reader, and how urgently. */
function previewWords(outcome: PreviewOutcome): { text: string; politeness: 'polite' | 'assertive' } {
  return outcome.status === 'ready'
    ? {
        text: `Preview ready: ${outcome.preview.carried.length} responses carry over, ${outcome.preview.archived.length} go to the archive. Nothing has changed yet.`,
        politeness: 'polite',
      }
    : { text: outcome.message, politeness: 'assertive' };
}

/** What a finished regeneration says. */
function doneWords(outcome: Extract<RegenerateOutcome, { status: 'regenerated' }>): string {
  const done = outcome.preview.kind === 'upgrade' ? 'upgraded' : 'regenerated';
  const board = outcome.boardRemoved
    ? ' The board summary was removed with the old sheets: refresh it from Report to build it again.'
    : '';
  return `The assessment has been ${done}: ${outcome.preview.carried.length} responses carried over.${board}`;
}

/** A run that stopped part-way: nothing is lost, and running it again finishes the job. */
function Stopped({ problem, busy, again }: { problem: ExcelProblem; busy: boolean; again: () => void }) {
  const styles = useStyles();
  return (
    <>
      <ProblemMessage problem={problem} title="Regeneration stopped before it finished" />
      <MessageBar intent="info" layout="multiline" data-testid="regenerate-resume">
        <MessageBarBody>
          <MessageBarTitle>Nothing is lost</MessageBarTitle>
          Before changing anything, the add-in copied every response into a hidden sheet (EqRegenerating), and
          it deletes that copy only once the new sheets are written. Run it again to finish the job. Sheets
          named “EqOld 1” and so on are the old sheets: leave them for the add-in to remove.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Button appearance="primary" onClick={again} disabled={busy}>
          Run it again to finish
        </Button>
      </div>
    </>
  );
}

/**
 * Each option leads with its verb and what sets it apart: the frameworks' titles share a long
 * start ("Equality Framework for Social Housing: …"), which is all a 320-pixel pane shows.
 */
export function optionLabel(f: Framework, current: Framework | null): string {
  const name = `${distinctTitle(f.title)} (version ${f.version})`;
  if (current === null) return `Finish with ${name}`;
  return f.id === current.id && f.version === current.version
    ? `Rebuild this assessment as it is (version ${f.version})`
    : `Upgrade to ${name}`;
}

/** The part of a title after its first ": ", where the shared series name ends. */
function distinctTitle(title: string): string {
  const colon = title.indexOf(': ');
  return colon < 0 ? title : title.slice(colon + 2);
}

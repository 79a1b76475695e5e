/**
 * Check: the whole workbook checked (responses and structure, src/excel/checkWorkbook.ts), listed
 * errors first, with a way to each cell, the certain fixes (one or all) and a formula repair.
 * Nothing in the workbook changes until the officer presses a button. The list follows the
 * officer's edits (live checks, ExcelApi 1.7); Check again reads everything afresh.
 */
import { Button, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { withCompletedText, type Framework } from '../../domain/index';
import type { CheckOutcome } from '../../excel/checkWorkbook';
import type { ExcelProblem } from '../../excel/errors';
import type { ProblemFix, WorkbookProblem } from '../../workbook/audit';
import type { ViewProps } from '../App';
import { useAnnounce } from '../components/Announcer';
import { countWords } from '../components/issueGroups';
import { fixedWords, fixPlace, leftAloneWords } from '../components/problemWords';
import { ProblemMessage } from '../components/ProblemMessage';
import { useTask } from '../components/useTask';
import type { Engine } from '../loadEngine';
import { AssessmentGate } from './AssessmentGate';
import { CheckResult, type ActionDone } from './check/CheckResult';
import { LiveStatus } from './check/LiveStatus';
import { useLiveChecks } from './check/useLiveChecks';
import { planSettingsOf } from './workbookSettings';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function CheckView(props: ViewProps) {
  return (
    <AssessmentGate {...props} doing="check">
      {(framework, engine) => <CheckRunner {...props} framework={framework} engine={engine} />}
    </AssessmentGate>
  );
}

type Checked = Extract<CheckOutcome, { status: 'checked' }>;

function CheckRunner({ session, framework, engine }: ViewProps & { framework: Framework; engine: Engine }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const { gateway } = session;
  const check = useTask<CheckOutcome>('check the workbook');
  const action = useTask<ActionDone>('change the workbook');
  const [shown, setShown] = useState<CheckOutcome | null>(null);
  const [liveProblem, setLiveProblem] = useState<ExcelProblem | null>(null);
  // The problem whose own Fix button was pressed: focus goes to its place when the list comes back.
  const [fixedKey, setFixedKey] = useState<string | null>(null);
  const lastKeys = useRef<string | null>(null);

  // The plan gives the audit its cell positions and formulas, which do not depend on the
  // settings (only the Start sheet's values do), so the framework's defaults serve until the
  // workbook's own settings have been read; repair then uses the workbook's.
  const layoutPlan = useMemo(
    () => engine.buildPlan(framework, planSettingsOf(framework, NO_START).settings),
    [engine, framework],
  );

  /** Shows an outcome and announces it, politely, when what it lists has changed. */
  const show = useCallback(
    (outcome: CheckOutcome, why: 'check' | 'live') => {
      setShown(outcome);
      const keys = outcome.status === 'checked' ? outcome.problems.map((p) => p.key).join('\n') : '';
      const first = lastKeys.current === null;
      if (why === 'live' && !first && keys === lastKeys.current) return;
      lastKeys.current = keys;
      if (outcome.status === 'not-checked') {
        announce(outcome.message);
      } else {
        announce(
          `${why === 'live' && !first ? 'Checked your change' : 'Check finished'}: ${countWords(outcome.problems)}.`,
        );
      }
    },
    [announce],
  );

  const onLiveError = useCallback(
    (problem: ExcelProblem) => {
      setLiveProblem(problem);
      announce(problem.message, 'assertive');
    },
    [announce],
  );
  const onLiveUpdate = useCallback(
    (outcome: CheckOutcome) => {
      setLiveProblem(null);
      show(outcome, 'live');
    },
    [show],
  );
  const live = useLiveChecks({
    gateway,
    engine,
    framework,
    built: layoutPlan,
    onUpdate: onLiveUpdate,
    onError: onLiveError,
  });

  const runCheck = useCallback(async () => {
    const state = await check.run(() =>
      engine.checkWorkbook(gateway, framework, layoutPlan, { today: new Date() }),
    );
    if (state.status === 'done') show(state.value, 'check');
    else if (state.status === 'failed') announce(state.problem.message, 'assertive');
  }, [check.run, engine, gateway, framework, layoutPlan, show, announce]);

  // Live checks read the whole workbook when they start; if they could not start, the view
  // checks once when it opens.
  const checkOnOpen = live.status === 'failed';
  const liveFailure = live.status === 'failed' ? live.problem.message : null;
  useEffect(() => {
    if (liveFailure) announce(liveFailure, 'assertive');
  }, [liveFailure, announce]);
  useEffect(() => {
    if (checkOnOpen) void runCheck();
  }, [checkOnOpen, runCheck]);

  /** Runs a change the officer asked for, announces it, then checks again to show what is left. */
  const change = useCallback(
    async (work: () => Promise<ActionDone>, fromProblem: string | null = null) => {
      setFixedKey(fromProblem);
      const state = await action.run(work);
      if (state.status === 'failed') {
        announce(state.problem.message, 'assertive');
        return;
      }
      if (state.status !== 'done') return;
      announce(state.value.text);
      if (state.value.kind !== 'selected') await runCheck();
    },
    [action.run, announce, runCheck],
  );

  const applyFixes = useCallback(
    (fixes: readonly ProblemFix[], from?: WorkbookProblem) =>
      change(async () => {
        const { applied, skipped } = await engine.applyFixes(gateway, fixes);
        return fixedText(applied, skipped);
      }, from?.key ?? null),
    [change, engine, gateway],
  );

  const repair = useCallback(
    (outcome: Checked) =>
      change(async () => {
        // Rebuilt with the workbook's own settings: only formulas are written, and they are the
        // same whatever the settings, but the plan is the one this workbook was generated from.
        const read = engine.assessmentFrom(framework, outcome.snapshot);
        const plan = engine.buildPlan(framework, planSettingsOf(framework, read).settings).plan;
        const { sheets } = await engine.repairFormulas(gateway, plan);
        return {
          kind: 'repaired',
          intent: 'success',
          text:
            sheets.length > 0
              ? `Rewrote the add-in’s formulas on ${sheets.join(', ')}. Your ratings and notes were not touched.`
              : 'None of the sheets whose formulas the add-in writes is in the workbook, so nothing was repaired.',
        };
      }),
    [change, engine, framework, gateway],
  );

  const goTo = useCallback(
    (cell: string) =>
      change(async () => {
        await engine.selectCell(gateway, cell);
        return { kind: 'selected', intent: 'success', text: `Selected ${cell} in the workbook.` };
      }),
    [change, engine, gateway],
  );

  // The criteria with the wording the organisation typed where the source lacks it, as read.
  const wordedFramework = useMemo(
    () =>
      shown?.status === 'checked'
        ? withCompletedText(framework, engine.assessmentFrom(framework, shown.snapshot).responses)
        : framework,
    [shown, engine, framework],
  );

  const checking = check.state.status === 'running' || live.status === 'starting';
  const busy = checking || action.state.status === 'running';
  return (
    <>
      <Subtitle2 as="h2">Check the ratings</Subtitle2>
      <LiveStatus live={live} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={busy}>
          {check.state.status === 'running' ? 'Checking…' : 'Check again'}
        </Button>
        {checking ? <Spinner size="tiny" label="Checking every criterion…" /> : null}
      </div>
      {check.state.status === 'failed' ? (
        <ProblemMessage problem={check.state.problem} title="The check did not finish" />
      ) : null}
      {liveProblem ? <ProblemMessage problem={liveProblem} title="Your last change was not checked" /> : null}
      {action.state.status === 'failed' ? (
        <ProblemMessage problem={action.state.problem} title="Nothing more was changed" />
      ) : null}
      {shown ? (
        <CheckResult
          outcome={shown}
          framework={wordedFramework}
          engine={engine}
          busy={busy}
          done={action.state.status === 'done' ? action.state.value : null}
          fixedKey={fixedKey}
          onFix={(fixes, from) => void applyFixes(fixes, from)}
          onRepair={(outcome) => void repair(outcome)}
          onGoTo={(cell) => void goTo(cell)}
        />
      ) : null}
    </>
  );
}

/** No Start sheet read yet: the framework's own rule and no names. */
const NO_START = { settings: null, organisation: '', period: '' } as const;

function fixedText(applied: readonly ProblemFix[], skipped: readonly ProblemFix[]): ActionDone {
  const fixed = fixedWords(applied);
  if (skipped.length === 0) return { kind: 'fixed', intent: 'success', text: fixed, skipped: [] };
  const places = skipped.map(fixPlace);
  return {
    kind: 'fixed',
    intent: 'warning',
    text:
      `${fixed} ${leftAloneWords(skipped)} left alone because ` +
      `${skipped.length === 1 ? 'it has' : 'they have'} changed since the check: ${places.join(', ')}. ` +
      'The list below has been checked again.',
    skipped: places,
  };
}

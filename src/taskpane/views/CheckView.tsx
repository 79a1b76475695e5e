/**
 * Check: the whole workbook checked (responses and structure, src/excel/checkWorkbook.ts), listed
 * errors first, with a way to each cell, the certain fixes (one or all) and a formula repair.
 * No response changes until the officer presses a button. The list follows the
 * officer's edits (live checks, ExcelApi 1.7); Check again reads everything afresh. The change log
 * runs whenever the pane is open (session/ChangeLogContext.tsx); this view shows its line and switch.
 */
import { Button, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { withCompletedText, type Framework } from '../../domain/index';
import type { ViewProps } from '../App';
import { useAnnounce } from '../components/Announcer';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Engine } from '../loadEngine';
import { AssessmentGate } from './AssessmentGate';
import { CheckResult } from './check/CheckResult';
import { useChangeLogControls } from '../session/ChangeLogContext';
import { ChangeLogLine } from './check/ChangeLogLine';
import { LiveStatus } from './check/LiveStatus';
import { useCheckActions } from './check/useCheckActions';
import { useCheckRun } from './check/useCheckRun';
import { useShownOutcome } from './check/useShownOutcome';
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

function CheckRunner({ session, framework, engine }: ViewProps & { framework: Framework; engine: Engine }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const { gateway } = session;

  // The plan gives the audit its cell positions and formulas, which do not depend on the
  // settings (only the Start sheet's values do), so the framework's defaults serve until the
  // workbook's own settings have been read; repair then uses the workbook's.
  const layoutPlan = useMemo(
    () => engine.buildPlan(framework, planSettingsOf(framework, NO_START).settings),
    [engine, framework],
  );
  const { shown, show } = useShownOutcome(announce);
  const { check, live, liveProblem, runCheck } = useCheckRun({
    gateway,
    engine,
    framework,
    built: layoutPlan,
    show,
    announce,
  });
  const changeLog = useChangeLogControls();
  const { action, fixedKey, applyFixes, repair, goTo } = useCheckActions({
    gateway,
    engine,
    framework,
    runCheck,
    announce,
    beforeWrite: changeLog.expectOwnWrites,
  });

  // The criteria with the wording the organisation typed where the source lacks it, as read.
  const wordedFramework = useMemo(
    () =>
      shown?.status === 'checked'
        ? withCompletedText(framework, engine.assessmentFrom(framework, shown.snapshot).responses)
        : framework,
    [shown, engine, framework],
  );

  const checking = check.status === 'running' || live.status === 'starting';
  const busy = checking || action.status === 'running';
  return (
    <>
      <Subtitle2 as="h2">Check the ratings</Subtitle2>
      <LiveStatus live={live} />
      <ChangeLogLine state={changeLog.state} busy={busy} onSwitch={(on) => void changeLog.setLogging(on)} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={busy}>
          {check.status === 'running' ? 'Checking…' : 'Check again'}
        </Button>
        {checking ? <Spinner size="tiny" label="Checking every criterion…" /> : null}
      </div>
      {check.status === 'failed' ? (
        <ProblemMessage problem={check.problem} title="The check did not finish" />
      ) : null}
      {liveProblem ? <ProblemMessage problem={liveProblem} title="Your last change was not checked" /> : null}
      {action.status === 'failed' ? (
        <ProblemMessage problem={action.problem} title="Nothing more was changed" />
      ) : null}
      {shown ? (
        <CheckResult
          outcome={shown}
          framework={wordedFramework}
          engine={engine}
          busy={busy}
          done={action.status === 'done' ? action.value : null}
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

/**
 * Check: reads every response and runs the engine's checks, listing what needs attention by area
 * and severity. It runs when the view opens and again on request.
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import type { CheckIssue, Framework } from '../../domain/index';
import type { ViewProps } from '../App';
import { useAnnounce } from '../components/Announcer';
import { IssueList } from '../components/IssueList';
import { countWords } from '../components/issueGroups';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';
import type { Engine } from '../loadEngine';
import { AssessmentGate } from './AssessmentGate';
import { readForView, settingsForCheck, type ReadForView } from './readForView';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CheckOutcome extends ReadForView {
  readonly issues: readonly CheckIssue[];
  /** False when the Start sheet's settings could not be read and the framework's defaults were used. */
  readonly settingsFromWorkbook: boolean;
}

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
  const task = useTask<CheckOutcome>('check the workbook');
  const { run } = task;
  const { gateway } = session;

  const runCheck = useCallback(async () => {
    const state = await run(async () => {
      const found = await readForView(engine, gateway, framework);
      const { settings, fromWorkbook } = settingsForCheck(found.read, framework);
      const issues = engine.check(framework, found.read.responses, settings, { today: new Date() });
      return { ...found, issues, settingsFromWorkbook: fromWorkbook };
    });
    if (state.status === 'done') {
      const { issues, read, missingSheets } = state.value;
      const extra = read.problems.length + missingSheets.length;
      announce(
        `Check finished: ${countWords(issues)}${extra > 0 ? `, and ${extra} problems with the workbook itself` : ''}.`,
      );
    } else if (state.status === 'failed') {
      announce(state.problem.message, 'assertive');
    }
  }, [run, engine, gateway, framework, announce]);

  useEffect(() => {
    void runCheck();
  }, [runCheck]);

  const shown = latestValue(task.state);
  const running = task.state.status === 'running';
  return (
    <>
      <Subtitle2 as="h2">Check the ratings</Subtitle2>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={running}>
          {running ? 'Checking…' : 'Check again'}
        </Button>
        {running ? <Spinner size="tiny" label="Checking every criterion…" /> : null}
      </div>
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The check did not finish" />
      ) : null}
      {shown ? <CheckResult outcome={shown} framework={framework} /> : null}
    </>
  );
}

function CheckResult({ outcome, framework }: { outcome: CheckOutcome; framework: Framework }) {
  const styles = useStyles();
  const { issues, read, missingSheets, settingsFromWorkbook } = outcome;
  const workbookProblems = [...read.problems, ...missingSheets];
  return (
    <>
      {workbookProblems.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="workbook-problems">
          <MessageBarBody>
            <MessageBarTitle>Problems with the workbook itself</MessageBarTitle>
            <ul className={styles.list}>
              {workbookProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            {settingsFromWorkbook
              ? null
              : `Until the Start sheet is fixed, the ratings were checked with the framework’s own rule (rated ${framework.levelRule.metThreshold} or more counts as met).`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Body1 as="p" data-testid="check-summary">
        {issues.length === 0
          ? `No problems found in the ${framework.criteria.length} criteria.`
          : `Found ${countWords(issues)} in the ${framework.criteria.length} criteria.`}
      </Body1>
      <IssueList issues={issues} framework={framework} />
    </>
  );
}

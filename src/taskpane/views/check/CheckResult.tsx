/**
 * What the check found: the summary line, what the last button did, the formula repair when the
 * audit says rewriting the formulas would mend the workbook, "fix all", and the list with each
 * problem's buttons (go to the cell; its certain fix).
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { Framework } from '../../../domain/index';
import type { CheckOutcome } from '../../../excel/checkWorkbook';
import type { ProblemFix, WorkbookProblem } from '../../../workbook/audit';
import { IssueList } from '../../components/IssueList';
import { countWords } from '../../components/issueGroups';
import { fixLabel, fixWords, goToLabel } from '../../components/problemWords';
import type { Engine } from '../../loadEngine';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What a button in the Check view did, in words (shown and announced). */
export interface ActionDone {
  readonly kind: 'fixed' | 'repaired' | 'selected';
  readonly intent: 'success' | 'warning';
  readonly text: string;
  /** Cells a fix left alone because they changed after the check. */
  readonly skipped?: readonly string[];
}

type Checked = Extract<CheckOutcome, { status: 'checked' }>;

interface Props {
  readonly outcome: CheckOutcome;
  readonly framework: Framework;
  readonly engine: Pick<Engine, 'describeFixValue'>;
  readonly busy: boolean;
  readonly done: ActionDone | null;
  /** The problem whose own Fix button was pressed last: focus and the confirmation go to its place. */
  readonly fixedKey: string | null;
  /** `from`: the problem whose own button asked for the fix (absent for "fix all"). */
  readonly onFix: (fixes: readonly ProblemFix[], from?: WorkbookProblem) => void;
  readonly onRepair: (outcome: Checked) => void;
  readonly onGoTo: (cell: string) => void;
}

export function CheckResult({
  outcome,
  framework,
  engine,
  busy,
  done,
  fixedKey,
  onFix,
  onRepair,
  onGoTo,
}: Props) {
  const styles = useStyles();
  if (outcome.status === 'refused') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="check-refused">
        <MessageBarBody>
          <MessageBarTitle>This workbook was not checked</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { problems, result, formulasRepairable } = outcome;
  const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
  const criteria = framework.criteria.length;
  return (
    <>
      <Body1 as="p" data-testid="check-summary">
        {problems.length === 0
          ? `No problems found in the ${criteria} criteria.`
          : `Found ${countWords(problems)} in the ${criteria} criteria.`}
      </Body1>
      {result === null ? (
        <Body1 as="p" data-testid="default-rule">
          The settings on the Start sheet cannot be read (see below), so the ratings were checked with the
          framework’s own rule: rated {framework.levelRule.metThreshold} or more counts as met.
        </Body1>
      ) : null}
      {/* A fix from one problem's button is confirmed at that problem's place in the list instead. */}
      {done && done.kind !== 'selected' && fixedKey === null ? <Done done={done} /> : null}
      {formulasRepairable ? (
        <MessageBar intent="warning" layout="multiline" data-testid="repair-offer">
          <MessageBarBody>
            <MessageBarTitle>Some of the add-in’s formulas are damaged</MessageBarTitle>
            Repair writes the add-in’s own formulas back on the area sheets and the Summary. It does not touch
            ratings, evidence, notes or anything else you typed.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => onRepair(outcome)}>
              Repair formulas
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {fixes.length > 0 ? (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => onFix(fixes)}>
            {fixes.length === 1 ? 'Fix the 1 certain fix' : `Fix all ${fixes.length} certain fixes`}
          </Button>
        </div>
      ) : null}
      <IssueList
        problems={problems}
        framework={framework}
        fixedKey={fixedKey}
        notice={done && done.kind === 'fixed' && fixedKey !== null ? <Done done={done} /> : undefined}
        renderAction={(problem, messageId) => (
          <ProblemActions
            problem={problem}
            messageId={messageId}
            fixText={
              problem.fix
                ? fixWords(problem.fix, (value) => engine.describeFixValue(value, framework.ratingScale))
                : undefined
            }
            busy={busy}
            onFix={onFix}
            onGoTo={onGoTo}
          />
        )}
      />
    </>
  );
}

function Done({ done }: { done: ActionDone }) {
  return (
    <MessageBar intent={done.intent} layout="multiline" data-testid="action-done">
      <MessageBarBody>{done.text}</MessageBarBody>
    </MessageBar>
  );
}

function ProblemActions({
  problem,
  messageId,
  fixText,
  busy,
  onFix,
  onGoTo,
}: {
  problem: WorkbookProblem;
  messageId: string;
  fixText: string | undefined;
  busy: boolean;
  onFix: (fixes: readonly ProblemFix[], from?: WorkbookProblem) => void;
  onGoTo: (cell: string) => void;
}) {
  const styles = useStyles();
  const { cell, fix } = problem;
  if (cell === undefined && fix === undefined) return null;
  return (
    <div className={styles.row}>
      {cell !== undefined ? (
        // disabledFocusable, not disabled, here and on Fix: while a fix runs, the button pressed keeps
        // the focus (a disabled button drops it to the page) until the list moves it on.
        <Button
          size="small"
          aria-describedby={messageId}
          disabledFocusable={busy}
          onClick={() => onGoTo(cell)}
        >
          {goToLabel(problem)}
        </Button>
      ) : null}
      {fix !== undefined && fixText !== undefined ? (
        <Button
          size="small"
          aria-describedby={messageId}
          disabledFocusable={busy}
          onClick={() => onFix([fix], problem)}
        >
          {fixLabel(problem, fixText)}
        </Button>
      ) : null}
    </div>
  );
}

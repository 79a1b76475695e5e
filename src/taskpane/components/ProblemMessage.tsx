/** An Excel (or other) error in words: what went wrong, what to do, and the detail for support. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ExcelProblem } from '../../excel/errors';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
});

export function ProblemMessage({ problem, title }: { problem: ExcelProblem; title: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="excel-problem">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {problem.message}
        <details className={styles.details}>
          <summary>Details for support</summary>
          <code>{problem.details}</code>
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}

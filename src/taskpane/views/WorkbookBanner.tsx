/**
 * What the workbook holds and the next step, always above the tabs; or why it could not be read.
 * In full on the first view; once the officer moves on it shrinks to one line (what the workbook
 * holds, and Read again), so at 320 pixels the banner and tabs leave the view most of the pane.
 * A warning or an error stays in full: what it says still matters on every view.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Session } from '../session/useSession';

const useStyles = makeStyles({
  // One line: the words that do not fit end in an ellipsis on screen; a screen reader reads them all.
  oneLine: { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', minWidth: 0 },
});

export interface WorkbookBannerProps {
  readonly session: Session;
  /** True after the first view: one line unless the banner warns. */
  readonly compact?: boolean;
}

export function WorkbookBanner({ session, compact = false }: WorkbookBannerProps) {
  const styles = useStyles();
  const { workbook, opening } = session;
  const reading = workbook.status === 'running';
  if (workbook.status === 'failed') {
    return (
      <div>
        <ProblemMessage problem={workbook.problem} title="The add-in could not read this workbook" />
        <Button size="small" onClick={() => void session.refresh()}>
          Try again
        </Button>
      </div>
    );
  }
  if (!opening) return <Spinner size="tiny" label="Reading the workbook…" />;
  const readAgain = (
    <MessageBarActions>
      <Button size="small" disabled={reading} onClick={() => void session.refresh()}>
        {reading ? 'Reading…' : 'Read again'}
      </Button>
    </MessageBarActions>
  );
  const oneLine = compact && (opening.intent === 'success' || opening.intent === 'info');
  if (oneLine) {
    return (
      <MessageBar
        intent={opening.intent}
        layout="singleline"
        data-testid="workbook-banner"
        data-layout="one-line"
      >
        <MessageBarBody className={styles.oneLine} title={`${opening.title}. ${opening.message}`}>
          <MessageBarTitle>{opening.title}</MessageBarTitle>
          {opening.message}
        </MessageBarBody>
        {readAgain}
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={opening.intent} layout="multiline" data-testid="workbook-banner" data-layout="full">
      <MessageBarBody>
        <MessageBarTitle>{opening.title}</MessageBarTitle>
        {opening.message}
        {opening.details.length > 0 ? (
          <ul>
            {opening.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {readAgain}
    </MessageBar>
  );
}

/** What the workbook holds and the next step, always above the tabs; or why it could not be read. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Session } from '../session/useSession';

export function WorkbookBanner({ session }: { session: Session }) {
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
  return (
    <MessageBar intent={opening.intent} layout="multiline" data-testid="workbook-banner">
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
      <MessageBarActions>
        <Button size="small" disabled={reading} onClick={() => void session.refresh()}>
          {reading ? 'Reading…' : 'Read again'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

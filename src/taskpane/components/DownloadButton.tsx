/**
 * "Download as .xlsx" and what came of it: offered to the browser or opened as a new workbook
 * (downloadWorkbook.ts says which, in words that claim nothing the pane cannot know), blocked by
 * the host (in words, with the way round it), or failed (the error, never swallowed). `prepare` gives the framework and settings,
 * or null when the view has already said why it cannot (a form with mistakes).
 */
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { HostFiles } from '../../excel/api';
import type { Framework } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';
import type { Engine } from '../loadEngine';
import { useAnnounce } from './Announcer';
import { downloadMessage, downloadWorkbook, type WorkbookDownload } from './downloadWorkbook';
import { ProblemMessage } from './ProblemMessage';
import { useTask } from './useTask';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface DownloadSource {
  readonly framework: Framework;
  readonly settings: PlanSettings;
}

interface Props {
  readonly engine: Pick<Engine, 'buildPlan'>;
  /** The host's way with files (ExcelGateway.files). */
  readonly files: HostFiles;
  readonly prepare: () => Promise<DownloadSource | null>;
  readonly disabled?: boolean;
}

export function DownloadButton({ engine, files, prepare, disabled = false }: Props) {
  const styles = useStyles();
  const announce = useAnnounce();
  const task = useTask<WorkbookDownload | null>('write the workbook file');
  const running = task.state.status === 'running';

  async function onClick() {
    const state = await task.run(async () => {
      const source = await prepare();
      return source ? downloadWorkbook(engine, files, source.framework, source.settings) : null;
    });
    if (state.status === 'failed') announce(state.problem.message, 'assertive');
    else if (state.status === 'done' && state.value) {
      announce(downloadMessage(state.value));
    }
  }

  const result = task.state.status === 'done' ? task.state.value : null;
  return (
    <div className={styles.root}>
      <div>
        <Button onClick={() => void onClick()} disabled={disabled || running}>
          {running ? 'Writing the file…' : files.canDownload ? 'Download as .xlsx' : 'Open as a new workbook'}
        </Button>
      </div>
      {result ? (
        <MessageBar
          intent={result.ok ? 'success' : 'warning'}
          layout="multiline"
          data-testid="download-result"
        >
          <MessageBarBody>{downloadMessage(result)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The file was not written" />
      ) : null}
    </div>
  );
}

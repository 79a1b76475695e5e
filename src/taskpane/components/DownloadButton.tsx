/**
 * "Download as .xlsx" and what came of it: offered to the browser or opened as a new workbook
 * (downloadWorkbook.ts says which, in words that claim nothing the pane cannot know), blocked by
 * the host (in words, with the way round it), or failed (the error, never swallowed). `prepare` gives the framework and settings,
 * or null when the view has already said why it cannot (a form with mistakes).
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { HostFiles } from '../../excel/api';
import type { Framework, ResponseRow } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';
import type { Engine } from '../loadEngine';
import { useAnnounce } from './Announcer';
import { downloadMessage, downloadWorkbook, type WorkbookDownload } from './downloadWorkbook';
import { DownloadResult } from './DownloadResult';
import { ProblemMessage } from './ProblemMessage';
import { useTask } from './useTask';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface DownloadSource {
  readonly framework: Framework;
  readonly settings: PlanSettings;
  /** The responses to put in the file; absent for a blank workbook. */
  readonly responses?: readonly ResponseRow[];
}

/**
 * Which file the button writes, said on the button and in what it reports: 'new' in Set up (the
 * settings typed, nothing rated yet), 'blank' and 'responses' in Maintain, side by side.
 */
export type DownloadContents = 'new' | 'blank' | 'responses';

const CONTENTS_WORDS: Readonly<Record<DownloadContents, { download: string; open: string; result: string }>> =
  {
    new: {
      download: 'Download as .xlsx',
      open: 'Open as a new workbook',
      // Set up has only one file to offer, and says beside the button what it is.
      result: '',
    },
    blank: {
      download: 'Download a blank copy (.xlsx)',
      open: 'Open a blank copy as a new workbook',
      result: 'A blank copy (settings, no responses).',
    },
    responses: {
      download: 'Download with responses (.xlsx)',
      open: 'Open with responses as a new workbook',
      result: 'The workbook with its responses.',
    },
  };

interface Props {
  readonly engine: Pick<Engine, 'buildPlan' | 'withResponses'>;
  /** The host's way with files (ExcelGateway.files). */
  readonly files: HostFiles;
  readonly prepare: () => Promise<DownloadSource | null>;
  readonly disabled?: boolean;
  /** 'new' (the default: Set up, where nothing is rated yet), 'blank' or 'responses'. */
  readonly contents?: DownloadContents;
}

export function DownloadButton({ engine, files, prepare, disabled = false, contents = 'new' }: Props) {
  const words = CONTENTS_WORDS[contents];
  const styles = useStyles();
  const announce = useAnnounce();
  const task = useTask<WorkbookDownload | null>('write the workbook file');
  const running = task.state.status === 'running';

  async function onClick() {
    const state = await task.run(async () => {
      const source = await prepare();
      return source
        ? downloadWorkbook(engine, files, source.framework, source.settings, source.responses)
        : null;
    });
    if (state.status === 'failed') announce(state.problem.message, 'assertive');
    else if (state.status === 'done' && state.value) {
      announce(`${words.result} ${downloadMessage(state.value)}`.trim());
    }
  }

  const result = task.state.status === 'done' ? task.state.value : null;
  return (
    <div className={styles.root}>
      <div>
        <Button onClick={() => void onClick()} disabled={disabled || running}>
          {running ? 'Writing the file…' : files.canDownload ? words.download : words.open}
        </Button>
      </div>
      {result ? <DownloadResult result={result} lead={words.result} testId="download-result" /> : null}
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The file was not written" />
      ) : null}
    </div>
  );
}

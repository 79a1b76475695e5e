/**
 * "Download a framework template": the framework laid out as sheets (About, Levels, Areas, Rating
 * scale, Criteria, Questions), filled in with a bundled framework to start from, for an
 * organisation that writes its own framework in Excel and then chooses that file in Set up.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { HostFiles } from '../../excel/api';
import type { Framework } from '../../domain/index';
import type { Engine } from '../loadEngine';
import { useAnnounce } from './Announcer';
import { downloadFrameworkTemplate, downloadMessage, type WorkbookDownload } from './downloadWorkbook';
import { DownloadResult } from './DownloadResult';
import { ProblemMessage } from './ProblemMessage';
import { useTask } from './useTask';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  readonly engine: Pick<Engine, 'frameworkTemplatePlan'>;
  readonly files: HostFiles;
  /** The framework the template starts from. */
  readonly startFrom: Framework;
}

export function FrameworkTemplateDownload({ engine, files, startFrom }: Props) {
  const styles = useStyles();
  const announce = useAnnounce();
  const task = useTask<WorkbookDownload>('write the framework template');
  const running = task.state.status === 'running';

  async function onClick() {
    const state = await task.run(() => downloadFrameworkTemplate(engine, files, startFrom));
    if (state.status === 'failed') announce(state.problem.message, 'assertive');
    else if (state.status === 'done') announce(downloadMessage(state.value));
  }

  const result = task.state.status === 'done' ? task.state.value : null;
  return (
    <div className={styles.root}>
      <Caption1 className={styles.hint}>
        No framework file yet? The template has a sheet for each part of a framework, filled in with{' '}
        {startFrom.title} (version {startFrom.version}) to start from: change it to your organisation’s
        framework, give it your own id and version, save it, and choose it above.
      </Caption1>
      <div>
        <Button onClick={() => void onClick()} disabled={running}>
          {running
            ? 'Writing the template…'
            : files.canDownload
              ? 'Download the framework template (.xlsx)'
              : 'Open the framework template as a new workbook'}
        </Button>
      </div>
      {result ? <DownloadResult result={result} testId="template-result" /> : null}
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The template was not written" />
      ) : null}
    </div>
  );
}

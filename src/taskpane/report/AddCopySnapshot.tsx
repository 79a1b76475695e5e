/**
 * "Add a copy as a snapshot": another copy of this assessment (a finalised copy, last year's
 * workbook) chosen as an .xlsx file and added to the Saved responses sheet, so that Compare
 * periods can compare this workbook with it. The file is only read.
 */
import { Caption1, Label, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { calendarDateOf, type Framework } from '../../domain';
import type { ExcelGateway } from '../../excel/api';
import { loadCombine } from '../combine/loadCombine';
import { readFileBytes } from '../components/FrameworkFileInput';
import { ProblemMessage } from '../components/ProblemMessage';
import { RefusalMessage } from '../components/RefusalMessage';
import { useTask } from '../components/useTask';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

interface Props {
  readonly gateway: ExcelGateway;
  readonly framework: Framework;
  readonly today: () => Date;
  /** Told the new snapshot's label once it is on the sheet. */
  readonly onAdded: (label: string) => void;
}

export function AddCopySnapshot({ gateway, framework, today, onAdded }: Props) {
  const styles = useStyles();
  const id = useId();
  const task = useTask<Awaited<ReturnType<Awaited<ReturnType<typeof loadCombine>>['addCopyAsSnapshot']>>>(
    'add the copy as a snapshot',
  );

  async function onFile(file: File | undefined) {
    if (!file) return task.reset();
    const done = await task.run(async () => {
      const [bytes, module] = await Promise.all([readFileBytes(file), loadCombine()]);
      return module.addCopyAsSnapshot(gateway, framework, bytes, file.name, calendarDateOf(today()));
    });
    if (done.status === 'done' && done.value.status === 'added') onAdded(done.value.label);
  }

  const outcome = task.state.status === 'done' ? task.state.value : null;
  return (
    <div className={styles.field}>
      <Label htmlFor={id}>Add a copy as a snapshot (.xlsx)</Label>
      <Caption1 id={`${id}-hint`}>
        A finalised copy gives its approved version; any other copy gives its responses as they stand. The
        file is only read.
      </Caption1>
      <input
        id={id}
        type="file"
        aria-describedby={`${id}-hint`}
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The copy was not added" />
      ) : null}
      {outcome?.status === 'refused' ? (
        <RefusalMessage refusal={outcome} title="The copy was not added" testId="copy-snapshot-refused" />
      ) : null}
      {outcome?.status === 'added' ? (
        <MessageBar intent="success" layout="multiline" data-testid="copy-snapshot-added">
          <MessageBarBody>
            Added “{outcome.label}” to the Saved responses sheet. It is chosen below as the earlier period.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/**
 * "Compare a group": choose the assessment files of a group (one per organisation or per period),
 * and the add-in writes a comparison workbook (each organisation's level by area in words with a
 * fill, shares met, completeness, the criteria most often blocking each level, a chart) and opens
 * or downloads it as the host allows (downloadWorkbook.ts). The chosen files are only read, and
 * this workbook is not changed. The reader and writer load only when the officer compares.
 */
import {
  Body1,
  Button,
  Caption1,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { calendarDateOf, type Framework, type Refusal } from '../../domain';
import type { HostFiles } from '../../excel/api';
import { downloadMessage, handOverWorkbook, type WorkbookDownload } from '../components/downloadWorkbook';
import { readFileBytes } from '../components/FrameworkFileInput';
import { ProblemMessage } from '../components/ProblemMessage';
import { RefusalMessage } from '../components/RefusalMessage';
import { useTask } from '../components/useTask';
import { loadGroup } from '../group/loadGroup';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

interface Props {
  readonly files: HostFiles;
  /** The open workbook's framework, known besides the bundled ones. */
  readonly framework: Framework | null;
  readonly today: () => Date;
}

type Outcome =
  | {
      readonly status: 'compared';
      readonly members: number;
      readonly title: string;
      readonly handedOver: WorkbookDownload;
      readonly warnings: readonly string[];
    }
  | Refusal;

export function CompareGroup({ files, framework, today }: Props) {
  const styles = useStyles();
  const id = useId();
  const [chosen, setChosen] = useState<readonly File[]>([]);
  const task = useTask<Outcome>('compare the group');

  async function compare(): Promise<Outcome> {
    const [bytes, module] = await Promise.all([
      Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) }))),
      loadGroup(),
    ]);
    const result = await module.compareGroup(bytes, framework, calendarDateOf(today()));
    if (result.status === 'refused') return result;
    return {
      status: 'compared',
      members: result.group.members.length,
      title: `${result.group.framework.title} (version ${result.group.framework.version})`,
      handedOver: await handOverWorkbook(files, module.GROUP_FILE_NAME, result.bytes),
      warnings: result.warnings,
    };
  }

  const outcome = task.state.status === 'done' ? task.state.value : null;
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h3" id={`${id}-title`}>
        Compare a group
      </Subtitle2>
      <Caption1 as="p" id={`${id}-hint`}>
        Choose the assessment workbooks of a group (one per organisation, or one organisation’s periods), at
        least two. The add-in makes a new workbook with each one’s level by area, shares met, completeness and
        the criteria most often holding the group back. The files are only read; this workbook is not changed.
      </Caption1>
      <Label htmlFor={id}>Assessments to compare (.xlsx)</Label>
      <input
        id={id}
        type="file"
        multiple
        aria-describedby={`${id}-hint`}
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          task.reset();
          setChosen(Array.from(e.currentTarget.files ?? []));
        }}
      />
      {chosen.length > 0 ? (
        <ul className={styles.list} aria-label="Chosen files">
          {chosen.map((f, i) => (
            <li key={`${i}-${f.name}`}>{f.name}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button
          appearance="secondary"
          disabled={chosen.length < 2 || task.state.status === 'running'}
          onClick={() => void task.run(compare)}
        >
          Compare {chosen.length >= 2 ? `${chosen.length} assessments` : 'the group'}
        </Button>
      </div>
      {task.state.status === 'running' ? <Body1 as="p">Reading and comparing…</Body1> : null}
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The group was not compared" />
      ) : null}
      {outcome?.status === 'refused' ? (
        <RefusalMessage refusal={outcome} title="The group was not compared" testId="group-refused" />
      ) : null}
      {outcome?.status === 'compared' && outcome.handedOver.status === 'refused' ? (
        <RefusalMessage
          refusal={outcome.handedOver}
          title="The comparison was made but not handed over"
          testId="group-blocked"
        />
      ) : null}
      {outcome?.status === 'compared' && outcome.handedOver.status !== 'refused' ? (
        <MessageBar intent="success" layout="multiline" data-testid="group-compared">
          <MessageBarBody>
            Compared {outcome.members} assessments of {outcome.title}. {downloadMessage(outcome.handedOver)}
            {outcome.warnings.length > 0 ? (
              <ul className={styles.list}>
                {outcome.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

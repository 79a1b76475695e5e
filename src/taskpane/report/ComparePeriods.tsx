/**
 * "Compare periods": the officer picks an earlier and a later period from the snapshots on the
 * Saved responses sheet (or "This workbook now" as the later one) and the add-in writes the Period
 * comparison sheet. What is compared, and why a comparison is refused, is decided in
 * src/workbook/comparison.ts; this view only offers the choice and says what came of it.
 */
import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { calendarDateOf, formatDate, type Framework } from '../../domain';
import type { ExcelGateway } from '../../excel/api';
import {
  comparePeriodsInWorkbook,
  readSnapshotChoices,
  type CompareOutcome,
} from '../../excel/comparePeriods';
import { comparisonSummary } from '../../workbook/comparisonLists';
import { NOW_LABEL } from '../../workbook/sheets/periodComparison';
import type { SavedSnapshot } from '../../workbook/sheets/savedResponses';
import { loadEngine } from '../loadEngine';
import { AddCopySnapshot } from './AddCopySnapshot';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';

export interface ComparePeriodsProps {
  readonly gateway: ExcelGateway;
  readonly framework: Framework;
  readonly today: () => Date;
}

interface Choices {
  readonly snapshots: readonly SavedSnapshot[];
  readonly problems: readonly string[];
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "2026-12-03 (saved on 03/12/2026)": the label, which the sheet uses, and what it is. */
function optionText(s: SavedSnapshot): string {
  return `${s.label} (${s.kind === 'Approved' ? 'approved on' : 'saved on'} ${formatDate(s.date)})`;
}

export function ComparePeriods({ gateway, framework, today }: ComparePeriodsProps) {
  const styles = useStyles();
  const choices = useTask<Choices>('read the saved snapshots');
  const compare = useTask<CompareOutcome>('compare the periods');
  const [then, setThen] = useState('');
  const [now, setNow] = useState(NOW_LABEL);
  const loaded = latestValue(choices.state);
  const snapshots = loaded?.snapshots ?? [];

  const reload = () =>
    choices.run(async () => {
      const read = await readSnapshotChoices(gateway);
      // The latest snapshot against the workbook now: what an officer asks most often.
      setThen((old) =>
        read.snapshots.some((s) => s.label === old) ? old : (read.snapshots.at(-1)?.label ?? ''),
      );
      return read;
    });
  // Read once when the view opens; "Read snapshots again" after saving one.
  useEffect(() => void reload(), []);

  const run = () =>
    compare.run(async () => {
      const engine = await loadEngine();
      return comparePeriodsInWorkbook(
        gateway,
        { then, now },
        {
          framework,
          frameworks: Object.values(engine.bundledFrameworks),
          mappings: engine.bundledMappings,
          today: calendarDateOf(today()),
        },
      );
    });

  const busy = choices.state.status === 'running' || compare.state.status === 'running';
  const outcome = latestValue(compare.state);
  return (
    <section className={styles.root} aria-labelledby="compare-heading">
      <Subtitle2 as="h3" id="compare-heading">
        Compare periods
      </Subtitle2>
      <Body1>
        Compare two snapshots from the Saved responses sheet, or one with this workbook now. The Period
        comparison sheet shows the level of each area in both, a chart, and the criteria that changed.
      </Body1>
      {loaded && snapshots.length === 0 && loaded.problems.length === 0 && (
        <Body1>No snapshots are saved yet: use Save snapshot first, then read the snapshots again.</Body1>
      )}
      <AddCopySnapshot
        gateway={gateway}
        framework={framework}
        today={today}
        onAdded={(label) => void reload().then(() => setThen(label))}
      />
      <Pickers snapshots={snapshots} then={then} now={now} busy={busy} setThen={setThen} setNow={setNow} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || then === ''} onClick={() => void run()}>
          Compare periods
        </Button>
        <Button disabled={busy} onClick={() => void reload()}>
          Read snapshots again
        </Button>
        {busy && <Spinner size="tiny" label="Working…" />}
      </div>
      {choices.state.status === 'failed' && (
        <ProblemMessage problem={choices.state.problem} title="The saved snapshots could not be read" />
      )}
      {loaded && loaded.problems.length > 0 && (
        <Listed
          title="Some saved rows cannot be read"
          message="Correct the cells named below:"
          items={loaded.problems}
        />
      )}
      {compare.state.status === 'failed' && (
        <ProblemMessage problem={compare.state.problem} title="The periods were not compared" />
      )}
      {outcome?.status === 'refused' && (
        <Listed title="Nothing was changed" message={outcome.message} items={outcome.details} />
      )}
      {outcome?.status === 'compared' && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{comparisonSummary(outcome.comparison)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function Listed({ title, message, items }: { title: string; message: string; items: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
        <ul className={styles.list}>
          {items.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

interface PickersProps {
  readonly snapshots: readonly SavedSnapshot[];
  readonly then: string;
  readonly now: string;
  readonly busy: boolean;
  readonly setThen: (label: string) => void;
  readonly setNow: (label: string) => void;
}

/** The earlier period (a snapshot) and the later one (this workbook now, or a snapshot). */
function Pickers({ snapshots, then, now, busy, setThen, setNow }: PickersProps) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label="Earlier">
        <Select value={then} disabled={busy || snapshots.length === 0} onChange={(_, d) => setThen(d.value)}>
          {snapshots.map((s) => (
            <option key={`${s.label}|${s.kind}|${formatDate(s.date)}`} value={s.label}>
              {optionText(s)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Later">
        <Select value={now} disabled={busy} onChange={(_, d) => setNow(d.value)}>
          <option value={NOW_LABEL}>{NOW_LABEL}</option>
          {snapshots.map((s) => (
            <option key={`${s.label}|${s.kind}|${formatDate(s.date)}`} value={s.label}>
              {optionText(s)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

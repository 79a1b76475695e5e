/**
 * Set up on a workbook that already holds an assessment: its settings as the workbook holds them,
 * read-only, and the ways forward that exist. No Generate button: generating here would be
 * refused (the workbook is one assessment), and an empty form invited the officer to retype
 * everything only to be told so.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Framework } from '../../domain/index';
import type { AssessmentRead } from '../../excel/readAssessment';
import type { StoredMeta } from '../../excel/inspect';
import type { ViewProps } from '../App';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';
import type { Engine } from '../loadEngine';
import { describeFrameworkMeta } from '../session/opening';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    overflowWrap: 'anywhere',
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground3 },
});

interface Props extends ViewProps {
  readonly engine: Engine;
  readonly meta: StoredMeta;
  /** Null when the assessment was made from the organisation's own file, not yet opened. */
  readonly framework: Framework | null;
}

export function ExistingAssessment({ session, navigate, engine, meta, framework }: Props) {
  const styles = useStyles();
  const task = useTask<AssessmentRead | null>('read the settings');
  const { run } = task;
  const { gateway } = session;
  useEffect(() => {
    void run(async () => (framework ? engine.readAssessment(gateway, framework) : null));
  }, [run, engine, gateway, framework]);
  const read = latestValue(task.state);

  return (
    <section className={styles.root} aria-labelledby="existing-title" data-testid="existing-assessment">
      <Subtitle2 as="h2" id="existing-title">
        This workbook already holds an assessment
      </Subtitle2>
      <Body1 as="p">
        A workbook holds one assessment, so there is nothing to generate here. Its settings, as its Start
        sheet holds them:
      </Body1>
      {task.state.status === 'running' && !read ? (
        <Spinner size="tiny" label="Reading the settings…" />
      ) : null}
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The settings could not be read" />
      ) : null}
      <dl className={styles.settings} data-testid="existing-settings">
        <dt>Framework</dt>
        <dd>{describeFrameworkMeta(meta)}</dd>
        {read ? <SettingsRead read={read} framework={framework} /> : null}
      </dl>
      {read && read.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A setting cannot be used</MessageBarTitle>
            <ul className={styles.list}>
              {read.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {framework === null ? (
        <Caption1 as="p" className={styles.note}>
          The other settings show once the framework file it was made from is open: open it in Results.
        </Caption1>
      ) : null}
      <Subtitle2 as="h3">What you can do</Subtitle2>
      <ul className={styles.list}>
        <li>
          Change the organisation, the period or the level rule on the Start sheet itself: the Summary follows
          at once.
        </li>
        <li>
          Rebuild the sheets, or move the assessment to another version of the framework, in Maintain: it
          keeps every response.
        </li>
        <li>
          Start a new assessment (the next period, say) in a new workbook: open one and set it up there.
          Maintain also offers a blank copy of this one, with the same settings, as a file.
        </li>
      </ul>
      <div>
        <Button appearance="primary" onClick={() => navigate('maintain')}>
          Go to Maintain
        </Button>
      </div>
    </section>
  );
}

function SettingsRead({ read, framework }: { read: AssessmentRead; framework: Framework | null }) {
  const { settings } = read;
  const point = framework?.ratingScale.points.find((p) => p.value === settings?.metThreshold);
  return (
    <>
      <dt>Organisation</dt>
      <dd>{shown(read.organisation)}</dd>
      <dt>Assessment period</dt>
      <dd>{shown(read.period)}</dd>
      <dt>Lowest rating that counts as met</dt>
      <dd>
        {settings
          ? `${settings.metThreshold}${point ? `: ${point.label}` : ''}`
          : 'Cannot be used (see below)'}
      </dd>
      <dt>Share of applicable criteria to meet for a level</dt>
      <dd>{settings ? `${Math.round(settings.requiredShare * 100)}%` : 'Cannot be used (see below)'}</dd>
    </>
  );
}

/** A Start sheet cell as the officer typed it, or "(blank)". */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '(blank)' : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '(blank)';
}

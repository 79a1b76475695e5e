/**
 * Start next period: a new assessment for the next period, made from this one in a new workbook
 * (opened in another Excel window, or offered as a file where this Excel cannot open one). The
 * officer chooses the period, the start date, the framework (this one, or a version the add-in
 * maps to), which fields carry and whether this period's ratings start blank or copied. This
 * workbook is only read. The planner and the .xlsx writer load only when the officer starts it.
 */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Framework, Mapping } from '../../../domain/index';
import { useAnnounce } from '../../components/Announcer';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RefusalMessage } from '../../components/RefusalMessage';
import { useTask, type TaskState } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import type { NextPeriodOutcome } from '../../nextPeriod/nextPeriodModule';
import { loadNextPeriod } from '../../nextPeriod/loadNextPeriod';
import type { Session } from '../../session/useSession';

const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  fields: { display: 'flex', flexDirection: 'column', margin: 0 },
  start: { alignSelf: 'flex-start' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The fields the officer may carry, in the area sheets' order, with their words (CARRYABLE_FIELDS). */
const FIELDS = [
  ['evidence', 'Evidence (how it was done)'],
  ['difference', 'Difference made'],
  ['owner', 'Owners'],
  ['reviewDate', 'Review dates'],
  ['notes', 'Notes'],
] as const;
type Field = (typeof FIELDS)[number][0];

/** The outcome, or a start date that could not be read (nothing was read from the workbook). */
type Outcome = NextPeriodOutcome | { readonly status: 'bad-date'; readonly problem: string };

const key = (f: Pick<Framework, 'id' | 'version'>) => `${f.id}|${f.version}`;

/** Today as the officer types a date: 31/03/2027. */
function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

/** This framework, then every other the add-in has a mapping to from it. */
function targetsOf(
  current: Framework,
  frameworks: readonly Framework[],
  mappings: readonly Mapping[],
): Framework[] {
  const mapped = frameworks.filter((f) =>
    mappings.some(
      (m) =>
        m.from.id === current.id &&
        m.from.version === current.version &&
        m.to.id === f.id &&
        m.to.version === f.version,
    ),
  );
  return [current, ...mapped.filter((f) => key(f) !== key(current))];
}

interface Props {
  readonly session: Session;
  readonly engine: Engine;
  readonly framework: Framework;
}

export function StartNextPeriod({ session, engine, framework }: Props) {
  const styles = useStyles();
  const id = useId();
  const announce = useAnnounce();
  const targets = useMemo(
    () => targetsOf(framework, session.frameworks, engine.bundledMappings),
    [framework, session.frameworks, engine.bundledMappings],
  );
  const [period, setPeriod] = useState('');
  const [startedOn, setStartedOn] = useState(todayText);
  const [target, setTarget] = useState(key(framework));
  const [fields, setFields] = useState<ReadonlySet<Field>>(() => new Set(FIELDS.map(([f]) => f)));
  const [ratings, setRatings] = useState<'blank' | 'copied'>('blank');
  const task = useTask<Outcome>('start the next period');

  async function onStart() {
    const done = await task.run(async () => {
      const module = await loadNextPeriod();
      const date = module.readStartDate(startedOn);
      if ('problem' in date) return { status: 'bad-date' as const, problem: date.problem };
      return module.startNextPeriod(session.gateway, framework, {
        fields: FIELDS.map(([f]) => f).filter((f) => fields.has(f)),
        ratings,
        period,
        startedOn: date,
        target: targets.find((f) => key(f) === target) ?? framework,
        mappings: engine.bundledMappings,
      });
    });
    if (done.status === 'done' && done.value.status === 'started') {
      announce(`The ${done.value.planned.settings.period} assessment was made in a new workbook.`);
    }
  }

  const running = task.state.status === 'running';
  return (
    <section aria-labelledby={`${id}-title`} className={styles.stack}>
      <Subtitle2 as="h3" id={`${id}-title`} block>
        Start next period
      </Subtitle2>
      <Caption1 as="p" block>
        A new assessment for the next period, in a new workbook, made from this one: the fields you choose
        carry, last period’s rating is shown beside each criterion (in a Last period column, read-only), and
        the Snapshot history, Saved responses and Change log come with it. This workbook is only read.
      </Caption1>
      <Field label="Period of the new assessment" hint="For example 2027/28." required>
        <Input value={period} disabled={running} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Field label="Start date" hint="A date such as 31/03/2027.">
        <Input value={startedOn} disabled={running} onChange={(_, d) => setStartedOn(d.value)} />
      </Field>
      <Field label="Framework of the new assessment">
        <Select
          className={styles.select}
          value={target}
          disabled={running}
          onChange={(_, d) => setTarget(d.value)}
        >
          {targets.map((f) => (
            <option key={key(f)} value={key(f)}>
              {key(f) === key(framework)
                ? `The same: ${f.title} (version ${f.version})`
                : `Upgrade to ${f.title} (version ${f.version})`}
            </option>
          ))}
        </Select>
      </Field>
      <CarriedFields fields={fields} setFields={setFields} disabled={running} className={styles.fields} />
      <Field label="This period’s ratings">
        <RadioGroup
          value={ratings}
          onChange={(_, d) => setRatings(d.value === 'copied' ? 'copied' : 'blank')}
        >
          <Radio value="blank" label="Start blank" disabled={running} />
          <Radio value="copied" label="Copy last period’s ratings" disabled={running} />
        </RadioGroup>
      </Field>
      <Button
        className={styles.start}
        appearance="primary"
        disabled={running || period.trim() === ''}
        onClick={() => void onStart()}
      >
        {running ? 'Making the new workbook…' : 'Start next period'}
      </Button>
      <NextPeriodResult state={task.state} listClass={styles.list} />
    </section>
  );
}

/** The fields to carry, each on or off. */
function CarriedFields(props: {
  fields: ReadonlySet<Field>;
  setFields: (fields: ReadonlySet<Field>) => void;
  disabled: boolean;
  className: string;
}) {
  const { fields, setFields } = props;
  return (
    <fieldset className={props.className} disabled={props.disabled}>
      <legend>Carry from this period</legend>
      {FIELDS.map(([f, words]) => (
        <Checkbox
          key={f}
          label={words}
          checked={fields.has(f)}
          onChange={(_, d) => {
            const next = new Set(fields);
            if (d.checked === true) next.add(f);
            else next.delete(f);
            setFields(next);
          }}
        />
      ))}
    </fieldset>
  );
}

function NextPeriodResult({ state, listClass }: { state: TaskState<Outcome>; listClass: string }) {
  if (state.status === 'failed')
    return <ProblemMessage problem={state.problem} title="The next period was not started" />;
  if (state.status !== 'done') return null;
  const outcome = state.value;
  if (outcome.status === 'bad-date') {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="next-period-refused">
        <MessageBarBody>{outcome.problem}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.status === 'refused') {
    return (
      <RefusalMessage
        refusal={outcome}
        title="The next period was not started"
        testId="next-period-refused"
      />
    );
  }
  const { planned, handed } = outcome;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="next-period-done">
      <MessageBarBody>
        <MessageBarTitle>The {planned.settings.period} assessment is ready</MessageBarTitle>
        <Body1 as="p" block>
          {handed.status === 'opened'
            ? `Opened ${handed.fileName} as a new workbook in another Excel window. It is not saved yet: in that window, choose File > Save As.`
            : `${handed.fileName} was offered as a file (this Excel cannot open it as a new workbook): look in your Downloads folder, then open it in Excel.`}
        </Body1>
        <Body1 as="p" block>
          {planned.carriedFrom} Kept: {planned.kept.history} History rows, {planned.kept.saved} saved
          snapshots, {planned.kept.changeLog} change log rows.
        </Body1>
        {planned.notCarried.length > 0 ? (
          <>
            <Body1 as="p" block>
              Not carried (no counterpart in the new framework; they stay in this workbook):
            </Body1>
            <ul className={listClass}>
              {planned.notCarried.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

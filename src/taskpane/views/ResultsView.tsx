/**
 * Results: the organisation's level and each area's, as the engine scores the workbook's
 * responses under the workbook's own settings; the share met per level, completeness, the
 * provisional flag and the plain-English reason an area is not at its next level.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import type { AreaResult, AssessmentResult, Framework } from '../../domain/index';
import type { ViewProps } from '../App';
import { useAnnounce } from '../components/Announcer';
import { CriterionShown, findCriterion } from '../components/CriterionShown';
import { LevelChart } from '../components/LevelChart';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';
import type { Engine } from '../loadEngine';
import { AssessmentGate } from './AssessmentGate';
// The module itself, not the domain's index: the index would bring the framework loader (zod) and
// the bundled frameworks into the JavaScript loaded before the first view (budget in test/build).
import {
  PROVISIONAL_WORDS,
  evidenceCompleteness,
  evidenceText,
  levelText,
  provisionalWord,
  withCompletedText,
  type EvidenceShare,
} from '../../domain';
import { readForView, type ReadForView } from './readForView';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  // Fixed layout: the columns share the card's width whatever the words, and a long level name
  // or "Nothing applicable" wraps inside its cell instead of pushing the table past the card.
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& thead th:first-child': { width: '30%' },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  criteria: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  summary: { cursor: 'pointer' },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ResultsOutcome extends ReadForView {
  /** Null when the settings could not be read: no level is shown rather than a guessed one. */
  readonly result: AssessmentResult | null;
  readonly areaTexts: readonly string[];
  readonly overallText: string;
  /** The framework with the wording the organisation typed where the source lacks it. */
  readonly worded: Framework;
}

export function ResultsView(props: ViewProps) {
  return (
    <AssessmentGate {...props} doing="show results for">
      {(framework, engine) => <ResultsRunner {...props} framework={framework} engine={engine} />}
    </AssessmentGate>
  );
}

function ResultsRunner({ session, framework, engine }: ViewProps & { framework: Framework; engine: Engine }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const task = useTask<ResultsOutcome>('read the results');
  const { run } = task;
  const { gateway } = session;

  const refresh = useCallback(async () => {
    const state = await run(async () => {
      const found = await readForView(engine, gateway, framework);
      const settings = found.read.settings;
      const worded = withCompletedText(framework, found.read.responses);
      if (!settings) return { ...found, result: null, areaTexts: [], overallText: '', worded };
      const result = engine.score(framework, found.read.responses, settings);
      return {
        ...found,
        worded,
        result,
        areaTexts: engine.explainAreas(result, framework, settings),
        overallText: engine.explainOverall(result),
      };
    });
    if (state.status === 'done') {
      announce(
        state.value.result
          ? `Results: ${state.value.overallText}`
          : 'No results: the settings on the Start sheet cannot be read.',
      );
    } else if (state.status === 'failed') {
      announce(state.problem.message, 'assertive');
    }
  }, [run, engine, gateway, framework, announce]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const shown = latestValue(task.state);
  const running = task.state.status === 'running';
  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => void refresh()} disabled={running}>
          {running ? 'Reading…' : 'Refresh results'}
        </Button>
        {running ? <Spinner size="tiny" label="Reading the ratings…" /> : null}
      </div>
      {task.state.status === 'failed' ? (
        <ProblemMessage problem={task.state.problem} title="The results could not be read" />
      ) : null}
      {shown ? <Results outcome={shown} framework={framework} /> : null}
    </>
  );
}

function Results({ outcome, framework }: { outcome: ResultsOutcome; framework: Framework }) {
  const styles = useStyles();
  const { result, read, missingSheets } = outcome;
  const problems = [...read.problems, ...missingSheets];
  const evidence = result ? evidenceCompleteness(result) : null;
  return (
    <>
      {problems.length > 0 ? (
        <MessageBar intent={result ? 'warning' : 'error'} layout="multiline" data-testid="workbook-problems">
          <MessageBarBody>
            <MessageBarTitle>
              {result ? 'Problems with the workbook itself' : 'No results until the Start sheet is fixed'}
            </MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <>
          <section className={styles.card} aria-labelledby="overall-title" data-testid="overall">
            <Subtitle1 as="h2" id="overall-title" className={styles.heading}>
              Organisation: {levelText(result.overall, framework.levels[0]?.name ?? 'the first level')}
            </Subtitle1>
            <div className={styles.row}>
              <StatusBadge result={result.overall} />
              <Caption1>{completenessText(result.overall)}</Caption1>
            </div>
            {evidence ? (
              <Caption1 data-testid="overall-evidence">{evidenceText(evidence.overall)}</Caption1>
            ) : null}
            <Body1 as="p" className={styles.heading}>
              {outcome.overallText}
            </Body1>
            <Caption1 className={styles.muted}>
              Rule used (from the Start sheet): a criterion is met when rated {result.settings.metThreshold}{' '}
              or more; a level needs {percent(result.settings.requiredShare)} of its applicable criteria met,
              and every level below it.
            </Caption1>
          </section>
          <LevelChart areas={result.areas} requiredShare={result.settings.requiredShare} />
          {result.areas.map((area, i) => (
            <AreaCard
              key={area.area}
              area={area}
              text={outcome.areaTexts[i] ?? ''}
              firstLevel={framework.levels[0]?.name ?? 'the first level'}
              framework={outcome.worded}
              evidence={evidence?.areas.find((e) => e.area === area.area)}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

/**
 * Provisional only while an unanswered criterion could change the level; "Settled" when answers
 * are missing but none could; "Complete" when every applicable criterion is answered.
 */
function StatusBadge({ result }: { result: { provisional: boolean; unanswered: number } }) {
  const word = provisionalWord(result);
  if (word === PROVISIONAL_WORDS.yes) return <Badge color="warning">Provisional</Badge>;
  if (word === PROVISIONAL_WORDS.settled) return <Badge color="informative">Settled, answers missing</Badge>;
  return <Badge color="success">Complete</Badge>;
}

function AreaCard({
  area,
  text,
  firstLevel,
  framework,
  evidence,
}: {
  area: AreaResult;
  text: string;
  firstLevel: string;
  framework: Framework;
  evidence: EvidenceShare | undefined;
}) {
  const styles = useStyles();
  const headingId = `area-${area.area}-title`;
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid={`area-${area.area}`}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {area.shortName}:{' '}
        {levelText({ assessed: area.assessed, levelName: area.levelReachedName }, firstLevel)}
      </Subtitle2>
      <div className={styles.row}>
        <StatusBadge result={area} />
        <Caption1>{completenessText(area)}</Caption1>
      </div>
      {evidence ? (
        <Caption1 data-testid={`area-${area.area}-evidence`}>{evidenceText(evidence)}</Caption1>
      ) : null}
      <table className={styles.table}>
        <caption className={styles.muted} style={{ textAlign: 'left' }}>
          {area.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Met</th>
            <th scope="col">Needs</th>
            <th scope="col">Share</th>
            <th scope="col">Reached</th>
          </tr>
        </thead>
        <tbody>
          {area.levels.map((l) => (
            <tr key={l.level}>
              <th scope="row">{l.levelName}</th>
              <td>
                {l.met} of {l.applicable}
              </td>
              <td>{l.required}</td>
              <td>{l.shareMet === null ? 'n/a' : percent(l.shareMet)}</td>
              <td>{l.applicable === 0 ? 'Nothing applicable' : l.satisfied ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Body1 as="p" className={styles.heading}>
        {text}
      </Body1>
      <Blockers area={area} framework={framework} />
    </section>
  );
}

/** The criteria between an area and its next levels, each with its wording and guidance, folded. */
function Blockers({ area, framework }: { area: AreaResult; framework: Framework }) {
  const styles = useStyles();
  const count = area.blockers.reduce((n, b) => n + b.notMet.length + b.unanswered.length, 0);
  if (count === 0) return null;
  return (
    <details>
      <summary className={styles.summary}>
        The {count === 1 ? 'criterion' : `${count} criteria`} in the way, with their questions
      </summary>
      {area.blockers.map((b) => (
        <div key={b.level}>
          <Caption1 as="p" className={styles.heading}>
            <strong>{b.levelName}</strong>
          </Caption1>
          <ul className={styles.criteria}>
            {[...b.notMet, ...b.unanswered].map((ref) => {
              const criterion = findCriterion(framework, area.area, ref.criterionId);
              return criterion ? (
                <li key={ref.criterionId}>
                  <CriterionShown framework={framework} criterion={criterion} />
                </li>
              ) : null;
            })}
          </ul>
        </div>
      ))}
    </details>
  );
}

function completenessText(x: { answered: number; applicable: number; completeness: number }): string {
  return `${x.answered} of ${x.applicable} applicable criteria answered (${percent(x.completeness)})`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

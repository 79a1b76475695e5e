/**
 * One severity's section of the Check list: a heading with its count that folds the section, and
 * inside it the problems by area, each saying what is wrong and where, with the criterion it is
 * about and the view's buttons (`renderAction`) under it.
 */
import { Badge, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Framework, Severity } from '../../domain/index';
import type { WorkbookProblem } from '../../workbook/audit';
import { capitalise } from './capitalise';
import { CriterionShown, findCriterion } from './CriterionShown';
import { SEVERITY_WORDS, type SeverityGroup } from './issueGroups';
import { cellWords, problemPlace } from './problemWords';
import type { FixFocus } from './useFixFocus';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  summary: { cursor: 'pointer' },
  heading: { display: 'inline', margin: 0 },
  area: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  cell: { color: tokens.colorNeutralForeground3 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const BADGE_COLOUR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface ItemProps {
  readonly framework: Framework;
  readonly idBase: string;
  readonly focus: FixFocus;
  readonly renderAction?: (problem: WorkbookProblem, messageId: string) => ReactNode;
  readonly notice?: ReactNode;
}

interface Props extends ItemProps {
  readonly group: SeverityGroup<WorkbookProblem>;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
}

export function IssueSection({ group, open, onToggle, ...item }: Props) {
  const styles = useStyles();
  const headingId = `${item.idBase}-severity-${group.severity}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <details
        open={open}
        onToggle={(event) => {
          const now = event.currentTarget.open;
          if (now !== open) onToggle(now);
        }}
      >
        <summary className={styles.summary}>
          <Subtitle2 as="h3" id={headingId} className={styles.heading}>
            {capitalise(SEVERITY_WORDS[group.severity].many)} ({group.count})
          </Subtitle2>
        </summary>
        {open
          ? group.areas.map((area) => (
              <div key={area.area ?? 'none'}>
                <h4 className={styles.area}>
                  {area.title} ({area.issues.length})
                </h4>
                <ul className={styles.list}>
                  {area.issues.map((problem, i) => (
                    // Keys are unique per problem (rule and place); the index guards against a
                    // duplicate all the same, so React never merges two rows.
                    <IssueItem
                      key={`${problem.key}-${i}`}
                      {...item}
                      problem={problem}
                      severity={group.severity}
                      messageId={`${item.idBase}-${group.severity}-${area.area ?? 'none'}-${i}`}
                    />
                  ))}
                </ul>
              </div>
            ))
          : null}
      </details>
    </section>
  );
}

function IssueItem({
  problem,
  severity,
  messageId,
  framework,
  focus,
  renderAction,
  notice,
}: ItemProps & { problem: WorkbookProblem; severity: Severity; messageId: string }) {
  const styles = useStyles();
  const place = problemPlace(problem);
  return (
    <li
      className={styles.item}
      tabIndex={-1}
      ref={problem.key === focus.focusKey ? focus.target : undefined}
      data-problem={problem.key}
    >
      {problem.key === focus.noticeKey && notice ? notice : null}
      <div id={messageId}>
        <Badge appearance="tint" color={BADGE_COLOUR[severity]} size="small">
          {SEVERITY_WORDS[severity].one}
        </Badge>{' '}
        {place !== undefined ? <strong>{place}: </strong> : null}
        {place !== undefined && problem.detail !== undefined ? problem.detail : problem.message}
      </div>
      {problem.detail !== undefined && problem.cell !== undefined ? (
        <Caption1 className={styles.cell}>{capitalise(cellWords(problem.cell))}</Caption1>
      ) : null}
      <ProblemCriterion problem={problem} framework={framework} />
      {renderAction?.(problem, messageId)}
    </li>
  );
}

/** The criterion a problem is about, with its wording and guidance; nothing for a row the framework lacks. */
function ProblemCriterion({ problem, framework }: { problem: WorkbookProblem; framework: Framework }) {
  if (problem.criterionId === undefined || problem.ruleId === 'criterion-unknown') return null;
  const criterion = findCriterion(framework, problem.area, problem.criterionId);
  return criterion ? <CriterionShown framework={framework} criterion={criterion} /> : null;
}

/**
 * The problems the workbook check found, grouped by area and severity. Each problem names its
 * cell and criterion and says what is expected (the audit words the message). `renderAction` puts
 * the view's buttons (go to the cell, apply the fix) under a problem; it gets the id of the
 * problem's message so a button can point at it with aria-describedby.
 */
import { Badge, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Framework, Severity } from '../../domain/index';
import type { WorkbookProblem } from '../../workbook/audit';
import { groupIssues, SEVERITY_WORDS } from './issueGroups';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  severity: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLOUR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

interface Props {
  readonly problems: readonly WorkbookProblem[];
  readonly framework: Framework;
  readonly renderAction?: (problem: WorkbookProblem, messageId: string) => ReactNode;
}

export function IssueList({ problems, framework, renderAction }: Props) {
  const styles = useStyles();
  const idBase = useId();
  const groups = groupIssues(problems, framework);
  return (
    <>
      {groups.map((group) => {
        const headingId = `issues-area-${group.area ?? 'none'}`;
        return (
          <section key={headingId} className={styles.area} aria-labelledby={headingId}>
            <Subtitle2 as="h3" id={headingId}>
              {group.title} ({group.count})
            </Subtitle2>
            {group.severities.map(({ severity, issues: list }) => (
              <div key={severity}>
                <h4 className={styles.severity}>
                  {capitalise(
                    list.length === 1 ? SEVERITY_WORDS[severity].one : SEVERITY_WORDS[severity].many,
                  )}{' '}
                  ({list.length})
                </h4>
                <ul className={styles.list}>
                  {list.map((problem, i) => {
                    // Keys are unique per problem (rule and place); the index guards against a
                    // duplicate all the same, so React never merges two rows.
                    const key = `${problem.key}-${i}`;
                    const messageId = `${idBase}-${group.area ?? 'none'}-${severity}-${i}`;
                    return (
                      <li key={key} className={styles.item}>
                        <div id={messageId}>
                          <Badge appearance="tint" color={BADGE_COLOUR[severity]} size="small">
                            {SEVERITY_WORDS[severity].one}
                          </Badge>{' '}
                          {problem.message}
                        </div>
                        {/* The message already starts with the cell; this line names the criterion. */}
                        {problem.criterionId !== undefined ? (
                          <Caption1 className={styles.meta}>Criterion {problem.criterionId}</Caption1>
                        ) : null}
                        {renderAction?.(problem, messageId)}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

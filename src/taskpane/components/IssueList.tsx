/**
 * The problems the checks found, grouped by area and severity. Each problem names its cell and
 * criterion and says what is expected (the engine words the message). `renderAction` lets a
 * later version put a button beside a problem (select the cell, apply the fix) without
 * changing the list.
 */
import { Badge, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CheckIssue, Framework, Severity } from '../../domain/index';
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
  readonly issues: readonly CheckIssue[];
  readonly framework: Framework;
  readonly renderAction?: (issue: CheckIssue) => ReactNode;
}

export function IssueList({ issues, framework, renderAction }: Props) {
  const styles = useStyles();
  const groups = groupIssues(issues, framework);
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
                  {list.map((issue, i) => (
                    <li
                      key={`${issue.ruleId}-${issue.cell ?? issue.criterionId}-${i}`}
                      className={styles.item}
                    >
                      <div>
                        <Badge appearance="tint" color={BADGE_COLOUR[severity]} size="small">
                          {SEVERITY_WORDS[severity].one}
                        </Badge>{' '}
                        {issue.message}
                      </div>
                      {/* The message already starts with the cell; this line names the criterion. */}
                      <Caption1 className={styles.meta}>Criterion {issue.criterionId}</Caption1>
                      {renderAction?.(issue)}
                    </li>
                  ))}
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

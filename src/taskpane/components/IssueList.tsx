/**
 * The problems the workbook check found, triaged: errors first across every area, then warnings,
 * then notes, each with its count; inside each, by area. Filters narrow it to one severity or one
 * area, and a long section starts folded so that the first screen shows what matters. Each problem
 * says what is wrong (the audit words the message); `renderAction` puts the view's buttons under it
 * and gets the id of the message so a button can point at it with aria-describedby.
 *
 * After a fix from one problem's button, the view passes that problem's key (`fixedKey`): once the
 * list is checked again, focus moves to the problem that took its place (or to it, if the fix was
 * left undone), with the confirmation (`notice`) just above, so the officer's place and what
 * happened stay together instead of focus falling to the page.
 */
import { Caption1 } from '@fluentui/react-components';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Framework, Severity } from '../../domain/index';
import type { WorkbookProblem } from '../../workbook/audit';
import { IssueFilters } from './IssueFilters';
import { IssueSection } from './IssueSection';
import { filterIssues, FOLD_OVER, groupIssues, shownOrder, SHOW_ALL, type IssueFilter } from './issueGroups';
import { useFixFocus } from './useFixFocus';

interface Props {
  readonly problems: readonly WorkbookProblem[];
  readonly framework: Framework;
  readonly renderAction?: (problem: WorkbookProblem, messageId: string) => ReactNode;
  /** The problem whose fix was just applied: focus goes to its place once the list is re-checked. */
  readonly fixedKey?: string | null;
  /** Shown just above the focused problem: the confirmation of what the officer just did. */
  readonly notice?: ReactNode;
}

export function IssueList({ problems, framework, renderAction, fixedKey = null, notice }: Props) {
  const idBase = useId();
  const [filter, setFilter] = useState<IssueFilter>(SHOW_ALL);
  const groups = useMemo(
    () => groupIssues(filterIssues(problems, framework, filter), framework),
    [problems, framework, filter],
  );
  // Folded sections the officer opened (or closed) stay as they left them across re-checks.
  const [toggled, setToggled] = useState<ReadonlyMap<Severity, boolean>>(new Map());
  const isOpen = (severity: Severity, count: number, first: boolean) =>
    toggled.get(severity) ?? (first || count <= FOLD_OVER);

  // Only problems in open sections can take the focus after a fix (see useFixFocus).
  const order = shownOrder(groups.filter((group, g) => isOpen(group.severity, group.count, g === 0))).map(
    (p) => p.key,
  );
  const focus = useFixFocus(problems, order, fixedKey);

  return (
    <>
      {problems.length > 0 ? (
        <IssueFilters problems={problems} framework={framework} filter={filter} onChange={setFilter} />
      ) : null}
      {problems.length > 0 && groups.length === 0 ? (
        <Caption1 as="p">
          Nothing matches these filters. Choose Everything and All areas to see every problem.
        </Caption1>
      ) : null}
      {groups.map((group, g) => (
        <IssueSection
          key={group.severity}
          group={group}
          open={isOpen(group.severity, group.count, g === 0)}
          onToggle={(now) => setToggled(new Map(toggled).set(group.severity, now))}
          framework={framework}
          idBase={idBase}
          focus={focus}
          {...(renderAction ? { renderAction } : {})}
          notice={notice}
        />
      ))}
    </>
  );
}

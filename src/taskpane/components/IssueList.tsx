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
import { Badge, Caption1, Field, makeStyles, Select, Subtitle2, tokens } from '@fluentui/react-components';
import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Framework, Severity } from '../../domain/index';
import type { WorkbookProblem } from '../../workbook/audit';
import { CriterionShown, findCriterion } from './CriterionShown';
import { cellWords, problemPlace } from './problemWords';
import {
  filterIssues,
  FOLD_OVER,
  groupIssues,
  NO_AREA_TITLE,
  placeOf,
  shownOrder,
  SEVERITY_WORDS,
  SHOW_ALL,
  type IssueFilter,
} from './issueGroups';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, minWidth: 0 },
  // Side by side from 320 px, so the first screen reaches the errors: Fluent's Select keeps a
  // minimum width that would stack them.
  filter: { minWidth: 0, flexGrow: 1, flexBasis: '120px' },
  select: { minWidth: 0, maxWidth: '100%' },
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
  const styles = useStyles();
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

  // Focus after a fix, once: when the list first changes after the fix, to the problem that took
  // the fixed one's place. Never again for that fix, so a later live check (the officer typing in
  // the sheet) does not pull focus into the pane.
  // Only problems in open sections can take the focus: the one after the last error may sit in a
  // folded section of warnings, where focusing it would drop the focus to the page.
  const order = shownOrder(groups.filter((group, g) => isOpen(group.severity, group.count, g === 0))).map(
    (p) => p.key,
  );
  const lastOrder = useRef(order);
  const pending = useRef<{ fixed: string; order: string[]; problems: readonly WorkbookProblem[] } | null>(
    null,
  );
  // Where focus went for this fix: the notice stays with that problem until the next action.
  const placed = useRef<string | null>(null);
  if (fixedKey !== null && pending.current?.fixed !== fixedKey) {
    pending.current = { fixed: fixedKey, order: lastOrder.current, problems };
    placed.current = null;
  }
  if (fixedKey === null) {
    pending.current = null;
    placed.current = null;
  }
  const waiting = pending.current;
  const focusKey =
    waiting && waiting.problems !== problems ? placeOf(waiting.fixed, waiting.order, order) : null;
  const focusTarget = useRef<HTMLLIElement | null>(null);
  // A layout effect: focus moves in the same commit that removes the fixed problem, before the
  // browser paints, so there is no moment with the focus on the page.
  useLayoutEffect(() => {
    lastOrder.current = order;
    if (focusKey !== null && waiting) {
      placed.current = focusKey;
      focusTarget.current?.focus();
      // Done for this fix: keep the key (so it is not taken again) but stop waiting.
      pending.current = { ...waiting, problems };
    }
  });

  const hasNoArea = problems.some(
    (p) => p.area === undefined || !framework.areas.some((a) => a.number === p.area),
  );
  return (
    <>
      {problems.length > 0 ? (
        <div className={styles.filters}>
          <Field label="Show" className={styles.filter}>
            <Select
              className={styles.select}
              value={filter.severity}
              onChange={(_, data) =>
                setFilter({ ...filter, severity: data.value as IssueFilter['severity'] })
              }
            >
              <option value="all">Everything ({problems.length})</option>
              {(['error', 'warning', 'info'] as const).map((severity) => {
                const n = problems.filter((p) => p.severity === severity).length;
                return n > 0 ? (
                  <option key={severity} value={severity}>
                    {capitalise(SEVERITY_WORDS[severity].many)} only ({n})
                  </option>
                ) : null;
              })}
            </Select>
          </Field>
          <Field label="Area" className={styles.filter}>
            <Select
              className={styles.select}
              value={String(filter.area)}
              onChange={(_, data) =>
                setFilter({
                  ...filter,
                  area: data.value === 'all' || data.value === 'none' ? data.value : Number(data.value),
                })
              }
            >
              <option value="all">All areas</option>
              {framework.areas.map((a) => (
                <option key={a.number} value={String(a.number)}>
                  {a.number}. {a.shortName}
                </option>
              ))}
              {hasNoArea ? <option value="none">{NO_AREA_TITLE}</option> : null}
            </Select>
          </Field>
        </div>
      ) : null}
      {problems.length > 0 && groups.length === 0 ? (
        <Caption1 as="p">
          Nothing matches these filters. Choose Everything and All areas to see every problem.
        </Caption1>
      ) : null}
      {groups.map((group, g) => {
        const headingId = `${idBase}-severity-${group.severity}`;
        const words = SEVERITY_WORDS[group.severity];
        const open = isOpen(group.severity, group.count, g === 0);
        return (
          <section key={group.severity} className={styles.section} aria-labelledby={headingId}>
            <details
              open={open}
              onToggle={(event) => {
                const now = event.currentTarget.open;
                if (now !== open) setToggled(new Map(toggled).set(group.severity, now));
              }}
            >
              <summary className={styles.summary}>
                <Subtitle2 as="h3" id={headingId} className={styles.heading}>
                  {capitalise(words.many)} ({group.count})
                </Subtitle2>
              </summary>
              {open
                ? group.areas.map((area) => (
                    <div key={area.area ?? 'none'}>
                      <h4 className={styles.area}>
                        {area.title} ({area.issues.length})
                      </h4>
                      <ul className={styles.list}>
                        {area.issues.map((problem, i) => {
                          const messageId = `${idBase}-${group.severity}-${area.area ?? 'none'}-${i}`;
                          const focused = problem.key === (focusKey ?? placed.current);
                          return (
                            // Keys are unique per problem (rule and place); the index guards
                            // against a duplicate all the same, so React never merges two rows.
                            <li
                              key={`${problem.key}-${i}`}
                              className={styles.item}
                              tabIndex={-1}
                              ref={problem.key === focusKey ? focusTarget : undefined}
                              data-problem={problem.key}
                            >
                              {focused && notice ? notice : null}
                              <div id={messageId}>
                                <Badge appearance="tint" color={BADGE_COLOUR[group.severity]} size="small">
                                  {words.one}
                                </Badge>{' '}
                                {problemPlace(problem) !== undefined ? (
                                  <strong>{problemPlace(problem)}: </strong>
                                ) : null}
                                {problemPlace(problem) !== undefined && problem.detail !== undefined
                                  ? problem.detail
                                  : problem.message}
                              </div>
                              {problem.detail !== undefined && problem.cell !== undefined ? (
                                <Caption1 className={styles.cell}>
                                  {capitalise(cellWords(problem.cell))}
                                </Caption1>
                              ) : null}
                              <ProblemCriterion problem={problem} framework={framework} />
                              {renderAction?.(problem, messageId)}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ))
                : null}
            </details>
          </section>
        );
      })}
    </>
  );
}

/** The criterion a problem is about, with its wording and guidance; nothing for a row the framework lacks. */
function ProblemCriterion({ problem, framework }: { problem: WorkbookProblem; framework: Framework }) {
  if (problem.criterionId === undefined || problem.ruleId === 'criterion-unknown') return null;
  const criterion = findCriterion(framework, problem.area, problem.criterionId);
  return criterion ? <CriterionShown framework={framework} criterion={criterion} /> : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

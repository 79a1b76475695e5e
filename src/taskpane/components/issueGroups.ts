/**
 * The Check view's list, triaged: by severity first across the whole workbook (errors, then
 * warnings, then notes), then by area in framework order inside each severity (problems without an
 * area, such as a setting on the Start sheet or the Summary sheet missing, come last under their
 * own heading). Filters by severity and area narrow it. Works on anything with a severity and
 * perhaps an area: the engine's CheckIssue and the workbook audit's WorkbookProblem alike.
 */
import type { Framework, Severity } from '../../domain/index';

export interface Groupable {
  readonly severity: Severity;
  readonly area?: number | undefined;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_WORDS: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: 'error', many: 'errors' },
  warning: { one: 'warning', many: 'warnings' },
  info: { one: 'note', many: 'notes' },
};

export interface AreaGroup<T extends Groupable> {
  /** The area number, or null for issues that belong to no area. */
  readonly area: number | null;
  readonly title: string;
  readonly issues: readonly T[];
}

export interface SeverityGroup<T extends Groupable> {
  readonly severity: Severity;
  readonly count: number;
  readonly areas: readonly AreaGroup<T>[];
}

/** The heading of the group of problems that belong to no area. */
export const NO_AREA_TITLE = 'The workbook itself and rows that match no criterion';

/** Which problems to show: a severity or all, an area number, 'none' (no area) or all. */
export interface IssueFilter {
  readonly severity: Severity | 'all';
  readonly area: number | 'none' | 'all';
}

export const SHOW_ALL: IssueFilter = { severity: 'all', area: 'all' };

function areaKey(issue: Groupable, known: ReadonlySet<number>): number | null {
  return issue.area !== undefined && known.has(issue.area) ? issue.area : null;
}

export function filterIssues<T extends Groupable>(
  issues: readonly T[],
  framework: Framework,
  filter: IssueFilter,
): T[] {
  const known = new Set(framework.areas.map((a) => a.number));
  return issues.filter((issue) => {
    if (filter.severity !== 'all' && issue.severity !== filter.severity) return false;
    if (filter.area === 'all') return true;
    const area = areaKey(issue, known);
    return filter.area === 'none' ? area === null : area === filter.area;
  });
}

export function groupIssues<T extends Groupable>(
  issues: readonly T[],
  framework: Framework,
): SeverityGroup<T>[] {
  const areas: { area: number | null; title: string }[] = [
    ...framework.areas.map((a) => ({ area: a.number, title: `${a.number}. ${a.name}` })),
    { area: null, title: NO_AREA_TITLE },
  ];
  const known = new Set(framework.areas.map((a) => a.number));
  return SEVERITY_ORDER.flatMap((severity) => {
    const ofSeverity = issues.filter((i) => i.severity === severity);
    if (ofSeverity.length === 0) return [];
    const groups = areas.flatMap(({ area, title }) => {
      const inArea = ofSeverity.filter((i) => areaKey(i, known) === area);
      return inArea.length > 0 ? [{ area, title, issues: inArea }] : [];
    });
    return [{ severity, count: ofSeverity.length, areas: groups }];
  });
}

/** The issues in the order the list shows them (for moving focus to "the next one"). */
export function shownOrder<T extends Groupable>(groups: readonly SeverityGroup<T>[]): T[] {
  return groups.flatMap((g) => g.areas.flatMap((a) => a.issues));
}

/**
 * Where focus goes after a fix: the fixed problem if it is still listed (the fix was left undone),
 * else the one now at its place in the order, else the last one; null when the list is empty.
 */
export function placeOf(fixed: string, previous: readonly string[], now: readonly string[]): string | null {
  if (now.includes(fixed)) return fixed;
  if (now.length === 0) return null;
  const index = previous.indexOf(fixed);
  // Problems before the fixed one keep their places: count those still listed.
  const kept = index < 0 ? 0 : previous.slice(0, index).filter((k) => now.includes(k)).length;
  return now[Math.min(kept, now.length - 1)] ?? null;
}

/** "2 errors, 1 warning and 3 notes", or "no problems". */
export function countWords(issues: readonly Pick<Groupable, 'severity'>[]): string {
  const parts = SEVERITY_ORDER.flatMap((severity) => {
    const n = issues.filter((i) => i.severity === severity).length;
    if (n === 0) return [];
    const words = SEVERITY_WORDS[severity];
    return [`${n} ${n === 1 ? words.one : words.many}`];
  });
  if (parts.length === 0) return 'no problems';
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** A section longer than this starts folded, unless it is the first one shown. */
export const FOLD_OVER = 10;

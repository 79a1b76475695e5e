/**
 * The Check view's list, grouped: by area in framework order (problems without an area, such as
 * a setting on the Start sheet or the Summary sheet missing, come last under their own heading),
 * then by severity, errors first. Works on anything with a severity and perhaps an area: the
 * engine's CheckIssue and the workbook audit's WorkbookProblem alike.
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

export interface SeverityGroup<T extends Groupable> {
  readonly severity: Severity;
  readonly issues: readonly T[];
}

export interface AreaGroup<T extends Groupable> {
  /** The area number, or null for issues that belong to no area. */
  readonly area: number | null;
  readonly title: string;
  readonly count: number;
  readonly severities: readonly SeverityGroup<T>[];
}

/** The heading of the group of problems that belong to no area. */
export const NO_AREA_TITLE = 'The workbook itself and rows that match no criterion';

export function groupIssues<T extends Groupable>(issues: readonly T[], framework: Framework): AreaGroup<T>[] {
  const areas: { area: number | null; title: string }[] = [
    ...framework.areas.map((a) => ({ area: a.number, title: `${a.number}. ${a.name}` })),
    { area: null, title: NO_AREA_TITLE },
  ];
  const known = new Set(framework.areas.map((a) => a.number));
  return areas.flatMap(({ area, title }) => {
    const inArea = issues.filter((i) =>
      area === null ? i.area === undefined || !known.has(i.area) : i.area === area,
    );
    if (inArea.length === 0) return [];
    const severities = SEVERITY_ORDER.flatMap((severity) => {
      const list = inArea.filter((i) => i.severity === severity);
      return list.length > 0 ? [{ severity, issues: list }] : [];
    });
    return [{ area, title, count: inArea.length, severities }];
  });
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

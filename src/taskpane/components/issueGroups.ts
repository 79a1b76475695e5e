/**
 * The Check view's list, grouped: by area in framework order (issues without an area, such as
 * an unknown criterion id, come last), then by severity, errors first.
 */
import type { CheckIssue, Framework, Severity } from '../../domain/index';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_WORDS: Readonly<Record<Severity, { one: string; many: string }>> = {
  error: { one: 'error', many: 'errors' },
  warning: { one: 'warning', many: 'warnings' },
  info: { one: 'note', many: 'notes' },
};

export interface SeverityGroup {
  readonly severity: Severity;
  readonly issues: readonly CheckIssue[];
}

export interface AreaGroup {
  /** The area number, or null for issues that belong to no area. */
  readonly area: number | null;
  readonly title: string;
  readonly count: number;
  readonly severities: readonly SeverityGroup[];
}

export function groupIssues(issues: readonly CheckIssue[], framework: Framework): AreaGroup[] {
  const areas: { area: number | null; title: string }[] = [
    ...framework.areas.map((a) => ({ area: a.number, title: `${a.number}. ${a.name}` })),
    { area: null, title: 'Rows that match no criterion' },
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
export function countWords(issues: readonly CheckIssue[]): string {
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

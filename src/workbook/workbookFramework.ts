/**
 * Which framework the pane reads an assessment with: the one kept in the workbook (checked by the
 * loader like any file), or, for a workbook made before the framework was kept in it, one the pane
 * knows by id and version. A damaged stored framework is reported by its cells; the pane falls back
 * to a known framework only when its id and version are the ones the workbook records. Pure: the
 * loader is passed in, so this file stays out of the bundle the pane opens with. Used by the pane
 * for the open workbook and by src/xlsx/assessmentFile.ts for a file.
 */
import type { Framework, FrameworkProblem, LoadResult } from '../domain';
import type { StoredMeta } from './metaBlock';
import type { StoredFrameworkText } from './storedFramework';

/** The known framework an assessment was made from, by the id and version its meta block records. */
export function frameworkFor(meta: StoredMeta, known: readonly Framework[]): Framework | undefined {
  return known.find((f) => f.id === meta.frameworkId && f.version === meta.frameworkVersion);
}

export type WorkbookFramework =
  /** Read from the workbook itself. */
  | { readonly kind: 'stored'; readonly framework: Framework }
  /** A workbook with no stored framework, made from a framework the pane knows. */
  | { readonly kind: 'known'; readonly framework: Framework }
  /** The stored framework is damaged; a known one with the same id and version is used instead. */
  | { readonly kind: 'fallback'; readonly framework: Framework; readonly problems: readonly string[] }
  /** Nothing usable: the officer must open the framework file (problems empty for an older workbook). */
  | { readonly kind: 'missing'; readonly problems: readonly string[] };

export interface FrameworkReading {
  readonly loadFramework: (text: string, fileName: string) => LoadResult;
  readonly describeProblem: (problem: FrameworkProblem) => string;
}

export function workbookFramework(
  meta: StoredMeta,
  stored: StoredFrameworkText | undefined,
  known: readonly Framework[],
  reading: FrameworkReading,
): WorkbookFramework {
  const problems = storedProblems(meta, stored, reading);
  if (problems === null) {
    const framework = frameworkFor(meta, known);
    return framework ? { kind: 'known', framework } : { kind: 'missing', problems: [] };
  }
  if ('framework' in problems) return { kind: 'stored', framework: problems.framework };
  const fallback = frameworkFor(meta, known);
  return fallback
    ? { kind: 'fallback', framework: fallback, problems: problems.list }
    : { kind: 'missing', problems: problems.list };
}

/** null: nothing stored; a framework; or the stored copy's problems, by cell. */
function storedProblems(
  meta: StoredMeta,
  stored: StoredFrameworkText | undefined,
  reading: FrameworkReading,
): null | { framework: Framework } | { list: readonly string[] } {
  if (stored === undefined || stored.kind === 'none') return null;
  if (stored.kind === 'damaged') return { list: stored.problems };
  const result = reading.loadFramework(stored.text, `The framework stored in ${stored.where}`);
  if (!result.ok) return { list: result.problems.map(reading.describeProblem) };
  const f = result.framework;
  if (f.id !== meta.frameworkId || f.version !== meta.frameworkVersion) {
    return {
      list: [
        `The stored framework in ${stored.where} is framework "${f.id}" version ${f.version}, but the meta block says the assessment ` +
          `was made from "${meta.frameworkId}" version ${meta.frameworkVersion}: one of them was changed.`,
      ],
    };
  }
  return { framework: f };
}

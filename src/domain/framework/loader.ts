/**
 * Loads a framework file: JSON text (or an already parsed value) in, a checked `Framework` or a
 * list of problems out. Nothing throws: a file an organisation wrote by hand, or a hostile one,
 * produces problems that name the file, the place in it and what is expected.
 *
 * Order: size and JSON syntax (jsonText.ts), the schema, then the cross-field rules. Each stage
 * runs only when the one before it passed, because later rules assume the shape the schema
 * guarantees; so fixing a file can reveal a second round of problems. On any problem no framework is returned.
 */
import { FrameworkSchema } from './schema';
import { criterionKey, type Framework } from './types';
import { ProblemList, addZodIssues, type FrameworkProblem } from './problems';
import { checkFramework } from './crossChecks';
import { parseJsonText } from './jsonText';

export { MAX_FRAMEWORK_CHARS } from './jsonText';

export type { FrameworkProblem } from './problems';

export type LoadResult =
  | { readonly ok: true; readonly framework: Framework }
  | { readonly ok: false; readonly problems: readonly FrameworkProblem[] };

export function loadFramework(input: unknown, fileName: string): LoadResult {
  const problems = new ProblemList(fileName);
  try {
    const value = typeof input === 'string' ? parseJsonText(input, problems) : input;
    if (!problems.isEmpty) return failed(problems);

    const parsed = FrameworkSchema.safeParse(value);
    if (!parsed.success) {
      addZodIssues(problems, parsed.error.issues, value);
      return failed(problems);
    }

    checkFramework(parsed.data, problems);
    if (!problems.isEmpty) return failed(problems);

    // The editor hint is not part of the framework itself.
    const { $schema: _editorHint, ...rest } = parsed.data;
    const framework: Framework = {
      ...rest,
      criteria: rest.criteria.map((c) => ({
        ...c,
        key: criterionKey(rest.id, rest.version, c.area, c.id),
      })),
    };
    return { ok: true, framework };
  } catch (error: unknown) {
    // Only reachable with input no JSON file can produce (getters that throw, proxies); it must
    // still come back as a problem rather than take the task pane down.
    const detail = error instanceof Error ? error.message : String(error);
    problems.add(
      '$',
      `the file could not be read as a framework (${detail}); expected a framework JSON document`,
    );
    return failed(problems);
  }
}

function failed(problems: ProblemList): LoadResult {
  return { ok: false, problems: problems.problems };
}

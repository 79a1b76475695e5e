/**
 * Problems found in a framework (or mapping) file, in a form a person can act on: which file,
 * where in it (a JSON path such as `$.criteria[12].id`) and what is wrong and what is expected.
 */
import type { z } from 'zod';
import { cleanForMessage } from '../cellText';

export interface FrameworkProblem {
  readonly file: string;
  /**
   * A JSON path from the document root `$`, such as `$.criteria[12].id`; for a framework written
   * as sheets, the cell as Excel names it, such as `Criteria!C14` (sheets/read.ts).
   */
  readonly path: string;
  readonly message: string;
}

/**
 * One line for a person, positions counted from one: `eqfsh.json, criteria number 13, field "id": …`
 * for the path `$.criteria[12].id` (which stays in `path` for developers and tools).
 */
export function describeProblem(problem: FrameworkProblem): string {
  if (!problem.path.startsWith('$')) return `${problem.file}, ${problem.path}: ${problem.message}`;
  return `${problem.file}, ${placeWords(problem.path)}: ${problem.message}`;
}

/** `$.criteria[12].id` as `criteria number 13, field "id"`; `$` as `the whole file`. */
export function placeWords(path: string): string {
  const tokens = [
    ...path.slice(1).matchAll(/\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g),
  ];
  if (tokens.length === 0) return 'the whole file';
  const parts: string[] = [];
  tokens.forEach((token, i) => {
    const key = token[1] ?? (token[3] !== undefined ? (JSON.parse(token[3]) as string) : undefined);
    const index = token[2];
    const last = i === tokens.length - 1;
    if (index !== undefined) {
      const number = `number ${Number(index) + 1}`;
      // "criteria number 13" reads as one place: join the index to the list it counts in.
      const previous = parts.pop();
      parts.push(previous === undefined ? number : `${previous} number ${Number(index) + 1}`);
    } else if (key !== undefined) {
      parts.push(last ? `field "${key}"` : key);
    }
  });
  return parts.join(', ');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Turns a path of keys and indexes into `$.a[0].b`, quoting keys that are not plain names. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      out += `.${segment}`;
    } else {
      out += `[${JSON.stringify(String(segment))}]`;
    }
  }
  return out;
}

/** Collects problems and drops exact repeats, so each problem is reported once. */
export class ProblemList {
  private readonly seen = new Set<string>();
  private readonly list: FrameworkProblem[] = [];

  constructor(private readonly file: string) {}

  add(path: string, raw: string): void {
    // Messages may quote the file (an unknown key, a bad value): keep control characters and
    // half an emoji out of the task pane and any cell or report the message reaches.
    const message = cleanForMessage(raw);
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ file: this.file, path, message });
  }

  get problems(): readonly FrameworkProblem[] {
    return this.list;
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }
}

/** Reads the value at a zod issue's path in the raw input, to tell "missing" from "wrong type". */
function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * Adds one problem per zod issue. Zod's own wording is kept where it already says what is
 * expected; a missing field and an unknown field get plainer words, and an unknown field is
 * reported at its own path so the person can find it.
 */
export function addZodIssues(list: ProblemList, issues: readonly z.core.$ZodIssue[], input: unknown): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        list.add(
          jsonPath([...issue.path, key]),
          `"${key}" is not a recognised field here; remove it or correct its spelling`,
        );
      }
      continue;
    }
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined && issue.path.length > 0) {
      list.add(jsonPath(issue.path), `this field is missing: expected ${issue.expected}`);
      continue;
    }
    list.add(jsonPath(issue.path), issue.message);
  }
}

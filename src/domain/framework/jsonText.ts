/**
 * Reads the text of a JSON file that a person may have edited by hand: a size limit first, a
 * byte-order mark tolerated, and a syntax error reported with its line and column.
 */
import { cleanForMessage } from '../cellText';
import type { ProblemList } from './problems';

/**
 * The largest framework (or mapping) text accepted, in characters. The bundled 2009 draft is about 33,000;
 * a limit far above any real framework keeps a mistaken or hostile file from tying up the task pane.
 */
export const MAX_FRAMEWORK_CHARS = 5_000_000;

/** Parses JSON text, adding a problem (with line and column where the parser gives a position). */
export function parseJsonText(text: string, problems: ProblemList): unknown {
  if (text.length > MAX_FRAMEWORK_CHARS) {
    problems.add(
      '$',
      `the file is ${text.length.toLocaleString('en-GB')} characters long, more than the ${MAX_FRAMEWORK_CHARS.toLocaleString('en-GB')} allowed for a framework file; check that this is the right file`,
    );
    return undefined;
  }
  // Editors on Windows often save a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    problems.add('$', 'the file is empty; expected a framework JSON document');
    return undefined;
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error: unknown) {
    // The parser's message quotes the file around the error raw (control characters, half an
    // emoji); it goes through the same cleaning as any text shown in a message.
    const detail = cleanForMessage(error instanceof Error ? error.message : String(error));
    problems.add('$', `the file is not valid JSON${whereInText(body)}: ${detail}`);
    return undefined;
  }
}

/**
 * Line and column of the first syntax error. The parser's own message gives a position only for
 * some errors (V8 omits it for an unexpected token), so the text is scanned here instead.
 */
function whereInText(text: string): string {
  const offset = firstSyntaxErrorOffset(text);
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * The offset of the first character that breaks JSON's grammar, or undefined if there is none.
 * Iterative (an explicit stack), so deeply nested text cannot overflow the call stack.
 */
export function firstSyntaxErrorOffset(text: string): number | undefined {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  let expecting: Expecting = 'value';
  const afterValue = (): Expecting => (stack.length > 0 ? 'comma-or-close' : 'end');
  const skip = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match || match[0] === '') return false;
    i += match[0].length;
    return true;
  };

  for (;;) {
    skip(WHITESPACE);
    if (i >= text.length) return expecting === 'end' ? undefined : i;
    const ch = text[i];
    switch (expecting) {
      case 'value':
      case 'value-or-close':
        if (expecting === 'value-or-close' && ch === ']') {
          stack.pop();
          i++;
          expecting = afterValue();
        } else if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          expecting = ch === '{' ? 'key-or-close' : 'value-or-close';
        } else if (ch === '"') {
          const end = stringEnd(text, i);
          if (typeof end !== 'number') return end.errorAt;
          i = end;
          expecting = afterValue();
        } else if (skip(NUMBER) || skip(LITERAL)) {
          expecting = afterValue();
        } else {
          return i;
        }
        break;
      case 'key':
      case 'key-or-close':
        if (expecting === 'key-or-close' && ch === '}') {
          stack.pop();
          i++;
          expecting = afterValue();
        } else if (ch === '"') {
          const end = stringEnd(text, i);
          if (typeof end !== 'number') return end.errorAt;
          i = end;
          expecting = 'colon';
        } else {
          return i;
        }
        break;
      case 'colon':
        if (ch !== ':') return i;
        i++;
        expecting = 'value';
        break;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (ch === ',') {
          i++;
          expecting = open === '{' ? 'key' : 'value';
        } else if (ch === (open === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expecting = afterValue();
        } else {
          return i;
        }
        break;
      }
      case 'end':
        return i;
    }
  }
}

/** The offset just past the string starting at `start` (a quote), or where it goes wrong. */
function stringEnd(text: string, start: number): number | { errorAt: number } {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { errorAt: i };
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { errorAt: i };
        i += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        i += 1;
      } else {
        return { errorAt: i };
      }
    }
  }
  return { errorAt: text.length };
}

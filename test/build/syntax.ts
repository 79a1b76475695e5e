/**
 * Which JavaScript the built files may contain. package.json declares the browsers that can run
 * the pane (`browserslist`) and, next to it, the language level they all parse
 * (`config.ecma_version`); these helpers check the two agree and parse built code at that level.
 */
import { parse, tokTypes, type ecmaVersion } from 'acorn';
import browserslist from 'browserslist';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/**
 * The first version of each browser that parses all syntax of a language level (MDN's browser
 * compatibility data; @babel/compat-data agrees):
 * - ES2020: optional chaining and `??` (Safari 13.1, Chrome 80, Firefox 74);
 * - ES2021: logical assignment `||=` (Safari 14, Chrome 85, Firefox 79);
 * - ES2022: class fields, private methods, `#x in obj` and class static blocks (Safari 16.4,
 *   Chrome 94, Firefox 93).
 * Browsers are named as browserslist names them; a browser missing from the row fails the test, so
 * a new target is looked up before it is trusted.
 */
export const MINIMUM_VERSIONS: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2020: { chrome: 80, edge: 80, firefox: 74, safari: 13.1, ios_saf: 13.4, opera: 67, samsung: 13 },
  2021: { chrome: 85, edge: 85, firefox: 79, safari: 14, ios_saf: 14, opera: 71, samsung: 14 },
  2022: { chrome: 94, edge: 94, firefox: 93, safari: 16.4, ios_saf: 16.4, opera: 80, samsung: 17 },
};

interface PackageJson {
  readonly browserslist?: readonly string[];
  readonly config?: { readonly ecma_version?: unknown };
}

function packageJson(): PackageJson {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** The language level package.json declares for the bundle, e.g. 2021. */
export function declaredLevel(): number {
  const level = packageJson().config?.ecma_version;
  if (typeof level !== 'number' || !(level in MINIMUM_VERSIONS)) {
    throw new Error(
      `package.json config.ecma_version is ${JSON.stringify(level)}; expected one of ` +
        `${Object.keys(MINIMUM_VERSIONS).join(', ')} (the levels test/build/syntax.ts knows).`,
    );
  }
  return level;
}

/** The queries in package.json, as written. */
export function browserQueries(): readonly string[] {
  return packageJson().browserslist ?? [];
}

/** Every browser and version the browserslist resolves to, e.g. ['chrome 109', 'ios_saf 14.0-14.4']. */
export function resolvedBrowsers(): string[] {
  return browserslist(undefined, { path: ROOT });
}

/** Browsers from `browsers` below the level's minimum, or not known for it at all. */
export function browsersBelow(level: number, browsers: readonly string[]): string[] {
  const minimums = MINIMUM_VERSIONS[level] ?? {};
  return browsers.filter((entry) => {
    const [name = '', version = ''] = entry.split(' ');
    // A range such as '14.0-14.4' counts from its lowest version.
    const lowest = Number.parseFloat(version.split('-')[0] ?? '');
    const minimum = minimums[name];
    return minimum === undefined || !(lowest >= minimum);
  });
}

/**
 * Why `code` would not parse in every target browser, or null. Acorn parses it as a classic script
 * at `level`. It also refuses regular expressions with lookbehind (`(?<=`, `(?<!`): acorn accepts
 * them from ES2018, but Safari before 16.4 cannot parse them, and Babel cannot lower them.
 */
export function syntaxProblem(code: string, level: number): string | null {
  const lookbehind: string[] = [];
  try {
    parse(code, {
      ecmaVersion: level as ecmaVersion,
      sourceType: 'script',
      onToken: (token) => {
        if (token.type !== tokTypes.regexp) return;
        // Acorn's Token type leaves out `value`; for a regexp token it is { pattern, flags, value }.
        const { pattern } = (token as unknown as { value: { pattern: string } }).value;
        if (/\(\?<[=!]/.test(pattern)) lookbehind.push(`/${pattern}/ at ${String(token.start)}`);
      },
    });
  } catch (error: unknown) {
    const position = (error as { pos?: number }).pos ?? 0;
    const context = code.slice(Math.max(0, position - 60), position + 60);
    return `${error instanceof Error ? error.message : String(error)} near …${context}…`;
  }
  return lookbehind.length > 0 ? `regular expression lookbehind: ${lookbehind.join(', ')}` : null;
}

/**
 * Globals and members that Internet Explorer 11 lacks (ES2015 and later, and newer DOM), for a
 * script that must run there. Not exhaustive: the names a small hand-written script would reach for.
 */
export const IE11_MISSING_GLOBALS: readonly string[] = [
  'Promise',
  'fetch',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Symbol',
  'Proxy',
  'Reflect',
  'globalThis',
  'URL',
  'URLSearchParams',
  'AbortController',
  'TextEncoder',
  'TextDecoder',
  'queueMicrotask',
  'structuredClone',
  'requestIdleCallback',
  'IntersectionObserver',
  'ResizeObserver',
  'CustomEvent',
];

export const IE11_MISSING_MEMBERS: readonly string[] = [
  // String and Array methods from ES2015 on
  'includes',
  'startsWith',
  'endsWith',
  'repeat',
  'padStart',
  'padEnd',
  'trimStart',
  'trimEnd',
  'replaceAll',
  'codePointAt',
  'normalize',
  'at',
  'find',
  'findIndex',
  'findLast',
  'fill',
  'flat',
  'flatMap',
  'copyWithin',
  // Array.from/of, Object.assign/entries/values/fromEntries, Number.isNaN and friends
  'from',
  'of',
  'assign',
  'entries',
  'values',
  'fromEntries',
  'isInteger',
  'isFinite',
  'isNaN',
  // DOM that Internet Explorer 11 does not have
  'currentScript',
  'closest',
  'remove',
  'append',
  'prepend',
  'before',
  'after',
  'replaceWith',
  'replaceChildren',
  'toggleAttribute',
  'isConnected',
  'scrollTo',
  'animate',
];

interface AstNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * Uses of what Internet Explorer 11 lacks in an ES5 script: each forbidden global referenced, and
 * each forbidden member read. Anything under `typeof` is a feature check, not a use, and is allowed.
 */
export function ie11MissingApis(code: string): string[] {
  const found: string[] = [];
  const visit = (node: AstNode, parent: AstNode | null, key: string): void => {
    if (node.type === 'UnaryExpression' && node.operator === 'typeof') return;
    if (node.type === 'Identifier' && IE11_MISSING_GLOBALS.includes(String(node.name))) {
      const isPropertyName =
        parent !== null &&
        ((parent.type === 'MemberExpression' && key === 'property' && parent.computed !== true) ||
          (parent.type === 'Property' && key === 'key'));
      if (!isPropertyName) found.push(`${String(node.name)} at ${String(node.start)}`);
    }
    if (node.type === 'MemberExpression' && node.computed !== true && isNode(node.property)) {
      const name = String(node.property.name);
      if (IE11_MISSING_MEMBERS.includes(name)) found.push(`.${name} at ${String(node.start)}`);
    }
    for (const [childKey, value] of Object.entries(node)) {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, node, childKey);
      } else if (isNode(value)) visit(value, node, childKey);
    }
  };
  visit(parse(code, { ecmaVersion: 5, sourceType: 'script' }) as unknown as AstNode, null, '');
  return found;
}

/**
 * What the security tests look for in built files: remote URLs (against an explicit allow-list),
 * code that evaluates strings, network and storage APIs, analytics and web fonts, and the
 * Content-Security-Policy of a page. Pure functions over text, so each rule is tested on its own
 * (scanRules.test.ts) as well as over the real build (bundle.test.ts).
 */
import { createHash } from 'node:crypto';

export interface Finding {
  readonly file: string;
  /** What was found, with a little of the text around it. */
  readonly found: string;
}

/** A remote URL that may appear in a built file, and why it is harmless there. */
export interface AllowedUrl {
  /** The whole URL, exactly as it appears; or, for a family of XML namespace names, a pattern. */
  readonly url: string | RegExp;
  /** Which built files may contain it (a test on the file's name). */
  readonly files: RegExp;
  readonly why: string;
}

/**
 * Every remote URL the production build may contain. Anything else fails the test, with the file
 * and the text around it, so a new one is looked at before it ships.
 */
export const ALLOWED_URLS: readonly AllowedUrl[] = [
  {
    url: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    files: /^taskpane\.html$/,
    why: 'Office.js, which Office requires to come from its CDN; the only remote script tag.',
  },
  ...[
    'http://www.w3.org/1998/Math/MathML',
    'http://www.w3.org/1999/xhtml',
    'http://www.w3.org/1999/xlink',
    'http://www.w3.org/2000/svg',
    'http://www.w3.org/XML/1998/namespace',
  ].map((url) => ({
    url,
    files: /^vendor\.[0-9a-f]+\.js$/,
    why: 'An XML namespace name React DOM passes to createElementNS: an identifier, never fetched.',
  })),
  {
    url: 'https://reactjs.org/docs/error-decoder.html?invariant=',
    files: /^vendor\.[0-9a-f]+\.js$/,
    why: "Text in React's minified error messages (a link for a developer to read), never fetched.",
  },
  ...[
    'https://json-schema.org/draft/2020-12/schema',
    'http://json-schema.org/draft-07/schema#',
    'http://json-schema.org/draft-04/schema#',
  ].map((url) => ({
    url,
    // zod sits in a lazily loaded chunk whose name is a content hash.
    files: /^[\w-]+\.[0-9a-f]+\.js$/,
    why: "A JSON Schema dialect name zod's JSON Schema generator writes into `$schema`: an identifier, never fetched.",
  })),
  ...[
    'http://schemas.openxmlformats.org/drawingml/2006/chart',
    'http://schemas.openxmlformats.org/drawingml/2006/main',
    'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://schemas.openxmlformats.org/package/2006/content-types',
    'http://schemas.openxmlformats.org/package/2006/relationships',
    'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  ].map((url) => ({
    url,
    // The .xlsx writer (src/xlsx/namespaces.ts) sits in a lazily loaded chunk.
    files: /^[\w-]+\.[0-9a-f]+\.js$/,
    why: 'An Office Open XML namespace name the .xlsx writer puts into the file it builds: an identifier, never fetched.',
  })),
  {
    // The docx package (the board paper, src/taskpane/report/boardPaper.ts) holds the namespace
    // names of every part of a Word document it can write: Office Open XML, Word's own, Dublin
    // Core (document properties) and XML Schema. Its own chunk only.
    url: /^http:\/\/(?:schemas\.openxmlformats\.org\/|schemas\.microsoft\.com\/office\/|purl\.org\/dc\/|purl\.oclc\.org\/ooxml\/|www\.w3\.org\/2001\/XMLSchema-instance$)/,
    files: /^docx\.[0-9a-f]+\.js$/,
    why: 'An XML namespace name the docx package writes into the Word document it builds: an identifier, never fetched.',
  },
  {
    url: 'https://answers.microsoft.com/en-us/msoffice/forum/all/does-word-support-more-than-9-list-levels/d130fdcd-1781-446d-8c84-c6c79124e4d7',
    files: /^docx\.[0-9a-f]+\.js$/,
    why: "Text in one of the docx package's error messages (a link for a developer), never fetched.",
  },
  {
    url: 'http://[${e}]',
    files: /^[\w-]+\.[0-9a-f]+\.js$/,
    why: 'Part of a template string zod passes to `new URL()` to check that text is an IPv6 address; nothing is fetched.',
  },
];

/** Scheme URLs (https://x, ws://x, ...) and protocol-relative ones starting a string ("//host/..."). */
const SCHEME_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>()\\]*/gi;
const PROTOCOL_RELATIVE = /["'`(]\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>()\\]*/gi;

/** Every remote URL in a file's text. */
export function remoteUrls(text: string): string[] {
  const scheme = [...text.matchAll(SCHEME_URL)].map((m) => m[0]);
  const relative = [...text.matchAll(PROTOCOL_RELATIVE)].map((m) => m[0].slice(1));
  return [...scheme, ...relative];
}

/**
 * URLs in `text` (from the built file `file`) that the allow-list does not name. XML namespace
 * declarations (xmlns="...") in XML files are names, not addresses, and are handled by the caller.
 */
export function unexpectedUrls(file: string, text: string, allowed = ALLOWED_URLS): Finding[] {
  return remoteUrls(text)
    .filter(
      (url) =>
        !allowed.some(
          (a) => (typeof a.url === 'string' ? a.url === url : a.url.test(url)) && a.files.test(file),
        ),
    )
    .map((url) => ({ file, found: url }));
}

/** Code that turns a string into code, or starts a worker or frame that could escape the policy. */
export const FORBIDDEN_CODE: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'eval', pattern: /(?<![\w$.])eval\s*\(/g },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/g },
  // The constructor under another name (`const F = Function; new F(code)`), which minifiers keep.
  { name: 'Function alias', pattern: /[=,(:]\s*Function\s*[;,)}]/g },
  { name: 'Function(string)', pattern: /(?<![\w$.])(?<!new\s+)Function\s*\(\s*["'`]/g },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/g },
  { name: 'javascript: URL', pattern: /javascript:/gi },
  { name: 'Worker', pattern: /\bnew\s+(?:Shared)?Worker\s*\(/g },
  { name: 'importScripts', pattern: /\bimportScripts\s*\(/g },
];

/** An occurrence of forbidden code that is known, harmless and explained. */
export interface AllowedCode {
  readonly name: string;
  /** The exact text around the occurrence (so a different use of the same call still fails). */
  readonly context: string;
  readonly why: string;
}

export const ALLOWED_CODE: readonly AllowedCode[] = [
  {
    name: 'new Function',
    context: 'try{return this||new Function("return this")()}catch(',
    why:
      "webpack's runtime fallback for finding the global object (__webpack_require__.g). It runs " +
      'only where globalThis does not exist, which is no engine that enforces a CSP, and is ' +
      'wrapped in try/catch, so the policy could only make it fall through to `window`.',
  },
  {
    name: 'new Function',
    context: 'try{return new Function(""),!0}catch(e){return!1}',
    why:
      "zod's probe for whether eval is allowed (util.allowsEval). It is skipped when zod is configured " +
      '`jitless`, as the add-in must be: the probe is caught, but a strict CSP still reports it as a ' +
      'violation. The Chromium test below fails if it runs.',
  },
  {
    name: 'Function alias',
    context: 'compile(){const e=Function,',
    why:
      "zod's generator of fast object parsers (Doc.compile), used only when the probe above says eval " +
      'is allowed; under `jitless`, or under this CSP, it never runs.',
  },
];

/** How much text either side of a finding is shown. */
const CONTEXT = 40;

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - CONTEXT), index + length + CONTEXT);
}

export function forbiddenCode(file: string, text: string, allowed = ALLOWED_CODE): Finding[] {
  const findings: Finding[] = [];
  for (const { name, pattern } of FORBIDDEN_CODE) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index ?? 0;
      const isAllowed = allowed.some(
        (a) => a.name === name && containsAt(text, a.context, index, match[0].length),
      );
      if (!isAllowed) findings.push({ file, found: `${name}: …${around(text, index, match[0].length)}…` });
    }
  }
  return findings;
}

/** True when `context` occurs in `text` covering the match at [index, index + length). */
function containsAt(text: string, context: string, index: number, length: number): boolean {
  const from = Math.max(0, index + length - context.length);
  const start = text.indexOf(context, from);
  return start !== -1 && start <= index && start + context.length >= index + length;
}

/**
 * Ways out of the pane that the add-in does not use: network calls, storage outside the workbook,
 * and well-known analytics and error-reporting services.
 */
export const FORBIDDEN_NAMES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'fetch', pattern: /(?<![\w$])fetch\s*\(/g },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { name: 'WebSocket', pattern: /\bWebSocket\b/g },
  { name: 'EventSource', pattern: /\bEventSource\b/g },
  { name: 'localStorage', pattern: /\blocalStorage\b/g },
  { name: 'sessionStorage', pattern: /\bsessionStorage\b/g },
  { name: 'indexedDB', pattern: /\bindexedDB\b/g },
  { name: 'document.cookie', pattern: /\bdocument\.cookie\b/g },
  { name: 'serviceWorker', pattern: /\bserviceWorker\b/g },
  {
    name: 'analytics',
    pattern:
      /google-analytics|googletagmanager|\bgtag\(|applicationinsights|appInsights|\bmixpanel|\bamplitude|hotjar|\bsegment\.(?:io|com)|\bsentry\b|clarity\.ms|fullstory|\baria\.microsoft|\bonecollector/gi,
  },
];

export function forbiddenNames(file: string, text: string): Finding[] {
  return FORBIDDEN_NAMES.flatMap(({ name, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({
      file,
      found: `${name}: …${around(text, m.index ?? 0, m[0].length)}…`,
    })),
  );
}

/** Web fonts: an @font-face rule or a reference to a font file. */
const FONT = /@font-face|\.(?:woff2?|ttf|otf|eot)\b/gi;

export function webFonts(file: string, text: string): Finding[] {
  return [...text.matchAll(FONT)].map((m) => ({
    file,
    found: `font: …${around(text, m.index ?? 0, m[0].length)}…`,
  }));
}

/** A page's policy: directive name to its sources, in order. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** The policy from a page's `<meta http-equiv="Content-Security-Policy">`, or null if it has none. */
export function metaPolicy(html: string): { policy: Policy; index: number } | null {
  for (const tag of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = attributesOf(tag[0]);
    if (attributes.get('http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    return { policy: parsePolicy(attributes.get('content') ?? ''), index: tag.index ?? 0 };
  }
  return null;
}

/**
 * The page with its CSP meta tag blanked out: the hosts a policy names are checked, exactly, by
 * comparing the whole policy, so the URL scan looks only at the rest of the page.
 */
export function withoutMetaPolicy(html: string): string {
  return html.replace(/<meta\b[^>]*>/gi, (tag) =>
    attributesOf(tag).get('http-equiv')?.toLowerCase() === 'content-security-policy' ? '' : tag,
  );
}

export function parsePolicy(text: string): Policy {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Attributes of one start tag, quoted or not (the production build's minifier drops quotes). */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const body = tag.replace(/^<[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name) attributes.set(name.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

export interface PageParts {
  readonly scripts: readonly { readonly src: string | null; readonly index: number }[];
  readonly inlineStyles: readonly { readonly text: string; readonly index: number }[];
  readonly stylesheets: readonly string[];
  /** on* attributes (onclick=...) and style="" attributes: inline code and style the policy governs. */
  readonly inlineAttributes: readonly string[];
}

export function pageParts(html: string): PageParts {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  const scripts = [...withoutComments.matchAll(/<script\b[^>]*>/gi)].map((m) => ({
    src: attributesOf(m[0]).get('src') ?? null,
    index: m.index ?? 0,
  }));
  const inlineStyles = [...withoutComments.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => ({
    text: m[1] ?? '',
    index: m.index ?? 0,
  }));
  const stylesheets = [...withoutComments.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => attributesOf(m[0]))
    .filter((a) => a.get('rel')?.toLowerCase() === 'stylesheet')
    .map((a) => a.get('href') ?? '');
  const inlineAttributes = [...withoutComments.matchAll(/<[a-z][^>]*>/gi)].flatMap((m) =>
    [...attributesOf(m[0]).keys()].filter((name) => /^on/.test(name) || name === 'style'),
  );
  return { scripts, inlineStyles, stylesheets, inlineAttributes };
}

/** The CSP hash source for an inline script or style: 'sha256-…'. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Whether a URL (absolute, or relative to a page at `pageOrigin`) matches a source list, for the
 * host and path sources this project uses: 'self', scheme://host and scheme://host/exact/file.
 */
export function allowedBy(sources: readonly string[], url: string, pageOrigin: string): boolean {
  const target = new URL(url, `${pageOrigin}/`);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === pageOrigin;
    if (!/^[a-z]+:\/\//i.test(source)) return false;
    const allowed = new URL(source);
    if (allowed.origin !== target.origin) return false;
    // A source with a path ending in '/' allows that folder; any other path allows that file only.
    const path = allowed.pathname;
    if (path === '/' && !source.endsWith('/')) return true;
    return path.endsWith('/') ? target.pathname.startsWith(path) : target.pathname === path;
  });
}

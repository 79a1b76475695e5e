/**
 * XML text for SpreadsheetML parts. Everything that reaches a part goes through these helpers, so
 * no plan text (an organisation's name, criterion text) can break the markup.
 */

/** Characters XML 1.0 forbids outright (C0 controls other than tab, line feed, carriage return). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Excel reads `_xHHHH_` in cell text as an escaped character, so literal text of that shape must
 * have its underscore escaped (`_x005F_`), and characters XML cannot carry are written that way.
 * So is a carriage return, as Excel writes it: XML reads a raw one (and CR LF) as a line feed.
 */
export function excelText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(FORBIDDEN, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/\r/g, '_x000D_');
}

/** Escapes text content. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(FORBIDDEN, '');
}

/** Escapes an attribute value; line breaks and tabs as character references so they survive parsing. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** ` a="1" b="x"`, leaving out undefined values; booleans as 1/0. */
export function attrs(values: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    out += ` ${key}="${escapeAttr(text)}"`;
  }
  return out;
}

/** An element: self-closing when it has no children. */
export function el(name: string, attributes: Attrs = {}, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${inner}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** "#1F4E79" → "FF1F4E79" (opaque ARGB, as SpreadsheetML and DrawingML colours are written). */
export function argb(colour: string, where: string): string {
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(colour);
  if (!m || m[1] === undefined) throw new RangeError(`${where}: colour "${colour}" is not #RRGGBB`);
  return `FF${m[1].toUpperCase()}`;
}

/** A number as the file must hold it: finite, and never "-0". */
export function xmlNumber(n: number, where: string): string {
  if (!Number.isFinite(n))
    throw new RangeError(`${where}: ${n} cannot be written to a file (not a finite number)`);
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * SpreadsheetML parts parsed with fast-xml-parser, set up so that nothing in a cell's text is
 * changed on the way: no trimming, no number parsing (the reader decides what a number is), and
 * element names without their namespace prefix (`x:c` and `c` alike, as files re-saved by other
 * programs write them). Line ends are read as XML defines them (CR LF and a lone CR as LF), as
 * Excel reads them; Excel and our writer store a carriage return in text as `_x000D_`.
 *
 * Entity references are decoded by `decodeReferences` (given to the parser as its entity decoder):
 * the five XML entities and numeric character references (`&#10;`, `&#x1F600;`), which the
 * parser's own decoder leaves as written unless HTML entities are switched on too. Entities a
 * DOCTYPE declares are never expanded (SpreadsheetML parts declare none), so no file can make its
 * text grow by expansion ("billion laughs"); a reference to one is left as written, as before.
 * (The parser's own expansion limits guard its built-in decoder, which this one replaces; its
 * limits on DOCTYPE declarations and on nesting depth still apply.)
 */
import { XMLParser, type EntityDecoderOptions } from 'fast-xml-parser';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The character a numeric reference names, or the reference as written when it names none. */
function fromCodePoint(reference: string, code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : reference;
}

/** The five XML entities and numeric character references, decoded in one pass. */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return fromCodePoint(whole, parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return fromCodePoint(whole, parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

const ignore = (): void => undefined;

/** Decodes references and ignores declared entities: nothing a DOCTYPE declares is expanded. */
const ENTITY_DECODER: EntityDecoderOptions = {
  setExternalEntities: ignore,
  addInputEntities: ignore,
  reset: ignore,
  setXmlVersion: ignore,
  decode: decodeReferences,
};

const parser = new XMLParser({
  // Every element as a list of its children in document order: one and many read alike, and the
  // text of a `<t>` comes out in order however the file splits it. (Also the parser's quickest
  // form for these parts: it skips building objects by name.)
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  entityDecoder: ENTITY_DECODER,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Callbacks get the parser's path matcher rather than a path string built for every element.
  jPath: false,
});

/** A node as the parser gives it: `{ name: children, ':@': attributes }`, or `{ '#text': text }`. */
type XmlNode = { readonly [key: string]: unknown };

/** An element: its child nodes in document order and its attributes (`@_name`, without prefix). */
export interface XmlElement {
  readonly content: readonly XmlNode[];
  readonly attributes: XmlNode | undefined;
}

const ATTRIBUTES = ':@';

function elementOf(node: XmlNode, name: string): XmlElement | undefined {
  const content = node[name];
  if (!Array.isArray(content)) return undefined;
  return { content: content as XmlNode[], attributes: node[ATTRIBUTES] as XmlNode | undefined };
}

/** The document element of a part, whatever its name; undefined when the part has none. */
export function parseXml(xml: string): XmlElement | undefined {
  for (const node of parser.parse(xml) as XmlNode[]) {
    const name = Object.keys(node).find((key) => key !== ATTRIBUTES && key !== '#text');
    if (name !== undefined) return elementOf(node, name);
  }
  return undefined;
}

/** The child elements of that name (local name, without prefix), in document order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of element?.content ?? []) {
    const found = elementOf(node, name);
    if (found) out.push(found);
  }
  return out;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  for (const node of element?.content ?? []) {
    const found = elementOf(node, name);
    if (found) return found;
  }
  return undefined;
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** An element's own text (CDATA included), exactly as written once references are decoded. */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const node of element.content) {
    const text = node['#text'];
    if (typeof text === 'string') out += text;
  }
  return out;
}

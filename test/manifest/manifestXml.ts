/**
 * Reads an add-in manifest into a small element tree (name, attributes, children, text) so tests
 * can walk it without caring how fast-xml-parser shapes its output.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, trimmed ('' when none). */
  readonly text: string;
}

type Ordered = Record<string, unknown>;

function toElements(nodes: readonly Ordered[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (name === undefined || name.startsWith('?')) continue;
    const content = (node[name] ?? []) as Ordered[];
    const text = content
      .map((child) => child['#text'])
      .filter((t) => t !== undefined)
      .join('')
      .trim();
    elements.push({
      name,
      attributes: (node[':@'] ?? {}) as Record<string, string>,
      children: toElements(content),
      text,
    });
  }
  return elements;
}

export function parseManifest(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const [root, ...rest] = toElements(parser.parse(xml) as Ordered[]);
  if (!root || rest.length > 0) throw new Error('Expected exactly one root element in the manifest.');
  return root;
}

export function readManifest(path: string): XmlElement {
  return parseManifest(readFileSync(path, 'utf8'));
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** The one direct child called `name`; throws naming the parent when it is missing. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}> child.`);
  return found;
}

/** Every URL the manifest mentions, with where it was found (attribute values and element text). */
export function urlsIn(root: XmlElement): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  for (const element of descendants(root)) {
    for (const [attribute, value] of Object.entries(element.attributes)) {
      // Namespace declarations are identifiers that look like URLs, never fetched.
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        urls.push({ where: `<${element.name} ${attribute}>`, url: value });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(element.text))
      urls.push({ where: `<${element.name}>`, url: element.text });
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('Not a PNG file (no PNG signature followed by an IHDR chunk).');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * SpreadsheetML parts read as a stream with htmlparser2's tokenizer in XML mode: no tree is built,
 * a part reader (readParts.ts, readSheet.ts) picks out what it needs as elements open and close.
 * Nothing in a cell's text is changed on the way: no trimming, elements and attributes are known
 * by their local name (`x:c` and `c` alike, as files re-saved by other programs write them).
 *
 * XML's own rules the tokenizer leaves to us, applied here:
 * - Line ends as XML defines them (CR LF and a lone CR read as LF), before anything else, as
 *   Excel reads them; Excel and our writer store a carriage return in text as `_x000D_`.
 * - References: the five XML entities and numeric character references (`&#10;`, `&#x1F600;`),
 *   decoded once, in text and attribute values alike but never inside CDATA. The tokenizer's own
 *   decoder is off: it reads a reference to no character (`&#x110000;`) as U+FFFD, where a
 *   reference that names no character, or an entity XML does not define (`&nbsp;`), is left as
 *   written. Entities a DOCTYPE declares are never expanded (SpreadsheetML parts declare none), so
 *   no file can make its text grow by expansion ("billion laughs").
 * - Well-formedness, in part: the tokenizer closes for us an element the markup leaves open (at the
 *   end of the part, or when an end tag skips it); that is damage, and is thrown as an Error.
 *
 * htmlparser2 rather than saxes, the other small streaming XML parser: on a filled copy's parts it
 * was a fifth faster, and saxes stops at an entity XML does not define (`&nbsp;`), which a file
 * may hold and must be read as written.
 */
import { Parser } from 'htmlparser2';

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

/** An element's attributes as written (names with their prefix, values not yet decoded). */
export type Attributes = Readonly<Record<string, string>>;

/** An attribute's value by its local name (`r:id` is `id`; namespace declarations are not attributes). */
export function attribute(attributes: Attributes, name: string): string | undefined {
  let raw = attributes[name];
  if (raw === undefined) {
    for (const key of Object.keys(attributes)) {
      const colon = key.indexOf(':');
      if (colon !== -1 && key.slice(colon + 1) === name && !key.startsWith('xmlns')) {
        raw = attributes[key];
        break;
      }
    }
  }
  return raw === undefined ? undefined : decodeReferences(raw);
}

/** What an element is to a part reader, a small number of the reader's own choosing. */
export type Role = number;
/** An element the reader does not read: its content is skipped, the reader hears nothing of it. */
export const SKIP: Role = 0;
/** The role of the document itself, parent of the document element. */
export const DOCUMENT: Role = 1;

export interface PartReader {
  /** The role of an element opening inside an element of role `parent` (never SKIP). */
  open(parent: Role, name: string, attributes: Attributes): Role;
  /** Text directly inside an element of `role`, references decoded (a piece at a time). */
  text(role: Role, text: string): void;
  /** The element of `role` has closed. */
  close(role: Role): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Where a read is: the roles of the open elements, innermost last, and whether the end is reached. */
interface ReadState {
  readonly roles: Role[];
  ending: boolean;
  rootRead: boolean;
  inCdata: boolean;
  parser: Parser | undefined;
}

/** Whether the close the tokenizer reports is one the markup leaves out (a self-closing tag's is not). */
function leftOpen(state: ReadState, xml: string, implied: boolean): boolean {
  if (!implied) return false;
  if (state.ending) return true;
  // A self-closing tag's close is reported as implied too: its event ends in "/>".
  const at = state.parser?.endIndex ?? -1;
  return !(xml.charCodeAt(at) === 62 && xml.charCodeAt(at - 1) === 47);
}

/** The handlers that keep the reader's roles in step with the elements the tokenizer reports. */
function handlers(reader: PartReader, xml: string, state: ReadState) {
  const { roles } = state;
  return {
    onparserinit(parser: Parser) {
      state.parser = parser;
    },
    onopentag(name: string, attributes: Attributes) {
      const parent = roles[roles.length - 1] ?? SKIP;
      // Only the first document element is the part's (as any XML reader takes it).
      const skipped = parent === SKIP || (parent === DOCUMENT && state.rootRead);
      roles.push(skipped ? SKIP : reader.open(parent, localName(name), attributes));
    },
    ontext(text: string) {
      const role = roles[roles.length - 1] ?? SKIP;
      if (role !== SKIP) reader.text(role, state.inCdata ? text : decodeReferences(text));
    },
    oncdatastart() {
      state.inCdata = true;
    },
    oncdataend() {
      state.inCdata = false;
    },
    onclosetag(name: string, implied: boolean) {
      if (leftOpen(state, xml, implied)) {
        throw new Error(state.ending ? `the part ends inside <${name}>` : `<${name}> is not closed`);
      }
      const role = roles.pop() ?? SKIP;
      if (roles.length === 1) state.rootRead = true;
      if (role !== SKIP) reader.close(role);
    },
  };
}

/**
 * Reads a part's markup into `reader`, in document order. Throws an Error saying where when the
 * markup leaves an element open; comments, processing instructions and declarations are skipped.
 */
export function readXml(xml: string, reader: PartReader): void {
  const text = xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml;
  const state: ReadState = {
    roles: [DOCUMENT],
    ending: false,
    rootRead: false,
    inCdata: false,
    parser: undefined,
  };
  const parser = new Parser(handlers(reader, text, state), { xmlMode: true, decodeEntities: false });
  // Everything complete is reported while writing; what the end closes, the markup left open.
  parser.write(text);
  state.ending = true;
  parser.end();
}

/**
 * The workbook-wide parts of an .xlsx file, each read in one pass (xmlStream.ts): the workbook's
 * list of sheets, the relationships that say which part holds each sheet, and the shared strings.
 */
import { RichText, richTextRole } from './richText';
import { attribute, DOCUMENT, readXml, SKIP } from './xmlStream';

const ROOT = 2;
const LIST = 3;
const ITEM = 4;

/** A sheet as the workbook part lists it: its name and the id of its relationship. */
export interface ListedSheet {
  readonly name: string | undefined;
  readonly id: string | undefined;
}

/** The `<sheet>`s of the workbook part's (first) `<sheets>`, in order. */
export function readSheetList(xml: string): ListedSheet[] {
  const sheets: ListedSheet[] = [];
  let listRead = false;
  readXml(xml, {
    open(parent, name, attributes) {
      if (parent === DOCUMENT) return ROOT;
      if (parent === ROOT && name === 'sheets' && !listRead) {
        listRead = true;
        return LIST;
      }
      if (parent === LIST && name === 'sheet') {
        sheets.push({ name: attribute(attributes, 'name'), id: attribute(attributes, 'id') });
      }
      return SKIP;
    },
    text: () => undefined,
    close: () => undefined,
  });
  return sheets;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to `xl/`, with `./` and `../`. */
function partName(target: string): string {
  const segments: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** Each relationship's id and the part it points to. */
export function readRelationshipTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  readXml(xml, {
    open(parent, name, attributes) {
      if (parent === DOCUMENT) return ROOT;
      if (parent === ROOT && name === 'Relationship') {
        const id = attribute(attributes, 'Id');
        const target = attribute(attributes, 'Target');
        if (id && target) targets.set(id, partName(target));
      }
      return SKIP;
    },
    text: () => undefined,
    close: () => undefined,
  });
  return targets;
}

/** The shared strings' texts, numbered from 0 as cells refer to them. */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const item = new RichText();
  readXml(xml, {
    open(parent, name) {
      if (parent === DOCUMENT) return ROOT;
      if (parent === ROOT) return name === 'si' ? ITEM : SKIP;
      return richTextRole(parent, ITEM, name);
    },
    text(role, text) {
      item.add(role, text);
    },
    close(role) {
      if (role === ITEM) strings.push(item.take());
    },
  });
  return strings;
}

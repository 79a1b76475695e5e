/**
 * The text of a string item as SpreadsheetML holds it, in a shared string (`<si>`) or an inline
 * one (`<is>`): the item's `<t>`, then its runs' `<t>`; phonetic runs (`<rPh>`, a reading guide
 * for East Asian text) are not the cell's text and are left out.
 */
import { SKIP, type Role } from './xmlStream';

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal `_x…_` as `_x005F_x…_`). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Roles inside a string item; the readers' own roles are below these. */
const ITEM_TEXT: Role = 100;
const RUN: Role = 101;
const RUN_TEXT: Role = 102;

/** The role of an element inside a string item whose own role is `item`, by its parent's role. */
export function richTextRole(parent: Role, item: Role, name: string): Role {
  if (parent === item) return name === 't' ? ITEM_TEXT : name === 'r' ? RUN : SKIP;
  if (parent === RUN) return name === 't' ? RUN_TEXT : SKIP;
  return SKIP;
}

/** Collects one item's text as the reader streams it. */
export class RichText {
  private own = '';
  private runs = '';

  /** Text inside an element of `role`: kept when it is the item's or a run's `<t>`. */
  add(role: Role, text: string): void {
    if (role === ITEM_TEXT) this.own += text;
    else if (role === RUN_TEXT) this.runs += text;
  }

  /** The item's text, and a fresh start for the next item. */
  take(): string {
    const text = decodeExcelEscapes(this.own + this.runs);
    this.own = '';
    this.runs = '';
    return text;
  }
}

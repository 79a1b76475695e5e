/**
 * Excel on the web refuses a request or a response over 5 MB (platform-facts.md, "limits"), and a
 * batch's size grows with the text it carries: a combined copy whose evidence cells each hold
 * thousands of characters can pass that in one write. Work that can carry much text is cut here
 * into batches under a budget, counted the way the request is sent: as UTF-8 JSON.
 */

/** The budget for one batch: well under 5 MB, as Office's wire format adds its own framing. */
export const BATCH_BYTES = 2 * 1024 * 1024;

/** The UTF-8 length of `text` (TextEncoder is missing in the IE11 webview older Office uses). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isHigh(code) && isLow(text.charCodeAt(i + 1))) {
      // A surrogate pair is one character of four bytes.
      bytes += 4;
      i += 1;
    } else bytes += 3; // a lone surrogate goes as U+FFFD, three bytes
  }
  return bytes;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** What a value costs in a request's JSON, with a little for the address and framing around it. */
export function jsonSizeOf(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '') + 64;
}

/**
 * `items` in order, cut into runs whose sizes add up to at most `budget` each. An item larger than
 * the budget on its own gets a run to itself (it cannot be cut; Excel's cell limit of 32,767
 * characters keeps any one cell far below 5 MB).
 */
export function inBatches<T>(items: readonly T[], sizeOf: (item: T) => number, budget = BATCH_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const cost = sizeOf(item);
    if (current.length > 0 && size + cost > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What every message shown to a person must be, whatever input produced it. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// eslint-disable-next-line no-control-regex -- control characters are what must not reach a message.
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Longest message accepted, in UTF-16 code units: a sentence or two, never the input itself. */
export const MAX_MESSAGE_LENGTH = 600;

const segmenter = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });
export const graphemeCount = (text: string) => [...segmenter.segment(text)].length;

export interface ReadableOptions {
  /**
   * Skip the control-character and lone-surrogate rules: only for the known, reported exception of
   * JSON syntax-error messages (see the KNOWN BUG tests in fuzz-loader.test.ts).
   */
  readonly allowRawExcerpt?: boolean;
}

/** What is wrong with a message, if anything: plain code, so thousands of checks stay fast. */
export function readabilityFaults(message: string, options: ReadableOptions = {}): string[] {
  const faults: string[] = [];
  if (message.trim() === '') faults.push('empty');
  if (message.length >= MAX_MESSAGE_LENGTH) faults.push(`${message.length} characters long`);
  if (!options.allowRawExcerpt && LONE_SURROGATE.test(message)) faults.push('holds a lone surrogate');
  if (!options.allowRawExcerpt && CONTROL.test(message)) faults.push('holds a control character');
  return faults.map((fault) => `${fault}: ${JSON.stringify(message.slice(0, 120))}`);
}

/** A message fit to show a person: some words, short, and nothing that breaks a writer. */
export function expectReadable(message: string): void {
  expect(readabilityFaults(message)).toEqual([]);
}

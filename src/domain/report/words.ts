/** Small wording helpers for the board report: British house style, numbers up to ten in words. */

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Ids listed in full up to `max`, then "and N others", so a sentence stays short enough to print. */
export function listIds(ids: readonly string[], max = 6): string {
  if (ids.length <= max) return joinWithAnd(ids);
  const rest = ids.length - (max - 1);
  return `${ids.slice(0, max - 1).join(', ')} and ${rest} others`;
}

/** 0.8 → "80%"; whole percentages, as the sheets show them. */
export function percentText(share: number | null): string {
  return share === null ? '' : `${Math.round(share * 100)}%`;
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of
 * its own), so that a sentence written one line per cell prints inside the page.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A criterion named for a reader who has not the framework at hand: its number and a short title,
 * which is its sub-theme when the framework has one, else the opening words of its own text (never
 * words of ours). A criterion whose text the source lacks is named by its number alone.
 */
export function criterionTitle(
  criterion:
    | {
        readonly id: string;
        readonly text: string;
        readonly textStatus: string;
        readonly subTheme?: string | null;
      }
    | undefined,
  id: string,
  words = 5,
): string {
  if (!criterion) return id;
  const sub = criterion.subTheme?.trim();
  if (sub) return `${id} “${sub}”`;
  if (criterion.textStatus !== 'complete' || criterion.text.trim() === '') return id;
  const all = criterion.text.trim().split(/\s+/u);
  const opening = all
    .slice(0, words)
    .join(' ')
    .replace(/[.,;:]$/u, '');
  return `${id} “${opening}${all.length > words ? '…' : ''}”`;
}

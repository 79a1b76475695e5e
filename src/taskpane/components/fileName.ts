/**
 * The name of a downloaded workbook, from the organisation and period the officer typed. Only
 * letters, digits, spaces and hyphens survive, so no cell or form text can become a path, a
 * hidden file or a drive letter; the fixed start of the name keeps it from being one Windows
 * reserves ("CON", "NUL").
 */

/** Long enough for a name and a period; well under every file system's limit. */
const MAX_STEM = 100;
const STEM = 'Equality self-assessment';

function clean(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function workbookFileName(organisation: string, period: string): string {
  const stem = clean([STEM, clean(organisation), clean(period)].join(' ').slice(0, MAX_STEM));
  return `${stem}.xlsx`;
}

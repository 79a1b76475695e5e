/**
 * The Guidance column of an area sheet: the framework's "Questions to ask in self assessment" for
 * each level, beside that level's criteria.
 *
 * The source gives the questions per level, not per criterion (seed 001: one list under each
 * level's column), so no question is tied to a criterion here: that would be a judgement the
 * framework does not make. The list is numbered and shared out down the level's rows, in order,
 * so it reads down the column like the source's list and every criterion has questions beside it.
 * Why not the whole list in every row: a level has up to 14 questions (about 1,500 characters),
 * which wrapped in one cell is taller than Excel's largest row (409 points), so it would be cut
 * off, and ten copies of it would fill pages. Why not one merged cell per level: Excel does not
 * fit row heights to merged cells, so long lists would be cut off just the same.
 */
import type { Criterion, Framework } from '../../domain';
import { guidanceOf } from '../../domain';

/** The Guidance cell of each criterion row, in the order given (the sheet's order). */
export function guidanceCells(framework: Framework, criteria: readonly Criterion[]): string[] {
  const cells: string[] = [];
  let start = 0;
  while (start < criteria.length) {
    const first = criteria[start] as Criterion;
    let end = start;
    while (end < criteria.length && criteria[end]?.level === first.level) end++;
    cells.push(...levelCells(framework, first, end - start));
    start = end;
  }
  return cells;
}

/** The cells of one level's `rows` rows: its numbered questions shared out as evenly as they go. */
function levelCells(framework: Framework, first: Criterion, rows: number): string[] {
  const questions = guidanceOf(framework, first);
  if (questions.length === 0) return Array.from({ length: rows }, () => '');
  const levelName = framework.levels.find((l) => l.number === first.level)?.name ?? `level ${first.level}`;
  const numbered = questions.map((q, i) => `${i + 1}. ${q}`);
  return Array.from({ length: rows }, (_, i) => {
    // Rounded up: the first row always starts the list, and any row left without a question is last.
    const from = Math.ceil((i * numbered.length) / rows);
    const to = Math.ceil(((i + 1) * numbered.length) / rows);
    const lines = numbered.slice(from, to);
    if (i === 0) return [`For every ${levelName} criterion:`, ...lines].join('\n');
    return lines.length > 0 ? lines.join('\n') : `(The ${levelName} questions are above.)`;
  });
}

/** The questions a Guidance cell lists, without their numbers (for reading a sheet back in tests and checks). */
export function questionsInCell(cell: string): string[] {
  return cell
    .split('\n')
    .map((line) => /^(\d+)\. (.*)$/su.exec(line))
    .flatMap((m) => (m ? [m[2] as string] : []));
}

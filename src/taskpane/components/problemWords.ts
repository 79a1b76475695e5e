/**
 * How the Check list names a problem's place for the officer: the criterion and the column first
 * ("1.2, Evidence"), the cell only where there is no criterion; and what each button does, named
 * for it ("Go to 1.2 Evidence", "Fix 2.3: write N/A") rather than fifty buttons called "Go to cell".
 */
import type { CellFix, HeaderFix, ProblemFix, WorkbookProblem } from '../../workbook/audit';
import { splitCellReference } from '../../workbook/address';

/** The area sheet's columns in the officer's words (the headings, shortened). */
export const FIELD_WORDS: Readonly<Record<NonNullable<WorkbookProblem['field']>, string>> = {
  id: 'ID',
  text: 'Criterion',
  rating: 'Rating',
  evidence: 'Evidence',
  difference: 'Difference made',
  owner: 'Owner',
  reviewDate: 'Review date',
  notes: 'Notes',
};

/** "1.2, Evidence", "1.2", or undefined when the problem is about no criterion. */
export function problemPlace(problem: Pick<WorkbookProblem, 'criterionId' | 'field'>): string | undefined {
  if (problem.criterionId === undefined) return undefined;
  return problem.field === undefined
    ? problem.criterionId
    : `${problem.criterionId}, ${FIELD_WORDS[problem.field]}`;
}

/** "cell B4 on Start", from "'Start'!B4". */
export function cellWords(reference: string): string {
  const { sheet, address } = splitCellReference(reference);
  return sheet === '' ? `cell ${address}` : `cell ${address} on ${sheet}`;
}

export function goToLabel(problem: Pick<WorkbookProblem, 'criterionId' | 'field' | 'cell'>): string {
  if (problem.criterionId !== undefined) {
    return problem.field === undefined
      ? `Go to ${problem.criterionId}`
      : `Go to ${problem.criterionId} ${FIELD_WORDS[problem.field]}`;
  }
  return problem.cell === undefined ? 'Go to the cell' : `Go to ${cellWords(problem.cell)}`;
}

export function fixLabel(problem: Pick<WorkbookProblem, 'criterionId'>, written: string): string {
  return problem.criterionId === undefined
    ? `Fix: write ${written}`
    : `Fix ${problem.criterionId}: write ${written}`;
}

// A type-only import keeps the audit's code out of the pane's first JavaScript, so the guard is here.
function isHeaderFix(fix: ProblemFix): fix is HeaderFix {
  return 'kind' in fix && fix.kind === 'page-header';
}

/** What the page-header fix writes, in the words of its button ("Fix: write …"). */
export const HEADER_FIX_WORDS = 'the Start sheet’s organisation and period into the page headers';

/** What a certain fix writes: the value for a cell (`describeValue`), the header fix's own words. */
export function fixWords(fix: ProblemFix, describeValue: (value: CellFix['value']) => string): string {
  return isHeaderFix(fix) ? HEADER_FIX_WORDS : describeValue(fix.value);
}

/** Where a fix writes: the cell reference, or "the page header of Summary". */
export function fixPlace(fix: ProblemFix): string {
  return isHeaderFix(fix) ? `the page header of ${fix.sheet}` : fix.cell;
}

/** "Fixed 2 cells.", "Fixed the page headers of 3 sheets.", "Fixed 1 cell and the page header of 1 sheet." */
export function fixedWords(applied: readonly ProblemFix[]): string {
  const headers = applied.filter(isHeaderFix).length;
  const cells = applied.length - headers;
  const parts = [
    ...(cells > 0 ? [`${cells} ${cells === 1 ? 'cell' : 'cells'}`] : []),
    ...(headers > 0
      ? [`the page ${headers === 1 ? 'header of 1 sheet' : `headers of ${headers} sheets`}`]
      : []),
  ];
  return parts.length === 0 ? 'Nothing was changed.' : `Fixed ${parts.join(' and ')}.`;
}

/** "1 cell was", "2 page headers were", "3 fixes were": what a fix left alone, counted. */
export function leftAloneWords(skipped: readonly ProblemFix[]): string {
  const headers = skipped.filter(isHeaderFix).length;
  const n = skipped.length;
  const noun = headers === 0 ? 'cell' : headers === n ? 'page header' : 'fix';
  const plural = noun === 'fix' ? 'fixes' : `${noun}s`;
  return `${n} ${n === 1 ? noun : plural} ${n === 1 ? 'was' : 'were'}`;
}

/**
 * How the Check list names a problem's place for the officer: the criterion and the column first
 * ("1.2, Evidence"), the cell only where there is no criterion; and what each button does, named
 * for it ("Go to 1.2 Evidence", "Fix 2.3: write N/A") rather than fifty buttons called "Go to cell".
 */
import type { WorkbookProblem } from '../../workbook/audit';
import { splitCellReference } from '../../workbook/address';

/** The area sheet's columns in the officer's words (the headings, shortened). */
export const FIELD_WORDS: Readonly<Record<NonNullable<WorkbookProblem['field']>, string>> = {
  id: 'ID',
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

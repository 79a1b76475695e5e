/** The board paper carries the approval, in the same words as the board, or nothing when never finalised. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { boardFigures } from '../../src/domain/report';
import { score } from '../../src/domain/scoring';
import { boardPaperText, type BoardPaperInput } from '../../src/taskpane/report/boardPaper';
import { approvalWords, signOffStateOf, type SignOffEntry } from '../../src/workbook/sheets/signOffRecord';
import { responsesFor } from '../builders/responses';

const draft = bundledFrameworks.draft2009;
const settings = { metThreshold: 3, requiredShare: 1 };
const input: BoardPaperInput = {
  organisation: 'Riverside Homes',
  period: '2026/27',
  asAt: { year: 2026, month: 12, day: 3 },
  frameworkTitle: draft.title,
  frameworkVersion: draft.version,
  figures: boardFigures(
    draft,
    score(
      draft,
      responsesFor(draft, () => 4),
      settings,
    ),
    null,
  ),
  narrative: [],
  actions: [],
  settings,
  chart: null,
};
const finalised: SignOffEntry = {
  action: 'Finalised',
  recordedOn: { year: 2026, month: 12, day: 3 },
  approval: {
    approvedBy: 'Jane Smith',
    body: 'Board',
    date: { year: 2026, month: 11, day: 27 },
    minute: '2026/45',
  },
  accepted: 0,
  acceptedList: '',
};
const reopened: SignOffEntry = {
  action: 'Reopened',
  recordedOn: { year: 2026, month: 12, day: 10 },
  by: 'Sam Lee',
  reason: 'a rating was wrong',
};

it('says who approved it, and once reopened that it is not the approved version', () => {
  expect(boardPaperText(input).approval).toBeNull();
  const approved = boardPaperText({ ...input, approval: approvalWords(signOffStateOf([finalised])) });
  expect(approved.approval).toBe('Approved by Jane Smith (Board, minute 2026/45) on 27/11/2026.');
  const again = boardPaperText({ ...input, approval: approvalWords(signOffStateOf([finalised, reopened])) });
  expect(again.approval).toBe(
    'Approved version: 27/11/2026, reopened on 10/12/2026 because a rating was wrong. This is not the approved version.',
  );
});

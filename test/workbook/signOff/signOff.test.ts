/** Sign-off, decided without Excel: the approval typed, the record's rows and state, the lines, the changes since approval. */
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import { score } from '../../../src/domain/scoring';
import { finalisedLine, isFinalisedLine, readApproval } from '../../../src/workbook/signOff/approval';
import { changesSinceApproval } from '../../../src/workbook/signOff/changes';
import { finalisedLineCells } from '../../../src/workbook/signOff/lines';
import { approvalBlockCells } from '../../../src/workbook/signOff/startBlock';
import {
  approvalWords,
  buildSignOffSheet,
  readSignOffRecord,
  signOffStateOf,
  type SignOffEntry,
} from '../../../src/workbook/sheets/signOffRecord';
import { savedSnapshotOf } from '../../../src/workbook/sheets/savedResponses';
import { parseSignOffMeta, signOffMetaRows } from '../../../src/workbook/metaBlock';
import { responsesFor } from '../../builders/responses';
import { rangeOfPlan } from '../planRange';

const draft = bundledFrameworks.draft2009;
const TODAY = { year: 2026, month: 12, day: 3 };
const APPROVAL = {
  approvedBy: 'Jane Smith',
  body: 'Board',
  date: { year: 2026, month: 11, day: 27 },
  minute: '2026/45',
};

describe('the approval typed in the pane', () => {
  it('reads a complete approval, trimming spaces', () => {
    expect(
      readApproval(
        { approvedBy: ' Jane  Smith ', body: 'Board', date: '27/11/2026', minute: '2026/45' },
        TODAY,
      ),
    ).toEqual({ approval: APPROVAL });
  });

  it('names every field that is missing or wrong', () => {
    const read = readApproval({ approvedBy: ' ', body: '', date: '31/02/2026', minute: '' }, TODAY);
    expect(read).toEqual({
      problems: {
        approvedBy: expect.stringMatching(/^Approved by is needed/),
        body: expect.stringMatching(/^Approving body is needed/),
        date: 'Date of approval should be a day such as 31/03/2027; "31/02/2026" is not one.',
        minute: expect.stringMatching(/^Minute reference is needed/),
      },
    });
  });

  it('refuses an approval dated after today', () => {
    const read = readApproval({ ...APPROVAL, date: '04/12/2026' }, TODAY);
    expect(read).toEqual({
      problems: { date: expect.stringMatching(/04\/12\/2026, after today \(03\/12\/2026\)/) },
    });
  });
});

it('says on every sheet who approved it, in the words of the issue', () => {
  const line = finalisedLine(APPROVAL, TODAY);
  expect(line).toBe(
    'Finalised on 03/12/2026: approved by Jane Smith (Board, minute 2026/45). Reopen from the add-in to change it.',
  );
  expect(isFinalisedLine(line)).toBe(true);
  expect(isFinalisedLine('My own note')).toBe(false);
});

describe('the sign-off record', () => {
  const finalised: SignOffEntry = {
    action: 'Finalised',
    recordedOn: TODAY,
    approval: APPROVAL,
    accepted: 2,
    acceptedList: 'Unanswered: 1.1, 1.2',
  };
  const reopened: SignOffEntry = {
    action: 'Reopened',
    recordedOn: TODAY,
    by: 'Sam Lee',
    reason: 'a rating was wrong',
  };

  it('reads back every row as written and knows the state they leave', () => {
    const read = readSignOffRecord(rangeOfPlan(buildSignOffSheet([finalised, reopened])));
    expect(read.problems).toEqual([]);
    expect(read.entries).toEqual([finalised, reopened]);
    expect(read.nextRow).toBe(7);
    expect(signOffStateOf([]).status).toBe('open');
    expect(signOffStateOf([finalised]).status).toBe('finalised');
    expect(signOffStateOf([finalised, reopened]).status).toBe('reopened');
    expect(signOffStateOf([finalised, reopened, finalised]).status).toBe('finalised');
    // A reopen with nothing finalised before it changes nothing.
    expect(signOffStateOf([reopened]).status).toBe('open');
  });

  it('never lets a reopened workbook claim to be the approved one', () => {
    expect(approvalWords(signOffStateOf([finalised]))).toBe(
      'Approved by Jane Smith (Board, minute 2026/45) on 27/11/2026.',
    );
    const words = approvalWords(signOffStateOf([finalised, reopened]));
    expect(words).toBe(
      'Approved version: 27/11/2026, reopened on 03/12/2026 because a rating was wrong. This is not the approved version.',
    );
    const block = approvalBlockCells(signOffStateOf([finalised, reopened]) as never);
    expect(block[1]).toEqual(['Status', 'Reopened: this is not the approved version.']);
  });

  it('names a row it cannot read', () => {
    const range = rangeOfPlan(buildSignOffSheet([finalised]));
    const values = range.values.map((r) => [...r]);
    values[4]![0] = 'Approved';
    const read = readSignOffRecord({ ...range, values, formulas: values });
    expect(read.problems).toEqual([
      `'Sign-off record'!A5 should say "Finalised" or "Reopened"; it holds "Approved".`,
    ]);
  });
});

it('keeps the sign-off state in the meta sheet by key', () => {
  const rows = signOffMetaRows({ signOffState: 'finalised', approvedBy: 'Jane Smith' });
  expect(rows[0]).toEqual(['sign-off key', 'value']);
  expect(parseSignOffMeta(rows)).toMatchObject({
    signOffState: 'finalised',
    approvedBy: 'Jane Smith',
    reopenReason: '',
  });
});

it('puts the line in a cell of each of the add-in sheets, and none of the officer own', () => {
  const names = ['Start', ...draft.areas.map((a) => a.shortName), 'Summary', 'Board summary', 'My notes'];
  const cells = finalisedLineCells(draft, names);
  expect(cells.map((c) => c.sheet)).toEqual(names.slice(0, -1));
  expect(cells[0]).toEqual({ sheet: 'Start', at: 'A3' });
  expect(cells.find((c) => c.sheet === 'Board summary')?.at).toBe('A5');
  // On an area sheet, in row 1 at the Rating column.
  expect(cells[1]?.at).toMatch(/^[F-H]1$/);
});

describe('changes since approval', () => {
  const settings = { metThreshold: 3, requiredShare: 1 };
  const approvedResponses = responsesFor(draft, () => 2, { common: { evidence: 'Policy', difference: '' } });
  const approved = savedSnapshotOf(
    draft,
    approvedResponses,
    score(draft, approvedResponses, settings),
    'Approved',
    TODAY,
  );

  it('finds nothing when the responses are as approved', () => {
    expect(changesSinceApproval(draft, approved, approvedResponses)).toEqual([]);
  });

  it('names each changed rating and evidence cell with what it holds and what was approved', () => {
    const [first, second] = draft.criteria;
    const changed = responsesFor(draft, (c) => (c === first ? 3 : 2), {
      common: { evidence: 'Policy', difference: '' },
      fields: { [second!.id]: { evidence: 'New policy' } },
    });
    const problems = changesSinceApproval(draft, approved, changed);
    expect(problems.map((p) => p.message)).toEqual([
      `${changed[0]!.cells!.rating}: rating is 3, the approved snapshot (Approved 2026-12-03) has 2.`,
      `${changed[1]!.cells!.evidence}: evidence is "New policy", the approved snapshot (Approved 2026-12-03) has "Policy".`,
    ]);
    expect(problems.every((p) => p.ruleId === 'changed-since-approval' && p.severity === 'error')).toBe(true);
  });

  it('names an approved criterion that is no longer on its sheet', () => {
    const problems = changesSinceApproval(draft, approved, approvedResponses.slice(1));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/is no longer on its sheet/);
  });
});

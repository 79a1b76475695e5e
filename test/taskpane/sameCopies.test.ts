/**
 * The same copy chosen twice (src/taskpane/combine/sameCopies.ts): named when two files give the
 * same answers or share a name; never for departments' copies of one landlord's workbook, whose
 * Start sheets all carry the same organisation and period.
 */
import type { ResponseRow } from '../../src/domain/index';
import { sameCopies, type ChosenCopy } from '../../src/taskpane/combine/sameCopies';
import { responseRow } from '../builders/responses';

const row = (criterionId: string, rating: ResponseRow['rating'], evidence = ''): ResponseRow =>
  responseRow(criterionId, { area: 1, rating, evidence });
const copy = (fileName: string, responses: ResponseRow[]): ChosenCopy => ({ fileName, responses });

describe('sameCopies', () => {
  it('names two files with the same answers, whatever order the rows were read in', () => {
    const answers = [row('1.1', 3, 'Audit done'), row('1.2', 'N/A'), row('1.3', '')];
    expect(
      sameCopies([
        copy('hr.xlsx', answers),
        copy('housing.xlsx', [row('1.1', 4)]),
        copy('hr (1).xlsx', [...answers].reverse()),
      ]),
    ).toEqual(['hr.xlsx, hr (1).xlsx: the same answers in each.']);
  });

  it('combines copies that differ in any answer or any text', () => {
    expect(sameCopies([copy('a.xlsx', [row('1.1', 3)]), copy('b.xlsx', [row('1.1', 4)])])).toEqual([]);
    expect(
      sameCopies([copy('a.xlsx', [row('1.1', 3, 'Audit')]), copy('b.xlsx', [row('1.1', 3, 'Audit done')])]),
    ).toEqual([]);
    // The same answer for another criterion (or in another area) is another answer.
    expect(sameCopies([copy('a.xlsx', [row('1.1', 3)]), copy('b.xlsx', [row('1.2', 3)])])).toEqual([]);
    expect(
      sameCopies([copy('a.xlsx', [row('1.1', 3)]), copy('b.xlsx', [{ ...row('1.1', 3), area: 2 }])]),
    ).toEqual([]);
  });

  it('never calls copies with no answers the same: they add nothing', () => {
    expect(sameCopies([copy('a.xlsx', [row('1.1', '')]), copy('b.xlsx', []), copy('c.xlsx', [])])).toEqual(
      [],
    );
  });

  it('names two files of the same name, even with different answers', () => {
    expect(sameCopies([copy('HR.xlsx', [row('1.1', 3)]), copy('hr.xlsx ', [row('1.1', 4)])])).toEqual([
      'HR.xlsx, hr.xlsx : 2 files of the same name.',
    ]);
  });
});

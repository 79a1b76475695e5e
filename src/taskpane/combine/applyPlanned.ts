/**
 * The write of a planned combination, one copy or many: refused, naming each criterion, where the
 * plan found one it cannot write (no row here, a joined text too long for a cell); otherwise made
 * by src/excel/combineCopy.ts.
 */
import { refuse } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import { applyCombination, type CombineOptions, type CombineOutcome } from '../../excel/combineCopy';
import type { CombineWrite } from '../../workbook/combineWrite';

export function applyPlanned(
  gateway: ExcelGateway,
  write: CombineWrite,
  options: CombineOptions,
): Promise<CombineOutcome> {
  if (write.problems.length > 0) {
    return Promise.resolve(
      refuse(
        'no-row',
        'Nothing was combined: the criteria below cannot be written as chosen.',
        write.problems,
      ),
    );
  }
  return applyCombination(gateway, write, options);
}

/**
 * The Approval block on the Start sheet: the sign-off state in plain words, below the sheet's
 * last part (the list of sheets), so that it moves nothing the formulas or readers rely on.
 */
import { excelSerialOf, formatDate, type Framework } from '../../domain';
import { cell, rect, type A1 } from '../address';
import type { PlanCell } from '../plan';
import { startLastRow } from '../sheets/start';
import type { SignOffState } from '../sheets/signOffRecord';

export const APPROVAL_BLOCK_ROWS = 8;

/** The block's top-left cell and its whole range (two columns). */
export function approvalBlockPlace(framework: Framework): { top: A1; range: A1; dateCell: A1 } {
  const top = startLastRow(framework) + 2;
  return {
    top: cell(top, 1),
    range: rect(top, 1, APPROVAL_BLOCK_ROWS, 2),
    dateCell: cell(top + 4, 2),
  };
}

/** The block's cells for a finalised or reopened workbook. */
export function approvalBlockCells(state: Exclude<SignOffState, { status: 'open' }>): PlanCell[][] {
  const { approval, accepted } = state.finalised;
  const status =
    state.status === 'finalised'
      ? `Finalised on ${formatDate(state.finalised.recordedOn)}: this is the approved version.`
      : 'Reopened: this is not the approved version.';
  const reopened =
    state.status === 'reopened'
      ? `On ${formatDate(state.reopened.recordedOn)} by ${state.reopened.by}, because ${state.reopened.reason}`
      : '';
  return [
    ['Approval', ''],
    ['Status', status],
    ['Approved by', approval.approvedBy],
    ['Approving body', approval.body],
    ['Date of approval', excelSerialOf(approval.date)],
    ['Minute reference', approval.minute],
    ['Problems accepted', accepted],
    ['Reopened', reopened],
  ];
}

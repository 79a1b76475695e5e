import type { CriterionKey } from '../framework/types';
import type { RatingFixValue } from '../rating';
import type { ResponseField } from '../responses';

import type { CheckRuleId, Severity } from './rules';

export type { CheckRuleId, Severity } from './rules';

/** 'text': the criterion's text cell, where the organisation completes wording the source lacks. */
export type IssueField = ResponseField | 'id' | 'text';

/** A change that would resolve an issue: write `value` into the row's `field`. */
export interface IssueFix {
  readonly field: IssueField;
  readonly value: RatingFixValue;
}

export interface CheckIssue {
  readonly ruleId: CheckRuleId;
  readonly severity: Severity;
  /** The criterion id as the framework has it, or as the row carries it for an unknown id. */
  readonly criterionId: string;
  /** Absent when the id is not in the framework. */
  readonly criterionKey?: CriterionKey;
  readonly area?: number;
  readonly field?: IssueField;
  /** The A1 reference of the cell, when the responses were read from a workbook. */
  readonly cell?: string;
  /** Names the cell (or the criterion and field) and says what is expected. */
  readonly message: string;
  /** The message without its place ("is rated 4 … but has no evidence"), for a view that names the place itself. */
  readonly detail?: string;
  readonly fix?: IssueFix;
}

export interface CheckOptions {
  /** The day review dates are compared with; only its local calendar day counts. */
  readonly today: Date;
}

/**
 * What every rule needs: the scored criteria (with the row that counted), and a way to say where a
 * field is. Scoring once here keeps the checks and the levels agreeing on what each cell means.
 */
import type { Criterion, Framework } from '../framework/types';
import type { ResponseRow, ScoringSettings } from '../responses';
import { score, type CriterionOutcome } from '../scoring';
import { calendarDateOf, type CalendarDate } from '../dates';
import type { CheckIssue, CheckOptions, CheckRuleId, IssueField } from './types';
import { severityOf } from './rules';

export interface CheckContext {
  readonly framework: Framework;
  readonly settings: ScoringSettings;
  readonly today: CalendarDate;
  readonly responses: readonly ResponseRow[];
  /** Every criterion with its outcome, in framework order. */
  readonly criteria: readonly { readonly criterion: Criterion; readonly outcome: CriterionOutcome }[];
}

export function checkContext(
  framework: Framework,
  responses: readonly ResponseRow[],
  settings: ScoringSettings,
  options: CheckOptions,
): CheckContext {
  const result = score(framework, responses, settings);
  const criteria: { criterion: Criterion; outcome: CriterionOutcome }[] = [];
  framework.criteria.forEach((criterion, index) => {
    const outcome = result.criteria[index];
    if (outcome) criteria.push({ criterion, outcome });
  });
  return { framework, settings, today: calendarDateOf(options.today), responses, criteria };
}

const FIELD_WORDS: Record<IssueField, string> = {
  id: 'id',
  text: 'criterion text',
  rating: 'rating',
  evidence: 'evidence',
  difference: 'difference made',
  owner: 'owner',
  reviewDate: 'review date',
  notes: 'notes',
};

/** "'Leadership'!F12" when the cell is known, else "Criterion 2.5, rating" (or "Criterion 2.5" for the id). */
export function locate(row: ResponseRow | null, field: IssueField, criterionId: string): string {
  const cell = row?.cells?.[field];
  if (cell !== undefined) return cell;
  return field === 'id' ? `Criterion ${criterionId}` : `Criterion ${criterionId}, ${FIELD_WORDS[field]}`;
}

export interface IssueInput {
  readonly ruleId: CheckRuleId;
  readonly criterionId: string;
  readonly criterion?: Criterion;
  readonly row: ResponseRow | null;
  readonly field: IssueField;
  /** The message after "cell: ", built only when the message is read. */
  readonly text: () => string;
  readonly fix?: CheckIssue['fix'];
}

/**
 * Builds an issue whose message starts with where the problem is. The message is built when first
 * read (a check of 100,000 responses can find as many problems, and the pane shows a few), by a
 * getter in the object literal: an ordinary enumerable property to JSON, spreading and equality.
 */
export function issue(input: IssueInput): CheckIssue {
  const cell = input.row?.cells?.[input.field];
  let message: string | undefined;
  let detail: string | undefined;
  const out: { -readonly [K in keyof CheckIssue]: CheckIssue[K] } = {
    ruleId: input.ruleId,
    severity: severityOf(input.ruleId),
    criterionId: input.criterionId,
    field: input.field,
    get message(): string {
      return (message ??= `${locate(input.row, input.field, input.criterionId)}: ${this.detail ?? ''}`);
    },
    get detail(): string {
      return (detail ??= input.text());
    },
  };
  if (input.criterion) {
    out.criterionKey = input.criterion.key;
    out.area = input.criterion.area;
  }
  if (cell !== undefined) out.cell = cell;
  if (input.fix) out.fix = input.fix;
  return out;
}

export function levelName(framework: Framework, level: number): string {
  return framework.levels.find((l) => l.number === level)?.name ?? `level ${level}`;
}

export function areaShortName(framework: Framework, area: number): string {
  return framework.areas.find((a) => a.number === area)?.shortName ?? `area ${area}`;
}

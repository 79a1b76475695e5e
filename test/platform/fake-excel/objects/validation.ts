/** Data validation (ExcelApi 1.8): rules, prompts and error alerts with Excel's length limits. */
import type {
  XlDataValidation,
  XlDataValidationErrorAlert,
  XlDataValidationPrompt,
  XlDataValidationRule,
  XlDataValidationType,
} from '../../../../src/excel/api';
import { qualified } from '../a1';
import type { FakeContext } from '../context';
import { invalidArgument } from '../errors';
import { uniform, validationAt } from '../formats';
import { FakeProxy } from '../proxy';
import type { StoredRule, ValidationState } from '../state';
import { checkAllowed } from './guard';
import type { Located } from './locate';

const SINCE = '1.8';
const RULE_TYPES: Record<string, XlDataValidationType> = {
  list: 'List',
  date: 'Date',
  time: 'Time',
  decimal: 'Decimal',
  wholeNumber: 'WholeNumber',
  textLength: 'TextLength',
  custom: 'Custom',
};
const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];
const INLINE_LIST_LIMIT = 255;
/** Office's limit for a data validation error message (platform-facts: prompt 255, error 224). */
const ERROR_MESSAGE_LIMIT = 224;

/** A range argument is stored as the reference formula Excel would show. */
function asReference(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    'target' in value &&
    typeof value.target === 'function'
  ) {
    const { sheet, rect } = (value.target as () => Located)();
    return `=${qualified(sheet.name, rect, true)}`;
  }
  if (value instanceof Date) return value.toISOString();
  return value;
}

function normaliseRule(rule: XlDataValidationRule, where: string): StoredRule {
  const kinds = Object.entries(rule).filter(([, v]) => v !== undefined);
  const [entry] = kinds;
  if (kinds.length !== 1 || !entry || !(entry[0] in RULE_TYPES)) {
    throw invalidArgument(
      `A data validation rule needs exactly one of ${Object.keys(RULE_TYPES).join(', ')}.`,
      where,
    );
  }
  const [kind, body] = entry as [string, Record<string, unknown>];
  const stored = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, asReference(v)]));
  if (kind === 'list') {
    const source = stored['source'];
    if (typeof source !== 'string' || source === '')
      throw invalidArgument('A list rule needs a source: items, a formula or a range.', where);
    // Excel refuses a list source longer than 255 characters, whether items or a formula (the
    // data validation dialog's limit, which the API shares).
    if (source.length > INLINE_LIST_LIMIT) {
      throw invalidArgument(
        `A list source is at most ${INLINE_LIST_LIMIT} characters; this one has ${source.length}. Use a range or a name.`,
        where,
      );
    }
  } else if (kind === 'custom') {
    if (typeof stored['formula'] !== 'string') throw invalidArgument('A custom rule needs a formula.', where);
  } else {
    if (!OPERATORS.includes(String(stored['operator'])))
      throw invalidArgument(`Operator must be one of ${OPERATORS.join(', ')}.`, where);
    if (stored['formula1'] === undefined) throw invalidArgument(`A ${kind} rule needs formula1.`, where);
    const between = stored['operator'] === 'Between' || stored['operator'] === 'NotBetween';
    if (between && stored['formula2'] === undefined)
      throw invalidArgument(`A ${kind} rule with ${String(stored['operator'])} needs formula2.`, where);
  }
  return { [kind]: stored };
}

function checkText(text: unknown, limit: number, what: string, where: string): void {
  if (typeof text === 'string' && text.length > limit) {
    throw invalidArgument(`The ${what} is ${text.length} characters; Excel allows at most ${limit}.`, where);
  }
}

export class FakeDataValidation extends FakeProxy implements XlDataValidation {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly target: () => Located,
  ) {
    super(ctx, path);
  }

  private perCell<T>(pick: (v: ValidationState | undefined) => T): () => T | null {
    return () => {
      const { sheet, rect } = this.target();
      return uniform(rect, (r, c) => pick(validationAt(sheet, r, c)));
    };
  }

  protected properties(): Record<string, () => unknown> {
    const type = (): XlDataValidationType => {
      const { sheet, rect } = this.target();
      const kind = uniform(rect, (r, c) => Object.keys(validationAt(sheet, r, c)?.rule ?? {})[0] ?? 'none');
      if (kind === null) return 'Inconsistent';
      if (kind === 'none') return 'None';
      return this.perCell((v) => v?.rule)() === null ? 'MixedCriteria' : (RULE_TYPES[kind] ?? 'None');
    };
    return {
      rule: this.perCell((v) => v?.rule ?? {}),
      prompt: this.perCell((v) => v?.prompt ?? { showPrompt: false, title: '', message: '' }),
      errorAlert: this.perCell(
        (v) => v?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
      ),
      ignoreBlanks: this.perCell((v) => v?.ignoreBlanks ?? true),
      type,
    };
  }

  private set(property: string, value: unknown, make: () => ValidationState): void {
    this.write(
      property,
      value,
      () => {
        const { sheet, rect } = this.target();
        checkAllowed(sheet, undefined, 'change data validation', this.path);
        sheet.validations.push({ rect, set: make() });
      },
      SINCE,
    );
  }

  get rule(): XlDataValidationRule {
    return this.read('rule');
  }
  set rule(rule: XlDataValidationRule) {
    const described = Object.fromEntries(
      Object.entries(rule).map(([k, v]) => [
        k,
        typeof v === 'object' && v !== null
          ? Object.fromEntries(Object.entries(v).map(([a, b]) => [a, asDescribed(b)]))
          : v,
      ]),
    );
    this.set('rule', described, () => ({ rule: normaliseRule(rule, this.path) }));
  }

  get prompt(): XlDataValidationPrompt {
    return this.read('prompt');
  }
  set prompt(prompt: XlDataValidationPrompt) {
    this.set('prompt', prompt, () => {
      checkText(prompt.title, 32, 'prompt title', this.path);
      checkText(prompt.message, 255, 'prompt message', this.path);
      return { prompt: { ...prompt } };
    });
  }

  get errorAlert(): XlDataValidationErrorAlert {
    return this.read('errorAlert');
  }
  set errorAlert(errorAlert: XlDataValidationErrorAlert) {
    this.set('errorAlert', errorAlert, () => {
      checkText(errorAlert.title, 32, 'error alert title', this.path);
      checkText(errorAlert.message, ERROR_MESSAGE_LIMIT, 'error alert message', this.path);
      return { errorAlert: { ...errorAlert } };
    });
  }

  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(ignoreBlanks: boolean) {
    this.set('ignoreBlanks', ignoreBlanks, () => ({ ignoreBlanks }));
  }

  get type(): XlDataValidationType {
    return this.read('type');
  }

  clear(): void {
    this.enqueue(
      'clear',
      [],
      () => {
        const { sheet, rect } = this.target();
        checkAllowed(sheet, undefined, 'change data validation', this.path);
        sheet.validations.push({ rect, set: 'clear' });
      },
      SINCE,
    );
  }
}

/** For the payload measure: a range argument by its path. */
function asDescribed(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'path' in value ? { ref: String(value.path) } : value;
}

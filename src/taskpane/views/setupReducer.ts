/**
 * The Set up form's state and every change to it, as one pure reducer: SetupView dispatches what
 * happened (a field typed, a framework chosen, a file read, a check, a plan refused, a step of
 * Generate) and renders the state, so each change is testable as state, action, state.
 */
import type { Framework } from '../../domain/index';
import type { GenerateStep } from '../../excel/generate';
import {
  chosenFramework,
  type FrameworkChoice,
  type OwnFile,
  type SetupErrors,
  type SetupValues,
} from './setupForm';

/** The bundled frameworks the select offers, by their choice key. */
export type BundledChoices = Readonly<Record<Exclude<FrameworkChoice, 'own'>, Framework>>;

export interface SetupState {
  readonly values: SetupValues;
  /** Each field's message from the last check (Generate or Download). */
  readonly errors: SetupErrors;
  /** What in the framework breaks Excel's limits, from the last attempt to build the plan. */
  readonly planProblems: readonly string[];
  /** Where Generate has got to; 'building' until the adapter reports a step. */
  readonly step: GenerateStep | 'building';
}

/** The fields a user types or picks from a fixed list; the framework has its own actions. */
export type TypedField = 'organisation' | 'period' | 'threshold' | 'sharePercent';

export type SetupAction =
  | { readonly type: 'typed'; readonly field: TypedField; readonly value: string }
  | { readonly type: 'frameworkChosen'; readonly choice: FrameworkChoice; readonly bundled: BundledChoices }
  | { readonly type: 'ownFileRead'; readonly file: OwnFile | null }
  | { readonly type: 'checked'; readonly errors: SetupErrors }
  | { readonly type: 'planRefused'; readonly problems: readonly string[] }
  | { readonly type: 'generateStarted' }
  | { readonly type: 'generateProgressed'; readonly step: GenerateStep };

/** An empty form with the 2009 draft and its own level rule. */
export function initialSetupState(bundled: BundledChoices): SetupState {
  const rule = bundled.draft2009.levelRule;
  return {
    values: {
      organisation: '',
      period: '',
      choice: 'draft2009',
      ownFile: null,
      threshold: String(rule.metThreshold),
      sharePercent: String(rule.requiredShare * 100),
    },
    errors: {},
    planProblems: [],
    step: 'building',
  };
}

export function setupReducer(state: SetupState, action: SetupAction): SetupState {
  switch (action.type) {
    case 'typed':
      return { ...state, values: { ...state.values, [action.field]: action.value } };
    case 'frameworkChosen': {
      // Going back to a bundled framework forgets nothing typed, but the file is only kept
      // while "own file" stays chosen (the file input is not shown otherwise).
      const ownFile = action.choice === 'own' ? state.values.ownFile : null;
      const patch = { choice: action.choice, ownFile };
      return withValues(state, patch, chosenFramework(patch, action.bundled));
    }
    case 'ownFileRead': {
      const result = action.file?.result;
      return withValues(state, { ownFile: action.file }, result?.ok ? result.framework : null);
    }
    case 'checked':
      // A new check replaces the last one's messages, and the plan has not been tried again yet.
      return { ...state, errors: action.errors, planProblems: [] };
    case 'planRefused':
      return { ...state, planProblems: action.problems };
    case 'generateStarted':
      return { ...state, step: 'building' };
    case 'generateProgressed':
      return { ...state, step: action.step };
  }
}

/**
 * The values with a new framework (or file) applied. A new framework brings its own scale: a
 * threshold not on it becomes the framework's default; one still on it is kept as chosen.
 */
function withValues(state: SetupState, patch: Partial<SetupValues>, framework: Framework | null): SetupState {
  const next = { ...state.values, ...patch };
  if (framework && !framework.ratingScale.points.some((p) => String(p.value) === next.threshold)) {
    return { ...state, values: { ...next, threshold: String(framework.levelRule.metThreshold) } };
  }
  return { ...state, values: next };
}

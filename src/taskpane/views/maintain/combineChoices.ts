/**
 * The officer's choices when combining a colleague's copy, as state in, action, state out: one
 * choice per criterion where the copies differ and theirs has something, set one at a time or for
 * a whole area. New criteria start as "take theirs" (nothing of ours is replaced); conflicts start
 * as "keep ours", so nothing already in this workbook changes until the officer says so.
 */
import type { CombineChoice, CombinedCriterion, CriterionSlot } from '../../../domain/index';

export interface ChoiceState {
  readonly criteria: readonly CombinedCriterion[];
  readonly choices: ReadonlyMap<CriterionSlot, CombineChoice>;
}

export type ChoiceAction =
  /** A new comparison: its criteria, with the starting choices. */
  | { readonly type: 'reset'; readonly criteria: readonly CombinedCriterion[] }
  | { readonly type: 'choose'; readonly slot: CriterionSlot; readonly choice: CombineChoice }
  | { readonly type: 'choose-area'; readonly area: number; readonly choice: CombineChoice };

/** The criteria the officer chooses for: where the copies differ and theirs has something. */
export function choosable(criteria: readonly CombinedCriterion[]): CombinedCriterion[] {
  return criteria.filter((c) => c.state === 'new' || c.state === 'conflict');
}

export function initialChoices(criteria: readonly CombinedCriterion[]): ChoiceState {
  return {
    criteria,
    choices: new Map(choosable(criteria).map((c) => [c.slot, c.state === 'new' ? 'theirs' : 'ours'])),
  };
}

export function choicesReducer(state: ChoiceState, action: ChoiceAction): ChoiceState {
  switch (action.type) {
    case 'reset':
      return initialChoices(action.criteria);
    case 'choose':
      if (!state.choices.has(action.slot)) return state;
      return { ...state, choices: new Map(state.choices).set(action.slot, action.choice) };
    case 'choose-area': {
      const choices = new Map(state.choices);
      for (const c of choosable(state.criteria)) {
        if (c.criterion.area === action.area) choices.set(c.slot, action.choice);
      }
      return { ...state, choices };
    }
  }
}

/** How many criteria the choices change in this workbook. */
export function changedCount(state: ChoiceState): number {
  return [...state.choices.values()].filter((c) => c !== 'ours').length;
}

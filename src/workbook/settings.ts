import type { ScoringSettings } from '../domain';

/** What the officer chooses when generating: who, when, and the level rule. */
export interface PlanSettings extends ScoringSettings {
  readonly organisation: string;
  readonly period: string;
}

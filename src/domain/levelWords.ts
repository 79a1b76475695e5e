/**
 * The words every output uses for a level and for "provisional": the Summary sheet's formulas,
 * the task pane, the board report and the .docx paper all take them from here, so the sheet and
 * the engine cannot say different things about the same result.
 */

/** Shown instead of any level while a setting on the Start sheet cannot be used. */
export const CHECK_START_SHEET = 'Check the Start sheet';

/** An area (or a whole assessment) in which every criterion is marked not applicable. */
export const NO_APPLICABLE_CRITERIA = 'No applicable criteria';

/** "Not yet Developing": an area that has not reached the first level. */
export function notYetText(firstLevelName: string): string {
  return `Not yet ${firstLevelName}`;
}

/** The Provisional column's words. */
export const PROVISIONAL_WORDS = {
  /** Some unanswered criterion could still change the level. */
  yes: 'Yes',
  /** Every applicable criterion is answered. */
  no: 'No',
  /** Criteria are unanswered, but no answer to them could change the level. */
  settled: 'Settled, answers missing',
} as const;

export type ProvisionalWord = (typeof PROVISIONAL_WORDS)[keyof typeof PROVISIONAL_WORDS];

export function provisionalWord(result: {
  readonly provisional: boolean;
  readonly unanswered: number;
}): ProvisionalWord {
  if (result.provisional) return PROVISIONAL_WORDS.yes;
  return result.unanswered > 0 ? PROVISIONAL_WORDS.settled : PROVISIONAL_WORDS.no;
}

/** A level as the Summary sheet words it: the level's name, "Not yet …" or "No applicable criteria". */
export function levelText(
  result: { readonly assessed: boolean; readonly levelName: string | null },
  firstLevelName: string,
): string {
  if (!result.assessed) return NO_APPLICABLE_CRITERIA;
  return result.levelName ?? notYetText(firstLevelName);
}

/**
 * What an assessment holds for each criterion, as read from cells. Values stay raw (`CellValue`)
 * until the engine reads them, so nothing a user typed is lost or reinterpreted on the way in.
 */

/** Anything a spreadsheet cell can hand us: Office.js gives string | number | boolean, file readers may add Date or null. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** The per-criterion inputs an officer fills in, in the order the area sheets show them. */
export const RESPONSE_FIELDS = ['rating', 'evidence', 'difference', 'owner', 'reviewDate', 'notes'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export interface ResponseRow {
  /** The criterion id as found in the workbook's id cell (it may have been edited). */
  readonly criterionId: string;
  /**
   * The area of the sheet the row was read from. A criterion is its area and id (ids repeat
   * across areas in a combined framework), so rows read from a workbook always carry it; a row
   * without it is matched by id alone (framework/identity.ts).
   */
  readonly area?: number;
  readonly rating: CellValue;
  readonly evidence: CellValue;
  readonly difference: CellValue;
  readonly owner: CellValue;
  readonly reviewDate: CellValue;
  readonly notes: CellValue;
  /**
   * The criterion's text cell as found, when read from a workbook: where the organisation types
   * the wording of a criterion the source lacks (framework/wording.ts). Undefined when not read.
   */
  readonly text?: CellValue;
  /**
   * Where each field lives, as an A1 reference with its sheet ('Leadership'!F12), when the
   * responses were read from a workbook. Messages name the cell when it is known.
   */
  readonly cells?: Partial<Record<ResponseField | 'id' | 'text', string>>;
}

/** The organisation's settings for the level rule; the workbook keeps them in visible cells. */
export interface ScoringSettings {
  /** A criterion is met when rated at or above this value. */
  readonly metThreshold: number;
  /** Share (0 < s ≤ 1) of applicable criteria at a level that must be met. */
  readonly requiredShare: number;
}

/**
 * Tolerance for `met >= requiredShare × applicable`: in floating point 0.28 × 25 is
 * 7.000000000000001, so 7 met of 25 would fail a 28% rule without it. The workbook formulas
 * subtract the same epsilon so both agree exactly.
 */
export const SHARE_EPSILON = 1e-9;

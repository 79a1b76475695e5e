import type { z } from 'zod';
import type {
  AreaSchema,
  CriterionSchema,
  FrameworkSchema,
  LevelRuleSchema,
  LevelSchema,
  QuestionSetSchema,
  RatingScaleSchema,
  TextStatusSchema,
} from './schema';

export type Level = z.output<typeof LevelSchema>;
export type Area = z.output<typeof AreaSchema>;
export type TextStatus = z.output<typeof TextStatusSchema>;
export type QuestionSet = z.output<typeof QuestionSetSchema>;
export type RatingScale = z.output<typeof RatingScaleSchema>;
export type LevelRule = z.output<typeof LevelRuleSchema>;

/**
 * A criterion's identity is (framework id, version, area, criterion id): the sources reuse ids,
 * and a combined framework holds two documents' ids (identity.ts). Written eqfsh@2009-draft#3/1.13.
 */
export type CriterionKey = string & { readonly __brand: 'CriterionKey' };

export function criterionKey(
  frameworkId: string,
  version: string,
  area: number,
  criterionId: string,
): CriterionKey {
  return `${frameworkId}@${version}#${area}/${criterionId}` as CriterionKey;
}

export type Criterion = z.output<typeof CriterionSchema> & {
  readonly key: CriterionKey;
  /**
   * True when the text is the organisation's own, typed in the workbook for a criterion whose
   * source text is absent or a fragment (wording.ts); never set by the loader.
   */
  readonly ownWording?: boolean;
};

/** A framework that has passed every check in the loader. Build one only through `loadFramework`. */
export type Framework = Omit<z.output<typeof FrameworkSchema>, 'criteria' | '$schema'> & {
  readonly criteria: readonly Criterion[];
};

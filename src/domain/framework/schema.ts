/**
 * The framework file format, as a zod schema. It is the single source of truth: the TypeScript
 * types are inferred from it and `framework/framework.schema.json` is generated from it
 * (`npm run schema`), so the documented format cannot drift from what the loader accepts.
 *
 * Structural rules that a schema cannot express (unique ids, ids matching their level, areas and
 * levels that exist) are checked by `loader.ts` after the schema passes.
 */
import './zodConfig';
import { z } from 'zod';

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const LevelSchema = z
  .object({
    number: z.int().min(1).max(9).describe('1 for the lowest level; levels are numbered in order'),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: 'a level id is lower-case letters, digits and hyphens' }),
    name: nonEmpty('a level name'),
    strapline: z.string().describe('the short phrase the source gives under the level name'),
  })
  .strict();

export const AreaSchema = z
  .object({
    number: z.int().min(1).max(99),
    name: nonEmpty('an area name'),
    shortName: nonEmpty('an area short name')
      .max(24, { error: 'a short name becomes a sheet tab, so it must be 24 characters or fewer' })
      .refine((s) => !/[\\/?*[\]:]/.test(s) && !s.startsWith("'") && !s.endsWith("'"), {
        error: "a short name becomes a sheet tab, so it cannot contain \\ / ? * [ ] : or start or end with '",
      }),
  })
  .strict();

export const TextStatusSchema = z
  .enum(['complete', 'fragment', 'absent'])
  .describe(
    'complete: the full text is in the source; fragment: only part survives; absent: the id is known but the text is not in the source',
  );

export const CriterionSchema = z
  .object({
    id: z.string().regex(/^[1-9]\.[1-9][0-9]*$/, {
      error: 'a criterion id is the level number, a dot and a number, such as 2.14',
    }),
    level: z.int().min(1),
    area: z.int().min(1),
    subTheme: z.string().nullable().describe('the sub-theme heading in the source, or null'),
    row: z
      .int()
      .min(1)
      .nullable()
      .describe('the row of the area table this criterion sits in (one theme at each level), or null'),
    text: z.string(),
    textStatus: TextStatusSchema,
    note: z.string().optional().describe('an editorial note, never criterion text'),
  })
  .strict();

export const QuestionSetSchema = z
  .object({
    area: z.int().min(1),
    level: z.int().min(1),
    questions: z.array(nonEmpty('a question')).min(1),
  })
  .strict();

export const RatingPointSchema = z
  .object({
    value: z.int().min(0).max(99),
    label: nonEmpty('a rating label'),
  })
  .strict();

export const RatingScaleSchema = z
  .object({
    points: z.array(RatingPointSchema).min(2, { error: 'a rating scale needs at least two points' }),
    notApplicable: z
      .object({
        label: nonEmpty('the not-applicable label'),
        aliases: z.array(z.string()).describe('other spellings recognised when typed or pasted'),
      })
      .strict(),
  })
  .strict();

export const LevelRuleSchema = z
  .object({
    metThreshold: z
      .int({ error: 'the met threshold must be a whole number on the rating scale' })
      .describe('a criterion is met when its rating is at or above this value'),
    requiredShare: z
      .number()
      .gt(0, { error: 'the required share must be more than 0' })
      .max(1, { error: 'the required share is a fraction from above 0 up to 1 (1 = 100%)' })
      .describe('the share of applicable criteria at a level that must be met (1 = all)'),
  })
  .strict();

export const SourceSchema = z
  .object({
    document: nonEmpty('the source document'),
    date: z.string().optional(),
    seed: z.string().optional().describe('the seed file the text was transcribed from'),
    provenance: z.string().optional(),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1, { error: 'formatVersion must be 1 (the only format this add-in reads)' }),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, {
      error: 'a framework id is lower-case letters, digits and hyphens',
    }),
    version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, {
      error: 'a version is letters, digits, dots and hyphens',
    }),
    title: nonEmpty('the title'),
    source: SourceSchema,
    levels: z.array(LevelSchema).min(1),
    areas: z.array(AreaSchema).min(1),
    criteria: z.array(CriterionSchema).min(1),
    questions: z.array(QuestionSetSchema).default([]),
    ratingScale: RatingScaleSchema,
    levelRule: LevelRuleSchema,
  })
  .strict();

export type FrameworkFile = z.input<typeof FrameworkSchema>;

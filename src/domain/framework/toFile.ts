/**
 * A checked framework written back as a framework file: what the workbook stores so that it can
 * be read without the file it was made from (src/workbook/storedFramework.ts), and what the
 * template writer lays out as sheets. Loading the result gives the same framework again.
 */
import { CriterionSchema, type FrameworkFile } from './schema';
import type { Framework } from './types';

type FileCriterion = FrameworkFile['criteria'][number];

export function frameworkToFile(framework: Framework): FrameworkFile {
  const { criteria, ...rest } = framework;
  // Only the file's own fields: the key is derived by the loader, and marks added while reading an
  // assessment (the organisation's own wording) belong to that assessment, not to the framework.
  const fields = Object.keys(CriterionSchema.shape);
  return {
    ...rest,
    criteria: criteria.map(
      (c) => Object.fromEntries(Object.entries(c).filter(([k]) => fields.includes(k))) as FileCriterion,
    ),
  };
}

/** The framework as JSON text, the form the loader reads. */
export function frameworkJson(framework: Framework): string {
  return JSON.stringify(frameworkToFile(framework));
}

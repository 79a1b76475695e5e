/**
 * A checked framework written back as a framework file: what the workbook stores so that it can
 * be read without the file it was made from (src/workbook/storedFramework.ts), and what the
 * template writer lays out as sheets. Loading the result gives the same framework again.
 */
import type { FrameworkFile } from './schema';
import type { Framework } from './types';

export function frameworkToFile(framework: Framework): FrameworkFile {
  const { criteria, ...rest } = framework;
  // The key is derived by the loader from the framework and the criterion, never stored.
  return { ...rest, criteria: criteria.map(({ key: _key, ...criterion }) => criterion) };
}

/** The framework as JSON text, the form the loader reads. */
export function frameworkJson(framework: Framework): string {
  return JSON.stringify(frameworkToFile(framework));
}

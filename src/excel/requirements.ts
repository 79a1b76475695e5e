/**
 * Which parts of generation need which Excel API requirement set. The manifest asks only for
 * ExcelApi 1.1 so that Excel 2016 can still build a working assessment (values, formulas,
 * charts); everything richer is checked here at run time, and what the host lacks is named to
 * the officer instead of failing the whole write.
 */

export type Feature =
  | 'layout'
  | 'protection'
  | 'names'
  | 'suspendCalculation'
  | 'highlights'
  | 'freezePanes'
  | 'tabColours'
  | 'dataValidation'
  | 'axisFormat'
  | 'printLayout';

interface FeatureInfo {
  readonly set: string;
  /** What the officer loses without it, in their words. */
  readonly description: string;
}

export const FEATURES: Readonly<Record<Feature, FeatureInfo>> = {
  layout: { set: '1.2', description: 'column widths and hidden working columns' },
  protection: { set: '1.2', description: 'locking formula cells and protecting the sheets' },
  names: { set: '1.4', description: 'named ranges (EQ_…) for your own formulas' },
  suspendCalculation: {
    set: '1.6',
    description: 'pausing calculation while the workbook is written (generation takes longer)',
  },
  highlights: {
    set: '1.6',
    description: 'highlighting cells with problems as you type (Check workbook still lists them)',
  },
  freezePanes: { set: '1.7', description: 'frozen header rows' },
  tabColours: { set: '1.7', description: 'coloured sheet tabs' },
  dataValidation: {
    set: '1.8',
    description: 'drop-down lists and date checks on input cells (the add-in still checks every entry)',
  },
  axisFormat: { set: '1.8', description: 'percentage labels on chart axes' },
  printLayout: { set: '1.9', description: 'landscape printing and repeated header rows' },
};

export type Support = Readonly<Record<Feature, boolean>>;

/** What this host supports, from Office's `isSetSupported('ExcelApi', version)`. */
export function detectSupport(isSetSupported: (version: string) => boolean): Support {
  const entries = (Object.keys(FEATURES) as Feature[]).map(
    (f) => [f, isSetSupported(FEATURES[f].set)] as const,
  );
  return Object.fromEntries(entries) as Record<Feature, boolean>;
}

/** One sentence per missing feature, for the task pane. */
export function unavailableFeatures(support: Support): string[] {
  return (Object.keys(FEATURES) as Feature[])
    .filter((f) => !support[f])
    .map(
      (f) =>
        `Not available on this version of Excel (needs ExcelApi ${FEATURES[f].set}): ${FEATURES[f].description}.`,
    );
}

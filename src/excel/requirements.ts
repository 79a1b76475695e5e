/**
 * The Excel API the add-in needs, and where it may go beyond it.
 *
 * The manifest asks for ExcelApi 1.9 (test/manifest checks it equals MINIMUM_API_SET). That is
 * what the code needs, and every host whose webview can run the pane has it: Windows builds with
 * WebView2 have ExcelApi 1.12 or later, Excel on the web and current Excel for Mac have the
 * newest sets, and every Windows host below 1.9 runs add-ins in Internet Explorer 11 or Edge
 * Legacy, which cannot run React 18 and Fluent UI v9 at all (the bootstrap says so there). So there
 * is no fallback code for lower sets: a lower host is refused as a whole, in words.
 *
 * Anything newer than the minimum must be gated at run time by the set that introduced it: list
 * it in OPTIONAL_FEATURES with the Office.js members it calls (test/excel/apiSetGates.test.ts
 * checks, against the `[Api set]` tags of @types/office-js, that every member the code calls is
 * at or below the minimum or listed here under a gate at least as new as the member).
 */
/** The lowest ExcelApi requirement set the add-in runs on: the manifest's `MinVersion`. */
export const MINIMUM_API_SET = '1.9';

/** A feature above the minimum: the requirement set it is gated by, and the members it calls. */
export interface OptionalFeature {
  /** The requirement set's name, as Office.context.requirements.isSetSupported takes it. */
  readonly setName: string;
  readonly version: string;
  /** Office.js members the feature calls, as 'Excel.Type.member' or 'Office.path.member'. */
  readonly members: readonly string[];
  /** What the officer gets instead where the host lacks it. */
  readonly without: string;
}

/** Features above the minimum; each one's code checks `isSetSupported(version)` first. */
export const OPTIONAL_FEATURES: Readonly<Record<string, OptionalFeature>> = {
  readCopyWithExcel: {
    setName: 'ExcelApi',
    version: '1.13',
    members: ['Excel.Workbook.insertWorksheetsFromBase64', 'Excel.InsertWorksheetOptions.positionType'],
    without:
      "A colleague's copy is read by the add-in's own .xlsx reader (also used on Excel on the web, where Excel cannot insert sheets with charts).",
  },
};

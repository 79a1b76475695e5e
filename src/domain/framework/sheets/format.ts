/**
 * A framework written as sheets of an .xlsx file, for organisations that keep their framework in
 * Excel rather than JSON: which sheets, which columns and which rows the reader (read.ts) looks
 * for and the template writer (src/workbook/frameworkTemplate.ts) lays out. One definition, so the
 * template and the reader cannot disagree.
 *
 * Columns are found by their heading in row 1 and About's rows by their label in column A, so an
 * officer may reorder them; every sheet is found by name, ignoring capitals.
 */

export const FRAMEWORK_SHEETS = {
  about: 'About',
  levels: 'Levels',
  areas: 'Areas',
  ratingScale: 'Rating scale',
  criteria: 'Criteria',
  questions: 'Questions',
} as const;

export type FrameworkSheetKey = keyof typeof FRAMEWORK_SHEETS;

/** The order sheets are checked and their problems listed: what others refer to comes first. */
export const SHEET_ORDER: readonly FrameworkSheetKey[] = [
  'about',
  'levels',
  'areas',
  'ratingScale',
  'criteria',
  'questions',
];

export interface TableColumn<K extends string> {
  readonly key: K;
  readonly header: string;
  /** A column the sheet must have (an optional one may be left out altogether). */
  readonly required: boolean;
  /** Width in points, for the template. */
  readonly width: number;
  readonly note: string;
}

export const LEVEL_COLUMNS: readonly TableColumn<'number' | 'id' | 'name' | 'strapline'>[] = [
  { key: 'number', header: 'Number', required: true, width: 50, note: '1 for the lowest level, then 2, 3 …' },
  { key: 'id', header: 'Id', required: true, width: 90, note: 'lower-case letters, digits and hyphens' },
  { key: 'name', header: 'Name', required: true, width: 110, note: 'as the workbook shows it' },
  {
    key: 'strapline',
    header: 'Strapline',
    required: false,
    width: 260,
    note: 'the short phrase under the name',
  },
];

export const AREA_COLUMNS: readonly TableColumn<'number' | 'name' | 'shortName'>[] = [
  { key: 'number', header: 'Number', required: true, width: 50, note: '1, 2, 3 …' },
  { key: 'name', header: 'Name', required: true, width: 300, note: 'the area’s full name' },
  {
    key: 'shortName',
    header: 'Short name',
    required: true,
    width: 130,
    note: 'the sheet tab: 24 characters or fewer',
  },
];

export const POINT_COLUMNS: readonly TableColumn<'value' | 'label'>[] = [
  { key: 'value', header: 'Value', required: true, width: 50, note: 'a whole number' },
  { key: 'label', header: 'Label', required: true, width: 200, note: 'what the rating means' },
];

export type CriterionColumnKey =
  'area' | 'level' | 'id' | 'subTheme' | 'row' | 'text' | 'textStatus' | 'note';

export const CRITERION_COLUMNS: readonly TableColumn<CriterionColumnKey>[] = [
  { key: 'area', header: 'Area', required: true, width: 40, note: 'the area’s number' },
  { key: 'level', header: 'Level', required: true, width: 40, note: 'the level’s number' },
  { key: 'id', header: 'ID', required: true, width: 44, note: 'level, dot, number: 2.14 (kept as text)' },
  { key: 'subTheme', header: 'Sub-theme', required: false, width: 110, note: 'may be blank' },
  {
    key: 'row',
    header: 'Row',
    required: false,
    width: 36,
    note: 'the theme row across levels; may be blank',
  },
  { key: 'text', header: 'Text', required: true, width: 360, note: 'word for word from your copy' },
  {
    key: 'textStatus',
    header: 'Text status',
    required: true,
    width: 80,
    note: 'complete, fragment or absent',
  },
  {
    key: 'note',
    header: 'Note',
    required: false,
    width: 200,
    note: 'an editorial note, never criterion text',
  },
];

export const QUESTION_COLUMNS: readonly TableColumn<'area' | 'level' | 'question'>[] = [
  { key: 'area', header: 'Area', required: true, width: 40, note: 'the area’s number' },
  { key: 'level', header: 'Level', required: true, width: 40, note: 'the level’s number' },
  { key: 'question', header: 'Question', required: true, width: 420, note: 'one question a row' },
];

export const TEXT_STATUSES = ['complete', 'fragment', 'absent'] as const;

export type AboutKey =
  | 'id'
  | 'version'
  | 'title'
  | 'document'
  | 'date'
  | 'seed'
  | 'provenance'
  | 'naLabel'
  | 'naAliases'
  | 'metThreshold'
  | 'requiredShare';

export interface AboutRow {
  readonly key: AboutKey;
  readonly label: string;
  readonly required: boolean;
  readonly note: string;
}

/** About's rows: label in column A, value in B (the other spellings of N/A run on into C, D …). */
export const ABOUT_ROWS: readonly AboutRow[] = [
  { key: 'id', label: 'Framework id', required: true, note: 'lower-case letters, digits and hyphens' },
  { key: 'version', label: 'Version', required: true, note: 'change it whenever the criteria change' },
  { key: 'title', label: 'Title', required: true, note: '' },
  { key: 'document', label: 'Source document', required: true, note: 'the document the text is from' },
  { key: 'date', label: 'Source date', required: false, note: 'may be blank' },
  { key: 'seed', label: 'Source file', required: false, note: 'may be blank' },
  {
    key: 'provenance',
    label: 'Provenance',
    required: false,
    note: 'how the text was taken from the source; may be blank',
  },
  {
    key: 'naLabel',
    label: 'Not applicable',
    required: true,
    note: 'what is typed for a criterion that does not apply',
  },
  {
    key: 'naAliases',
    label: 'Other spellings of not applicable',
    required: false,
    note: 'one a cell, from column B on',
  },
  {
    key: 'metThreshold',
    label: 'Lowest rating that counts as met',
    required: true,
    note: 'a value on the Rating scale sheet',
  },
  {
    key: 'requiredShare',
    label: 'Share to meet for a level',
    required: true,
    note: 'above 0 up to 1 (1 = every applicable criterion)',
  },
];

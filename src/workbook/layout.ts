/**
 * Where things live in the generated workbook. The column table is data that the plan, the
 * readers and the checks all walk, so a column cannot be in one place for the writer and in
 * another for the reader.
 */
import type { ResponseField } from '../domain';

/** Bumped whenever the layout changes in a way a reader of an older workbook must know about. */
export const LAYOUT_VERSION = 1;

export const META_SHEET = 'EqMeta';
export const START_SHEET = 'Start';
export const SUMMARY_SHEET = 'Summary';
/** Written in the meta sheet so the add-in recognises a workbook as its own. */
export const ADDIN_MARKER = 'equality-self-assessment';

export const AREA_TITLE_ROW = 1;
export const AREA_HEADER_ROW = 4;
export const AREA_FIRST_DATA_ROW = 5;

export type AreaColumnKey =
  'id' | 'level' | 'subTheme' | 'text' | 'guidance' | 'textStatus' | ResponseField | 'countsAs' | 'levelNo';

export interface AreaColumn {
  readonly key: AreaColumnKey;
  readonly header: string;
  /** Width in points. */
  readonly width: number;
  /** The officer types here: unlocked and kept across regeneration. */
  readonly input: boolean;
  readonly hidden?: boolean;
  /** Only on the sheet of an area whose framework gives guidance; left out entirely otherwise. */
  readonly onlyWithGuidance?: boolean;
}

/** Every column an area sheet can have, left to right from column A. */
const ALL_AREA_COLUMNS: readonly AreaColumn[] = [
  { key: 'id', header: 'ID', width: 36, input: false },
  { key: 'level', header: 'Level', width: 66, input: false },
  { key: 'subTheme', header: 'Sub-theme', width: 100, input: false },
  { key: 'text', header: 'Criterion', width: 330, input: false },
  {
    key: 'guidance',
    header: 'Questions to ask in self assessment (for the level)',
    width: 250,
    input: false,
    onlyWithGuidance: true,
  },
  { key: 'textStatus', header: 'Source text', width: 110, input: false },
  { key: 'rating', header: 'Rating', width: 54, input: true },
  { key: 'countsAs', header: 'Counts as', width: 84, input: false },
  {
    key: 'evidence',
    header: 'How was this done and what is the evidence?',
    width: 230,
    input: true,
  },
  {
    key: 'difference',
    header: 'What difference has this made?',
    width: 200,
    input: true,
  },
  { key: 'owner', header: 'Owner', width: 90, input: true },
  { key: 'reviewDate', header: 'Review date', width: 72, input: true },
  { key: 'notes', header: 'Notes (for N/A, say why)', width: 180, input: true },
  {
    key: 'levelNo',
    header: 'Level no.',
    width: 40,
    input: false,
    hidden: true,
  },
];

/**
 * The columns of one area sheet: with the Guidance column (beside the criterion, so every column
 * after it moves one to the right) when the framework gives guidance for the area, without it
 * otherwise. Writers take the layout of the sheet they build; readers find columns by their
 * headings (snapshot.ts) and fall back on the layout the sheet's header row shows.
 */
export interface AreaLayout {
  readonly guidance: boolean;
  /** Left to right from column A. */
  readonly columns: readonly AreaColumn[];
  /** 1-based column of `key`; a RangeError for a column this layout does not have. */
  column(key: AreaColumnKey): number;
  has(key: AreaColumnKey): boolean;
  /** The key of a 1-based column, or undefined right of the table. */
  keyAt(column: number): AreaColumnKey | undefined;
  /** The first column right of the table: where the officer's own columns start. */
  readonly firstOwnColumn: number;
}

function makeLayout(guidance: boolean): AreaLayout {
  const columns = ALL_AREA_COLUMNS.filter((c) => guidance || !c.onlyWithGuidance);
  const index = new Map(columns.map((c, i) => [c.key, i + 1]));
  return {
    guidance,
    columns,
    column(key) {
      const found = index.get(key);
      if (found === undefined) throw new RangeError(`no area column "${key}" in this layout`);
      return found;
    },
    has: (key) => index.has(key),
    keyAt: (column) => columns[column - 1]?.key,
    firstOwnColumn: columns.length + 1,
  };
}

const LAYOUTS = { without: makeLayout(false), with: makeLayout(true) } as const;

export function areaLayout(guidance: boolean): AreaLayout {
  return guidance ? LAYOUTS.with : LAYOUTS.without;
}

/**
 * The columns of an area sheet without guidance: the 2009 draft's sheets and every workbook made
 * before the Guidance column existed. A sheet's own columns: areaLayout (areaLayoutOf in
 * sheets/area.ts for a framework's area).
 */
export const AREA_COLUMNS: readonly AreaColumn[] = LAYOUTS.without.columns;

/** A column of an area sheet without guidance (see AREA_COLUMNS). */
export function areaColumn(key: AreaColumnKey): number {
  return LAYOUTS.without.column(key);
}

/** The heading of an area column (the same in every layout). */
export function areaColumnHeader(key: AreaColumnKey): string {
  return ALL_AREA_COLUMNS.find((c) => c.key === key)?.header ?? key;
}

/** What the "Counts as" column says; the summary counts these words. */
export const COUNTS_AS = {
  met: 'Met',
  notMet: 'Not met',
  na: 'Not applicable',
  unanswered: 'Not answered',
  invalid: 'Not recognised',
} as const;

/** Fills used by the layout (Office-like, readable in print). */
export const COLOURS = {
  header: '#DDEBF7',
  title: '#1F4E79',
  input: '#FFFFFF',
  locked: '#F2F2F2',
  absentText: '#FFF2CC',
  tab: '#2F5597',
} as const;

/**
 * What officers may still do on a protected sheet. No password: protection stops accidents, and
 * officers can unprotect from the Review tab. Formats and column widths stay open so they can
 * highlight and resize as they work. Both adapters (Office.js and the .xlsx file) apply this.
 */
export const SHEET_PROTECTION = {
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: false,
  editObjects: false,
} as const;

/** The value axis of every "share met" chart: 0% to 100% in quarters. */
export const SHARE_AXIS = { min: 0, max: 1, majorUnit: 0.25, numberFormat: '0%' } as const;

/** Every name in NAMES starts so: how the add-in tells its own defined names from an officer's. */
export const ADD_IN_NAME_PREFIX = 'EQ_';

/** Names the formulas and the add-in rely on. */
export const NAMES = {
  organisation: 'EQ_Organisation',
  period: 'EQ_Period',
  metThreshold: 'EQ_MetThreshold',
  requiredShare: 'EQ_RequiredShare',
  scaleValues: 'EQ_ScaleValues',
  levelNames: 'EQ_LevelNames',
  summary: 'EQ_Summary',
  overallLevel: 'EQ_OverallLevel',
  meta: 'EQ_Meta',
  areaIds: (area: number) => `EQ_A${area}_IDS`,
  areaRatings: (area: number) => `EQ_A${area}_RATINGS`,
  areaStatus: (area: number) => `EQ_A${area}_STATUS`,
  areaLevels: (area: number) => `EQ_A${area}_LEVELS`,
} as const;

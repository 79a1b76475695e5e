/**
 * Where each column of the Summary sheet is, as data: the officer's table on the left, then the
 * workings the table and the charts read (level numbers, shares, counts), each block headed by
 * the area's name and separated from the next by an empty column. The builder places cells by
 * these names, never by bare numbers, so a column added to one block moves the others with it.
 */

export type CountKind = 'applicable' | 'met' | 'couldBeMet';

const COUNT_KINDS: readonly CountKind[] = ['applicable', 'met', 'couldBeMet'];

export interface SummaryColumns {
  /**
   * The officer's table: area, level reached, provisional, completeness, share met per level, and
   * the share of met criteria with their evidence and difference made recorded.
   */
  readonly table: {
    readonly area: number;
    readonly levelName: number;
    readonly provisional: number;
    readonly completeness: number;
    /** Share met at the level of this index (0 for the first level). */
    share(levelIndex: number): number;
    readonly evidence: number;
    readonly width: number;
  };
  /** Level numbers: the area's name, the level reached and the best possible level. */
  readonly levels: {
    readonly first: number;
    readonly levelNo: number;
    readonly bestNo: number;
    readonly width: number;
  };
  /** Shares met per level (the share chart's source): the area's name, then one per level. */
  readonly shares: { readonly first: number; level(levelIndex: number): number; readonly width: number };
  /**
   * Counts: per level applicable, met and could be met; then answered and applicable overall; then
   * met overall and, of those, with evidence and difference made recorded.
   */
  readonly counts: {
    readonly first: number;
    count(levelIndex: number, kind: CountKind): number;
    readonly answered: number;
    readonly applicableAll: number;
    readonly metAll: number;
    readonly evidenced: number;
    readonly width: number;
  };
  /** The last column with anything in it. */
  readonly last: number;
}

/** One empty column between the blocks, so each reads as its own table. */
const GAP = 1;

export function summaryColumns(levelCount: number): SummaryColumns {
  const tableWidth = 5 + levelCount;
  const levelsFirst = 1 + tableWidth + GAP;
  const levelsWidth = 3;
  const sharesFirst = levelsFirst + levelsWidth + GAP;
  const sharesWidth = 1 + levelCount;
  const countsFirst = sharesFirst + sharesWidth + GAP;
  const countsWidth = 1 + COUNT_KINDS.length * levelCount + 4;
  const answered = countsFirst + 1 + COUNT_KINDS.length * levelCount;
  return {
    table: {
      area: 1,
      levelName: 2,
      provisional: 3,
      completeness: 4,
      share: (levelIndex) => 5 + levelIndex,
      evidence: 5 + levelCount,
      width: tableWidth,
    },
    levels: { first: levelsFirst, levelNo: levelsFirst + 1, bestNo: levelsFirst + 2, width: levelsWidth },
    shares: { first: sharesFirst, level: (levelIndex) => sharesFirst + 1 + levelIndex, width: sharesWidth },
    counts: {
      first: countsFirst,
      count: (levelIndex, kind) =>
        countsFirst + 1 + levelIndex * COUNT_KINDS.length + COUNT_KINDS.indexOf(kind),
      answered,
      applicableAll: answered + 1,
      metAll: answered + 2,
      evidenced: answered + 3,
      width: countsWidth,
    },
    last: answered + 3,
  };
}

/**
 * Response rows for engine tests. Cells follow a fixed layout on a sheet named after the area's
 * short name: id in A, rating F, evidence G, difference H, owner I, review date J, notes K, with
 * the first criterion of each area on row 5.
 */
import type { Criterion, Framework } from '../../src/domain/framework/types';
import type { CellValue, ResponseField, ResponseRow } from '../../src/domain/responses';

export const COLUMNS: Record<ResponseField | 'id', string> = {
  id: 'A',
  rating: 'F',
  evidence: 'G',
  difference: 'H',
  owner: 'I',
  reviewDate: 'J',
  notes: 'K',
};

export const FIRST_ROW = 5;

type Fields = Partial<Omit<ResponseRow, 'criterionId'>>;

/** A row with every field empty (null) unless given. */
export function responseRow(criterionId: string, fields: Fields = {}): ResponseRow {
  return {
    criterionId,
    rating: null,
    evidence: null,
    difference: null,
    owner: null,
    reviewDate: null,
    notes: null,
    ...fields,
  };
}

/** The A1 references of a row on `sheet`, quoted as Excel writes them. */
export function cellsOf(sheet: string, rowNumber: number): NonNullable<ResponseRow['cells']> {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const entries = Object.entries(COLUMNS).map(([field, column]) => [
    field,
    `${quoted}!${column}${rowNumber}`,
  ]);
  return Object.fromEntries(entries) as NonNullable<ResponseRow['cells']>;
}

export interface ResponsesOptions {
  /** Give every row cells as on a workbook sheet (default true). */
  readonly withCells?: boolean;
  /** Fields for every row (before per-criterion fields), such as evidence. */
  readonly common?: Fields;
  /** Fields per criterion id. */
  readonly fields?: Readonly<Record<string, Fields>>;
}

/**
 * One row per criterion of the framework, in framework order, with the rating from `ratings`
 * (by id, or a function of the criterion); criteria not listed are left blank.
 */
export function responsesFor(
  framework: Framework,
  ratings: Readonly<Record<string, CellValue>> | ((criterion: Criterion) => CellValue) = {},
  options: ResponsesOptions = {},
): ResponseRow[] {
  const nextRow = new Map<number, number>();
  return framework.criteria.map((criterion) => {
    const rowNumber = nextRow.get(criterion.area) ?? FIRST_ROW;
    nextRow.set(criterion.area, rowNumber + 1);
    const rating = typeof ratings === 'function' ? ratings(criterion) : ratings[criterion.id];
    const sheet = framework.areas.find((a) => a.number === criterion.area)?.shortName ?? 'Sheet';
    return responseRow(criterion.id, {
      // As read from its area's sheet: with the id, what names the criterion.
      area: criterion.area,
      ...options.common,
      rating: rating ?? null,
      ...options.fields?.[criterion.id],
      ...(options.withCells === false ? {} : { cells: cellsOf(sheet, rowNumber) }),
    });
  });
}

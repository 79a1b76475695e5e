/**
 * What combining a colleague's copy writes, decided without Excel: for each criterion the officer
 * chose to change, the cells of this workbook to write (at the places its responses were read
 * from), what each held when the copies were compared (so that a cell a co-author has changed
 * since is noticed, not overwritten), and one Archived responses row per criterion whose values
 * of ours were replaced, saying from which file and when.
 */
import {
  combineChoice,
  firstRowPerCriterion,
  formatDate,
  type CalendarDate,
  type CellValue,
  type CombineChoice,
  type CombinedCriterion,
  type CombinedField,
  type CriterionSlot,
  type Framework,
  type ResponseRow,
  RESPONSE_FIELDS,
} from '../domain';
import { parseCell, splitCellReference } from './address';
import { planCellOf } from './filledPlan';
import type { PlanCell } from './plan';
import { ARCHIVE_COLUMNS, archiveColumn } from './sheets/archive';

export interface CellWrite {
  readonly sheet: string;
  readonly address: string;
  /** What the cell holds now: it must still hold it when the write is made. */
  readonly held: CellValue;
  readonly value: PlanCell;
}

export interface CombineWrite {
  readonly writes: readonly CellWrite[];
  /** Rows for the Archived responses sheet, each as wide as its columns. */
  readonly archiveRows: readonly (readonly PlanCell[])[];
  /** Criteria changed, and criteria a choice left as they were (ours, or nothing to take). */
  readonly changed: number;
  readonly unchanged: number;
  /** Criteria of ours with no row in this workbook to write to, named for the officer. */
  readonly problems: readonly string[];
}

/** Excel's limit on the characters of one cell. */
const EXCEL_CELL_CHARACTERS = 32767;

const FIELD_NAMES: Readonly<Record<CombinedField, string>> = {
  rating: 'rating',
  evidence: 'evidence',
  difference: 'difference made',
  owner: 'owner',
  reviewDate: 'review date',
  notes: 'notes',
  text: 'criterion wording',
};

export function planCombine(
  framework: Framework,
  ours: readonly ResponseRow[],
  criteria: readonly CombinedCriterion[],
  choices: ReadonlyMap<CriterionSlot, CombineChoice>,
  source: string,
  today: CalendarDate,
  /** How the values were decided, for the archive's reason; the choice's words by default. */
  how?: string,
): CombineWrite {
  const rows = firstRowPerCriterion(framework, ours);
  const writes: CellWrite[] = [];
  const archiveRows: PlanCell[][] = [];
  const problems: string[] = [];
  let changed = 0;
  for (const item of criteria) {
    const choice = choices.get(item.slot) ?? 'ours';
    const { values, replaced } = combineChoice(item, choice, source);
    const fields = (Object.keys(values) as CombinedField[]).filter((f) => values[f] !== item.ours[f]);
    if (fields.length === 0) continue;
    const row = rows.get(item.slot);
    const cellOf = (f: CombinedField) => row?.cells?.[f];
    if (!row || fields.some((f) => cellOf(f) === undefined)) {
      problems.push(
        `Criterion ${item.criterion.id} (area ${item.criterion.area}) has no row in this workbook to write to: regenerate it from Maintain, then combine again.`,
      );
      continue;
    }
    const tooLong = fields.filter((f) => {
      const v = values[f];
      return typeof v === 'string' && v.length > EXCEL_CELL_CHARACTERS;
    });
    if (tooLong.length > 0) {
      problems.push(
        `Criterion ${item.criterion.id} (area ${item.criterion.area}): the combined ${tooLong.map((f) => FIELD_NAMES[f]).join(' and ')} would be more than the ${EXCEL_CELL_CHARACTERS.toLocaleString('en-GB')} characters Excel holds in a cell. Keep ours or take theirs for it, or combine fewer copies at once.`,
      );
      continue;
    }
    changed += 1;
    for (const f of fields) {
      const { sheet, address } = splitCellReference(cellOf(f) as string);
      // The text cell held the source's fragment or nothing when ours is blank: what it held is the row's.
      writes.push({
        sheet,
        address,
        held: f === 'text' ? (row.text ?? '') : (row[f] ?? ''),
        value: planCellOf(values[f]),
      });
    }
    if (Object.keys(replaced).length > 0) {
      archiveRows.push(
        archiveRow(
          framework,
          item,
          row,
          replaced,
          `Replaced on ${formatDate(today)} when combining with ${source} (${how ?? (choice === 'both' ? 'both kept' : 'took theirs')}).`,
        ),
      );
    }
  }
  return { writes, archiveRows, changed, unchanged: criteria.length - changed - problems.length, problems };
}

function archiveRow(
  framework: Framework,
  item: CombinedCriterion,
  row: ResponseRow,
  replaced: Partial<Record<CombinedField, CellValue>>,
  reason: string,
): PlanCell[] {
  const out: PlanCell[] = ARCHIVE_COLUMNS.map(() => null);
  const put = (key: Parameters<typeof archiveColumn>[0], value: PlanCell) => {
    out[archiveColumn(key) - 1] = value;
  };
  const at = row.cells?.rating ? splitCellReference(row.cells.rating) : undefined;
  put('framework', framework.id);
  put('version', framework.version);
  put('criterionId', item.criterion.id);
  put('sheet', at?.sheet ?? '');
  put('row', at ? parseCell(at.address).row : null);
  put('text', replaced.text !== undefined ? planCellOf(replaced.text) : item.criterion.text);
  put('reason', reason);
  for (const f of RESPONSE_FIELDS) {
    if (replaced[f] !== undefined) put(f, planCellOf(replaced[f]));
  }
  return out;
}

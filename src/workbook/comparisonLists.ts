/**
 * The lists on the Period comparison sheet, as rows of cells, from the engine's comparison of two
 * periods: ratings up, down and otherwise changed, newly met, no longer met, evidence added, and
 * (when the frameworks differ) what could not be compared. Values, not formulas: a line above them
 * says when the add-in made them and of which snapshots, so they are never mistaken for live.
 */
import {
  describeCellValue,
  formatDate,
  type CalendarDate,
  type ComparedCriterion,
  type CriterionStatus,
  type PeriodComparison,
  type RatingReading,
} from '../domain';
import type { PlanCell } from './plan';
import { PRINTED } from './sheets/comparisonLayout';
import type { ComparisonLists } from './sheets/periodComparison';

const STATUS_WORDS: Readonly<Record<CriterionStatus, string>> = {
  met: 'Met',
  'not-met': 'Not met',
  na: 'N/A',
  unanswered: 'Unanswered',
};

const FIELD_WORDS = { evidence: 'evidence', difference: 'difference made' } as const;

/** A rating as the lists show it: the scale value, the N/A label, or what stands in the cell. */
export function ratingShown(reading: RatingReading, naLabel: string): PlanCell {
  switch (reading.kind) {
    case 'rated':
      return reading.value;
    case 'na':
      return naLabel;
    case 'blank':
      return 'Not answered';
    case 'invalid':
      return `Not recognised (${describeCellValue(reading.raw)})`;
  }
}

/** "Leadership 2.4", or "Leadership 2.4 (was 2.5)" when a mapping gave it another id. */
function criterionName(c: ComparedCriterion, areaNames: ReadonlyMap<number, string>): string {
  const area = areaNames.get(c.area) ?? `Area ${c.area}`;
  return c.thenId === c.criterionId
    ? `${area} ${c.criterionId}`
    : `${area} ${c.criterionId} (was ${c.thenId})`;
}

class ListRows {
  readonly rows: PlanCell[][] = [];
  readonly titles: number[] = [];
  readonly headings: number[] = [];

  line(...cells: PlanCell[]): void {
    const row = [...cells, ...Array<PlanCell>(PRINTED.width).fill(null)].slice(0, PRINTED.width);
    this.rows.push(row);
  }

  title(text: string): void {
    this.titles.push(this.rows.length);
    this.line(text);
  }

  heading(...cells: PlanCell[]): void {
    this.headings.push(this.rows.length);
    this.line(...cells);
  }
}

export interface ListsInput {
  readonly comparison: PeriodComparison;
  /** Area numbers to the names the lists use (the workbook's short names). */
  readonly areaNames: ReadonlyMap<number, string>;
  readonly naLabel: string;
  readonly madeOn: CalendarDate;
}

export function comparisonLists({ comparison: c, areaNames, naLabel, madeOn }: ListsInput): ComparisonLists {
  const out = new ListRows();
  out.line(
    `Lists made by the add-in on ${formatDate(madeOn)}, comparing "${c.then.label}" (earlier) with "${c.now.label}" (later). They do not follow the labels above: choose Compare periods in the add-in again to remake them.`,
  );
  if (c.mapping) {
    out.line(
      `The two were assessed with different frameworks (${c.mapping.from.id} version ${c.mapping.from.version} and ${c.mapping.to.id} version ${c.mapping.to.version}); criteria are matched through the mapping between them.`,
    );
  }
  const name = (x: ComparedCriterion) => criterionName(x, areaNames);
  const ratings = (title: string, list: PeriodComparison['ratingsUp']) => {
    out.title(`${title} (${list.length})`);
    out.heading('Criterion', 'Earlier rating', 'Later rating', null, 'Criterion text');
    for (const x of list)
      out.line(name(x), ratingShown(x.then, naLabel), ratingShown(x.now, naLabel), null, x.text);
    if (list.length === 0) out.line('None.');
  };
  const statuses = (title: string, list: PeriodComparison['newlyMet']) => {
    out.title(`${title} (${list.length})`);
    out.heading('Criterion', 'Earlier', 'Later', null, 'Criterion text');
    for (const x of list) out.line(name(x), STATUS_WORDS[x.then], STATUS_WORDS[x.now], null, x.text);
    if (list.length === 0) out.line('None.');
  };
  ratings('Ratings that went up', c.ratingsUp);
  ratings('Ratings that went down', c.ratingsDown);
  ratings('Other changes of rating (answered, cleared, marked N/A or not recognised)', c.otherRatingChanges);
  statuses('Newly met', c.newlyMet);
  statuses('No longer met', c.noLongerMet);
  out.title(`Evidence added (${c.evidenceAdded.length})`);
  out.heading('Criterion', 'Recorded now, not before', null, null, 'Criterion text');
  for (const x of c.evidenceAdded) {
    out.line(name(x), x.fields.map((f) => FIELD_WORDS[f]).join(' and '), null, null, x.text);
  }
  if (c.evidenceAdded.length === 0) out.line('None.');
  if (c.notCompared.length > 0) {
    out.title(`Not compared: no counterpart in the other framework (${c.notCompared.length})`);
    out.heading('Criterion', 'In', null, null, 'Why');
    for (const x of c.notCompared) {
      const area = areaNames.get(x.area) ?? `Area ${x.area}`;
      out.line(
        `${area} ${x.criterionId}`,
        x.side === 'then' ? c.then.label : c.now.label,
        null,
        null,
        x.reason,
      );
    }
  }
  return { rows: out.rows, titles: out.titles, headings: out.headings };
}

/** What the pane says after writing the sheet: the counts of each list and the organisation's change. */
export function comparisonSummary(c: PeriodComparison): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const levels = (() => {
    const { then, now, change } = c.overall;
    if (change === null) return 'The organisation has no level on one side, so its change is not shown.';
    if (change === 0)
      return `The organisation's level is the same (${now.levelName ?? 'not yet the first level'}).`;
    const from = then.levelName ?? 'not yet the first level';
    const to = now.levelName ?? 'not yet the first level';
    return `The organisation's level went ${change > 0 ? 'up' : 'down'} from ${from} to ${to}.`;
  })();
  return [
    `Compared "${c.then.label}" with "${c.now.label}" on the Period comparison sheet.`,
    levels,
    `${count(c.ratingsUp.length, 'rating', 'ratings')} up, ${c.ratingsDown.length} down, ${c.otherRatingChanges.length} changed otherwise;`,
    `${count(c.newlyMet.length, 'criterion', 'criteria')} newly met, ${c.noLongerMet.length} no longer met;`,
    `evidence added for ${count(c.evidenceAdded.length, 'criterion', 'criteria')}.`,
  ].join(' ');
}

/**
 * The rows under the Group comparison's chart: for each level, the criteria that most often hold
 * an organisation of the group back from it (blocking.ts), labelled as worked out by the add-in on
 * a day, as values: unlike the tables above, they do not follow later edits.
 */
import { formatDate, type CalendarDate, type Framework } from '../../domain';
import type { PlanCell } from '../plan';
import { BLOCKERS_SHOWN, type LevelBlockers } from './blocking';
import type { GroupMember } from './groupInput';

export interface GroupLists {
  /** Every row `width` cells wide. */
  readonly rows: readonly (readonly PlanCell[])[];
  readonly titles: readonly number[];
  readonly headings: readonly number[];
  readonly width: number;
}

const HEADINGS = ['Level', 'Area', 'ID', 'Criterion', 'Organisations held back', 'Not met', 'Not answered'];

export function groupListRows(input: {
  readonly framework: Framework;
  readonly members: readonly GroupMember[];
  readonly blockers: readonly LevelBlockers[];
  readonly today: CalendarDate;
}): GroupLists {
  const { framework, members, blockers, today } = input;
  const width = HEADINGS.length;
  const line = (...cells: PlanCell[]): PlanCell[] => [
    ...cells,
    ...Array<PlanCell>(width - cells.length).fill(null),
  ];
  const rows: PlanCell[][] = [line('Criteria most often holding organisations back from each level')];
  const titles = [0];
  const headings: number[] = [];
  rows.push(
    line(
      `Worked out by the add-in on ${formatDate(today)} from the ${members.length} files, as the engine reads each assessment (the criteria not met or not answered at a level the area has not reached, up to its next level). These are values, not formulas: compare the group again to bring them up to date. Up to ${BLOCKERS_SHOWN} a level, most organisations first.`,
    ),
  );
  const areaNames = new Map(framework.areas.map((a) => [a.number, a.shortName]));
  const texts = new Map(framework.criteria.map((c) => [`${c.area}#${c.id}`, c.text]));
  for (const level of blockers) {
    rows.push(line());
    headings.push(rows.length);
    rows.push([...HEADINGS]);
    if (level.criteria.length === 0) {
      rows.push(
        line(level.levelName, null, null, 'No criterion holds any organisation back from this level.'),
      );
      continue;
    }
    for (const c of level.criteria) {
      rows.push([
        level.levelName,
        areaNames.get(c.area) ?? String(c.area),
        c.criterionId,
        texts.get(`${c.area}#${c.criterionId}`) ?? '',
        c.organisations,
        c.notMet,
        c.unanswered,
      ]);
    }
    if (level.total > level.criteria.length) {
      rows.push(
        line(
          level.levelName,
          null,
          null,
          `${level.total - level.criteria.length} more criteria hold at least one organisation back from ${level.levelName}.`,
        ),
      );
    }
  }
  return { rows, titles, headings, width };
}

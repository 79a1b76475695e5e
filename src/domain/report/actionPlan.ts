/**
 * The action plan kept in step with the ratings: the engine's action list, merged with what the
 * officer typed on the Action plan sheet, keyed by area and criterion id (an id may be used in two
 * areas of a framework). Rules, so nothing typed is lost:
 *
 * - an open action keeps the owner, target date and notes typed against its id; a blank owner or
 *   date is filled from the area sheet's Owner and Review date;
 * - a criterion that is no longer an action (now met or not applicable) keeps its row, marked
 *   done, when anything was typed in it; an untouched one is dropped;
 * - a typed row whose id is not a criterion of the framework (the officer's own action) is kept,
 *   after the criteria, in the order typed;
 * - several typed rows with the same id are merged: the first non-blank owner and date, and every
 *   distinct note joined with " | ".
 */
import type { ActionItem } from '../actions';
import type { Criterion, Framework, TextStatus } from '../framework/types';
import { criterionSlot, slotOf } from '../framework/identity';
import { isBlankCell } from '../rating';
import type { CellValue } from '../responses';
import { compareCriterionIds } from '../scoring';

/** What the officer can type on a row of the Action plan sheet, as read back. */
export interface TypedAction {
  readonly criterionId: string;
  /**
   * The Area column as read (a short name). With the id it names the criterion: a framework may
   * use an id in two areas (identity.ts). A row whose area names none of the framework's is
   * matched by id alone, when the id is the framework's only one.
   */
  readonly area?: CellValue;
  readonly owner: CellValue;
  readonly targetDate: CellValue;
  readonly notes: CellValue;
}

export type ActionState = 'blocking' | 'open' | 'done' | 'unknown';

export interface ActionPlanEntry {
  readonly criterionId: string;
  readonly area: number | null;
  readonly areaShortName: string;
  readonly level: number | null;
  readonly levelName: string;
  readonly text: string;
  readonly textStatus: TextStatus | null;
  readonly state: ActionState;
  /** The rating as the area sheet holds it ("" when not answered). */
  readonly rating: CellValue;
  readonly owner: CellValue;
  readonly targetDate: CellValue;
  readonly notes: CellValue;
}

/** What the Status column says for each state. */
export function stateText(entry: Pick<ActionPlanEntry, 'state' | 'levelName'>): string {
  switch (entry.state) {
    case 'blocking':
      return `Blocks ${entry.levelName}`;
    case 'open':
      return 'Open';
    case 'done':
      return 'Done: now met or not applicable';
    case 'unknown':
      return 'Your own action (not a criterion)';
  }
}

function typedSomething(t: TypedAction): boolean {
  return !isBlankCell(t.owner) || !isBlankCell(t.targetDate) || !isBlankCell(t.notes);
}

function mergeTyped(rows: readonly TypedAction[]): TypedAction {
  const first = (pick: (t: TypedAction) => CellValue): CellValue =>
    rows.map(pick).find((v) => !isBlankCell(v)) ?? '';
  const noteValues = rows.map((t) => t.notes).filter((v) => !isBlankCell(v));
  const distinct = [...new Set(noteValues.map(String))];
  return {
    criterionId: rows[0]?.criterionId ?? '',
    owner: first((t) => t.owner),
    targetDate: first((t) => t.targetDate),
    notes: distinct.length <= 1 ? (noteValues[0] ?? '') : distinct.join(' | '),
  };
}

export function mergeActionPlan(
  framework: Framework,
  items: readonly ActionItem[],
  typed: readonly TypedAction[],
): ActionPlanEntry[] {
  const criterionOf = typedCriterion(framework);
  const groups = new Map<string, TypedAction[]>();
  for (const t of typed) {
    const id = t.criterionId.trim();
    if (id === '') continue;
    const criterion = criterionOf({ ...t, criterionId: id });
    // The officer's own rows are grouped by what they typed as the id.
    const key = criterion ? slotOf(criterion) : `own:${id}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...t, criterionId: id }]);
  }
  const typedByKey = new Map([...groups].map(([key, rows]) => [key, mergeTyped(rows)]));

  const open = items.map((item): ActionPlanEntry => {
    const mine = typedByKey.get(criterionSlot(item.area, item.criterionId));
    return {
      criterionId: item.criterionId,
      area: item.area,
      areaShortName: item.areaShortName,
      level: item.level,
      levelName: item.levelName,
      text: item.text,
      textStatus: item.textStatus,
      state: item.blocksNextLevel ? 'blocking' : 'open',
      rating: item.ratingRaw ?? '',
      owner: mine && !isBlankCell(mine.owner) ? mine.owner : (item.owner ?? ''),
      targetDate: mine && !isBlankCell(mine.targetDate) ? mine.targetDate : (item.reviewDate ?? ''),
      notes: mine?.notes ?? '',
    };
  });

  const openKeys = new Set<string>(items.map((i) => criterionSlot(i.area, i.criterionId)));
  const levelNames = new Map(framework.levels.map((l) => [l.number, l.name]));
  const areaNames = new Map(framework.areas.map((a) => [a.number, a.shortName]));
  const isCriterion = (t: TypedAction) => criterionOf(t) !== undefined;
  const leftOver = [...typedByKey]
    .filter(([key, t]) => !openKeys.has(key) && typedSomething(t))
    .map(([, t]) => t);
  // Criteria now done in id order, then the officer's own rows in the order they typed them.
  const kept = [
    ...leftOver.filter(isCriterion).sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId)),
    ...leftOver.filter((t) => !isCriterion(t)),
  ].map((t): ActionPlanEntry => {
    const criterion = criterionOf(t);
    return {
      criterionId: t.criterionId,
      area: criterion?.area ?? null,
      areaShortName: criterion ? (areaNames.get(criterion.area) ?? '') : '',
      level: criterion?.level ?? null,
      levelName: criterion ? (levelNames.get(criterion.level) ?? '') : '',
      text: criterion?.text ?? '',
      textStatus: criterion?.textStatus ?? null,
      state: criterion ? 'done' : 'unknown',
      rating: '',
      owner: t.owner,
      targetDate: t.targetDate,
      notes: t.notes,
    };
  });
  return [...open, ...kept];
}

/**
 * The criterion a typed row names: by its Area column and id when the area is one of the
 * framework's; by id alone when the area is not recognised and the id is used once.
 */
function typedCriterion(framework: Framework): (t: TypedAction) => Criterion | undefined {
  const areaByName = new Map(framework.areas.map((a) => [a.shortName.toLocaleLowerCase(), a.number]));
  return (t) => {
    const area = areaByName.get(
      String(t.area ?? '')
        .trim()
        .toLocaleLowerCase(),
    );
    if (area !== undefined) return framework.criteria.find((c) => c.area === area && c.id === t.criterionId);
    const same = framework.criteria.filter((c) => c.id === t.criterionId);
    return same.length === 1 ? same[0] : undefined;
  };
}

/** The board's top actions: those blocking a next level first, then the rest, in plan order. */
export function topActions(entries: readonly ActionPlanEntry[], count: number): ActionPlanEntry[] {
  const blocking = entries.filter((e) => e.state === 'blocking');
  const open = entries.filter((e) => e.state === 'open');
  return [...blocking, ...open].slice(0, count);
}

/**
 * The carry-over plan: from what was kept of an assessment (carryOverBackup.ts) and the framework
 * to rebuild it with, where every response, own wording and own cell goes. Nothing is dropped:
 * what has no place in the new layout goes to the archive sheet with the framework, version and
 * criterion it belonged to, and rows already archived are carried unchanged.
 *
 * - Same framework id and version: responses stay with the same criterion id.
 * - Another version: only through a mapping (src/domain/framework/mapping.ts); criterion ids alone
 *   do not identify criteria across versions, so nothing is guessed.
 *
 * Pure: the same input gives the same plan, so regenerating twice gives what regenerating once did.
 */
import {
  criterionSlot,
  slotOf,
  type CriterionSlot,
  type Mapping,
  type Framework,
  RESPONSE_FIELDS,
  refuse,
  type Refusal,
} from '../domain';
import { cell, parseCell, type A1 } from './address';
import { buildPlan, type BuiltPlan } from './buildPlan';
import type { KeptAssessment, KeptCell } from './carryOverBackup';
import { placedColumn } from './carryOverColumns';
import {
  decideRow,
  describeFramework as describe,
  readRows,
  type ArchiveEntry,
  type ArchivedItem,
  type CarriedResponse,
  type FrameworkRef,
  type MovedCell,
  type RowDecision,
  type TargetPlace,
} from './carryOverRows';
import { AREA_FIRST_DATA_ROW, areaColumn, areaLayout, type AreaLayout } from './layout';
import type { SheetPlan, WorkbookPlan } from './plan';
import { withPlacedCells, type PlacedCell } from './placedCells';
import type { PlanSettings } from './settings';
import { areaCriteria, areaLayoutOf } from './sheets/area';
import { ARCHIVE_COLUMNS, ARCHIVE_FIRST_ROW, archiveColumn, buildArchiveSheet } from './sheets/archive';
import { startLayoutOf } from './sheets/start';
import { sameSheet } from './sheetNames';

export type { ArchivedItem, CarriedResponse, FrameworkRef, MovedCell } from './carryOverRows';
export { FIRST_OWN_COLUMN } from './carryOverRows';

/** What the task pane shows before anything changes. */
export interface CarryOverPreview {
  readonly kind: 'regenerate' | 'upgrade';
  readonly from: FrameworkRef;
  readonly to: FrameworkRef;
  /** Responses (with anything in them) and where they go. */
  readonly carried: readonly CarriedResponse[];
  /** Criteria of the new layout that receive nothing: to be answered. */
  readonly unanswered: readonly { readonly id: string; readonly sheet: string; readonly row: number }[];
  /** What goes to the archive sheet this time. */
  readonly archived: readonly ArchivedItem[];
  /** Rows of the archive sheet carried unchanged from earlier regenerations. */
  readonly keptArchiveRows: number;
  /** The officer's own cells (columns to the right, cells below the table) and where they go. */
  readonly ownCells: readonly MovedCell[];
  /** Settings the new workbook is built with. */
  readonly settings: PlanSettings;
  /**
   * What regeneration does not carry, said before anything changes: the add-in's sheets are
   * rebuilt, so what Excel keeps only on them (formatting, comments and notes on cells, formulas
   * elsewhere that point into them) does not survive, and the API cannot read comments below
   * ExcelApi 1.10 to move them.
   */
  readonly notCarried: readonly string[];
}

/** The same for every regeneration: the limits of rebuilding sheets, in the officer's words. */
export const NOT_CARRIED: readonly string[] = [
  'Formatting you added to cells on the Start, area and Summary sheets (colours, fonts, borders) is not kept; the layout comes from the add-in.',
  'Comments and notes attached to cells on those sheets are not kept. Copy any you need into the Notes column or your own sheet first.',
  'Formulas on your own sheets that refer to cells on those sheets will show #REF! afterwards; point them at the Summary again.',
  'On the Start sheet only the organisation, period and settings are kept, and nothing typed on the Summary sheet is kept: move anything else you added there to your own sheet first.',
];

export type CarryOverResult =
  | {
      readonly status: 'planned';
      readonly preview: CarryOverPreview;
      readonly plan: WorkbookPlan;
      readonly built: BuiltPlan;
    }
  | Refusal<'framework-mismatch' | 'needs-mapping'>;

export interface CarryOverInput {
  readonly kept: KeptAssessment;
  /** The framework the workbook was written with; must match `kept.framework`. */
  readonly source: Framework;
  readonly target: Framework;
  /** Required when the target is another framework or version. */
  readonly mapping?: Mapping;
  /** Settings to change; the rest carry over from the Start sheet. */
  readonly settings?: Partial<PlanSettings>;
}

/**
 * Which kept cells of an area sheet regeneration needs (the reader uses this to keep only those),
 * on a sheet of `layout`. The reader then records them in the base layout's columns
 * (carryOverColumns.ts), which is what the rest of this file works in.
 */
export function isKeptAreaCell(
  row: number,
  column: number,
  lastTableRow: number,
  layout: AreaLayout = areaLayout(false),
): boolean {
  if (row > lastTableRow) return true;
  if (column >= layout.firstOwnColumn) return true;
  if (row < AREA_FIRST_DATA_ROW) return false;
  const key = layout.keyAt(column);
  return key === 'id' || key === 'text' || layout.columns[column - 1]?.input === true;
}

type SettingKey = 'organisation' | 'period' | 'metThreshold' | 'requiredShare';
const SETTING_KEYS: readonly SettingKey[] = ['organisation', 'period', 'metThreshold', 'requiredShare'];

export function planCarryOver(input: CarryOverInput): CarryOverResult {
  const { kept, source, target, mapping } = input;
  const refusal = refusalOf(kept, source, target, mapping);
  if (refusal) return refusal;
  const same = source.id === target.id && source.version === target.version;
  const settings = carriedSettings(kept, source, target, input.settings ?? {});
  const built = buildPlan(target, settings.values);
  const targetPlace = targetPlaces(target);

  // Decide every row, in sheet and row order (the archive keeps that order), then write.
  const decisions: RowDecision[] = [];
  for (const sheet of kept.sheets.filter((s) => s.role === 'area')) {
    const toSheet = targetSheetOf(target, sheet.name);
    const context = {
      same,
      target,
      targetPlace,
      ...(mapping ? { mapping } : {}),
      ...(toSheet ? { toSheet } : {}),
    };
    const from = areaLayout(sheet.guidance === true);
    const to = toSheet ? areaLayoutOf(target, targetAreaOf(target, toSheet.name)) : from;
    for (const row of readRows(sheet, areaCriteria(source, sheet.area))) {
      const decision = decideRow(row, context);
      // The preview names the officer's own cells where they really are, not in base columns.
      const real = (address: A1, layout: AreaLayout, last: number): A1 => {
        const at = parseCell(address);
        return cell(at.row, placedColumn(at.row, at.column, layout, last));
      };
      const ownMoves = decision.ownMoves.map((m) => ({
        ...m,
        from: real(m.from, from, sheet.lastTableRow),
        to: real(m.to, to, toSheet?.lastTableRow ?? 0),
      }));
      decisions.push({ ...decision, ownMoves });
    }
  }

  const archiveSheet = kept.sheets.find((s) => s.role === 'archive');
  const archive = archiveWriter(archiveSheet?.cells ?? [], source);
  const placed = new Map<string, PlacedCell[]>();
  for (const decision of decisions) {
    for (const p of decision.place) {
      const list = placed.get(p.sheet) ?? [];
      list.push({ row: p.row, column: p.column, content: p.content });
      placed.set(p.sheet, list);
    }
    decision.archive.forEach(archive.add);
  }
  const carried = decisions.flatMap((d) => (d.carried ? [d.carried] : []));
  const answered = new Set(carried.map((c) => criterionSlot(c.toArea, c.toId)));
  const unanswered = [...targetPlace.values()]
    .filter((p) => !answered.has(slotOf(p.criterion)))
    .map((p) => ({ id: p.criterion.id, sheet: p.sheet, row: p.row }));

  const sheets: SheetPlan[] = built.plan.sheets.map((s) => {
    if (s.role === 'start') return withPlacedCells(s, settings.overrides);
    const kept = placed.get(s.name);
    if (!kept) return s;
    // Decided in the base layout's columns; written in the columns this sheet has.
    const layout = areaLayoutOf(target, s.area ?? 0);
    const last = lastRowOf(target, s);
    const cells = kept.map((c) => ({ ...c, column: placedColumn(c.row, c.column, layout, last) }));
    const reviewDate = layout.column('reviewDate');
    return withPlacedCells(s, cells, {
      unlock: true,
      defaultFormat: (row, column) =>
        column === reviewDate && row >= AREA_FIRST_DATA_ROW && row <= last ? 'dd/mm/yyyy' : 'General',
    });
  });
  if (archiveSheet || archive.cells.length > 0) {
    const metaIndex = sheets.findIndex((s) => s.role === 'meta');
    sheets.splice(metaIndex < 0 ? sheets.length : metaIndex, 0, buildArchiveSheet(archive.cells));
  }

  return {
    status: 'planned',
    built,
    plan: { ...built.plan, sheets },
    preview: {
      kind: same ? 'regenerate' : 'upgrade',
      from: refOf(source),
      to: refOf(target),
      carried,
      unanswered,
      archived: archive.items,
      keptArchiveRows: archive.keptRows,
      ownCells: decisions.flatMap((d) => d.ownMoves),
      settings: settings.values,
      notCarried: NOT_CARRIED,
    },
  };
}

/** Why the kept assessment cannot be carried to the target, if it cannot. */
function refusalOf(
  kept: KeptAssessment,
  source: Framework,
  target: Framework,
  mapping: Mapping | undefined,
): Refusal<'framework-mismatch' | 'needs-mapping'> | undefined {
  if (kept.framework.id !== source.id || kept.framework.version !== source.version) {
    return refuse(
      'framework-mismatch',
      `The workbook was written with ${describe(kept.framework)}, not ${describe(source)}.`,
    );
  }
  const same = source.id === target.id && source.version === target.version;
  if (!same && !mappingFits(mapping, source, target)) {
    return refuse(
      'needs-mapping',
      `The workbook was written with ${describe(source)}; moving it to ${describe(target)} needs a mapping file that says which criteria correspond. ` +
        'Without one, answers given against one wording could land on another, so nothing was changed.',
    );
  }
  return undefined;
}

/** The area of the new layout whose sheet is `sheet`. */
function targetAreaOf(target: Framework, sheet: string): number {
  return target.areas.find((a) => sameSheet(a.shortName, sheet))?.number ?? 0;
}

/** Where each criterion of the new layout lives, by area and id (ids repeat across areas). */
function targetPlaces(target: Framework): Map<CriterionSlot, TargetPlace> {
  const places = new Map<CriterionSlot, TargetPlace>();
  for (const area of target.areas) {
    areaCriteria(target, area.number).forEach((c, i) =>
      places.set(slotOf(c), { criterion: c, sheet: area.shortName, row: AREA_FIRST_DATA_ROW + i }),
    );
  }
  return places;
}

/** The new layout's sheet for a kept area sheet (names compared as Excel does), with its last table row. */
function targetSheetOf(
  target: Framework,
  keptName: string,
): { name: string; lastTableRow: number } | undefined {
  const area = target.areas.find((a) => sameSheet(a.shortName, keptName));
  if (!area) return undefined;
  return {
    name: area.shortName,
    lastTableRow: AREA_FIRST_DATA_ROW + areaCriteria(target, area.number).length - 1,
  };
}

/**
 * The archive sheet's cells: the rows already there, carried unchanged, then one row per entry
 * added, in order, each with the framework, version and criterion it belonged to.
 */
function archiveWriter(existing: readonly KeptCell[], source: FrameworkRef) {
  const cells: PlacedCell[] = existing
    .filter((c) => c.row >= ARCHIVE_FIRST_ROW || c.column > ARCHIVE_COLUMNS.length)
    .map((c) => ({ row: c.row, column: c.column, content: c }));
  const keptRows = new Set(cells.filter((c) => c.row >= ARCHIVE_FIRST_ROW).map((c) => c.row)).size;
  let nextRow = Math.max(ARCHIVE_FIRST_ROW - 1, ...cells.map((c) => c.row)) + 1;
  const items: ArchivedItem[] = [];
  const add = ({ item, text, fields, own }: ArchiveEntry): void => {
    const row = nextRow++;
    items.push({ ...item, archiveRow: row });
    const put = (column: number, content: KeptCell | string | number) => {
      const kc: KeptCell =
        typeof content === 'object'
          ? content
          : { row, column, value: content, isFormula: false, numberFormat: 'General' };
      if (kc.value !== '') cells.push({ row, column, content: kc });
    };
    put(archiveColumn('framework'), source.id);
    put(archiveColumn('version'), source.version);
    put(archiveColumn('criterionId'), item.criterionId);
    put(archiveColumn('sheet'), item.fromSheet);
    put(archiveColumn('row'), parseCell(item.fromAddress).row);
    put(archiveColumn('text'), text);
    put(archiveColumn('reason'), item.reason);
    for (const f of RESPONSE_FIELDS) {
      const kc = fields.get(areaColumn(f));
      if (kc) put(archiveColumn(f), kc);
    }
    if (own.length > 0) {
      put(archiveColumn('ownColumns'), own.map((c) => cell(c.row, c.column)).join(', '));
      own.forEach((c, i) => put(ARCHIVE_COLUMNS.length + 1 + i, c));
    }
  };
  return { cells, items, keptRows, add };
}

function refOf(f: Framework): FrameworkRef {
  return { id: f.id, version: f.version, title: f.title };
}

function mappingFits(mapping: Mapping | undefined, source: Framework, target: Framework): mapping is Mapping {
  return (
    mapping !== undefined &&
    mapping.from.id === source.id &&
    mapping.from.version === source.version &&
    mapping.to.id === target.id &&
    mapping.to.version === target.version
  );
}

function lastRowOf(framework: Framework, sheet: SheetPlan): number {
  return AREA_FIRST_DATA_ROW + areaCriteria(framework, sheet.area ?? 0).length - 1;
}

interface CarriedSettings {
  readonly values: PlanSettings;
  /** Start-sheet cells written exactly as they were (a number typed as the period stays a number). */
  readonly overrides: readonly PlacedCell[];
}

function carriedSettings(
  kept: KeptAssessment,
  source: Framework,
  target: Framework,
  changes: Partial<PlanSettings>,
): CarriedSettings {
  const from = startLayoutOf(source);
  const to = startLayoutOf(target);
  const start = kept.sheets.find((s) => s.role === 'start');
  const keptCell = (key: SettingKey): KeptCell | undefined => {
    const at = parseCell(from[key]);
    return start?.cells.find((c) => c.row === at.row && c.column === at.column);
  };
  const overrides: PlacedCell[] = [];
  const values: Record<SettingKey, string | number> = {
    organisation: '',
    period: '',
    metThreshold: target.levelRule.metThreshold,
    requiredShare: target.levelRule.requiredShare,
  };
  for (const key of SETTING_KEYS) {
    const changed = changes[key];
    if (changed !== undefined) {
      values[key] = changed;
      continue;
    }
    const c = keptCell(key);
    if (!c) continue;
    const numeric = key === 'metThreshold' || key === 'requiredShare';
    if (!c.isFormula && numeric && typeof c.value === 'number') values[key] = c.value;
    else if (!c.isFormula && !numeric && typeof c.value === 'string') values[key] = c.value;
    else {
      // Kept exactly: a formula, or a value of another type (the checks report what is wrong with it).
      const at = parseCell(to[key]);
      overrides.push({ row: at.row, column: at.column, content: c });
    }
  }
  return {
    values: {
      organisation: String(values.organisation),
      period: String(values.period),
      metThreshold: Number(values.metThreshold),
      requiredShare: Number(values.requiredShare),
    },
    overrides,
  };
}

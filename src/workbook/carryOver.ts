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
import { type Mapping, type Criterion, type Framework, RESPONSE_FIELDS } from '../domain';
import { cell, parseCell, type A1 } from './address';
import { buildPlan, type BuiltPlan } from './buildPlan';
import type { KeptAssessment, KeptCell, KeptSheet } from './carryOverBackup';
import { AREA_COLUMNS, AREA_FIRST_DATA_ROW, areaColumn } from './layout';
import type { SheetPlan, WorkbookPlan } from './plan';
import { withPlacedCells, type PlacedCell } from './placedCells';
import type { PlanSettings } from './settings';
import { areaCriteria } from './sheets/area';
import { ARCHIVE_COLUMNS, ARCHIVE_FIRST_ROW, archiveColumn, buildArchiveSheet } from './sheets/archive';
import { startLayoutOf } from './sheets/start';

export interface FrameworkRef {
  readonly id: string;
  readonly version: string;
  readonly title: string;
}

export interface CarriedResponse {
  readonly fromId: string;
  readonly fromSheet: string;
  readonly fromRow: number;
  readonly toId: string;
  readonly toSheet: string;
  readonly toRow: number;
}

export interface ArchivedItem {
  readonly kind: 'response' | 'own-wording' | 'own-cell';
  /** The criterion id, or '' for a cell that belonged to no criterion. */
  readonly criterionId: string;
  readonly fromSheet: string;
  readonly fromAddress: A1;
  readonly reason: string;
  /** Row of the archive sheet it goes to. */
  readonly archiveRow: number;
}

export interface MovedCell {
  readonly sheet: string;
  readonly from: A1;
  readonly to: A1;
}

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
      readonly ok: true;
      readonly preview: CarryOverPreview;
      readonly plan: WorkbookPlan;
      readonly built: BuiltPlan;
    }
  | { readonly ok: false; readonly reason: 'framework-mismatch' | 'needs-mapping'; readonly message: string };

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

/** Columns of an area sheet that regeneration carries: the inputs; the officer's own start after the last. */
const INPUT_COLUMNS = new Set(AREA_COLUMNS.filter((c) => c.input).map((c) => areaColumn(c.key)));
export const FIRST_OWN_COLUMN = AREA_COLUMNS.length + 1;
const ID_COLUMN = areaColumn('id');
const TEXT_COLUMN = areaColumn('text');
const REVIEW_DATE_COLUMN = areaColumn('reviewDate');

/** Which kept cells of an area sheet regeneration needs (the reader uses this to keep only those). */
export function isKeptAreaCell(row: number, column: number, lastTableRow: number): boolean {
  if (row > lastTableRow) return true;
  if (column >= FIRST_OWN_COLUMN) return true;
  if (row < AREA_FIRST_DATA_ROW) return false;
  return column === ID_COLUMN || column === TEXT_COLUMN || INPUT_COLUMNS.has(column);
}

type SettingKey = 'organisation' | 'period' | 'metThreshold' | 'requiredShare';
const SETTING_KEYS: readonly SettingKey[] = ['organisation', 'period', 'metThreshold', 'requiredShare'];

interface RowRead {
  readonly sheet: KeptSheet;
  readonly row: number;
  readonly cells: readonly KeptCell[];
  readonly criterion?: Criterion;
  /** Why a row with content belongs to no criterion. */
  readonly orphan?: string;
}

export function planCarryOver(input: CarryOverInput): CarryOverResult {
  const { kept, source, target, mapping } = input;
  if (kept.framework.id !== source.id || kept.framework.version !== source.version) {
    return {
      ok: false,
      reason: 'framework-mismatch',
      message: `The workbook was written with ${describe(kept.framework)}, not ${describe(source)}.`,
    };
  }
  const same = source.id === target.id && source.version === target.version;
  if (!same && !mappingFits(mapping, source, target)) {
    return {
      ok: false,
      reason: 'needs-mapping',
      message:
        `The workbook was written with ${describe(source)}; moving it to ${describe(target)} needs a mapping file that says which criteria correspond. ` +
        'Without one, answers given against one wording could land on another, so nothing was changed.',
    };
  }

  const settings = carriedSettings(kept, source, target, input.settings ?? {});
  const built = buildPlan(target, settings.values);

  // Where each target criterion lives.
  const targetPlace = new Map<string, { criterion: Criterion; sheet: string; row: number }>();
  for (const area of target.areas) {
    areaCriteria(target, area.number).forEach((c, i) =>
      targetPlace.set(c.id, { criterion: c, sheet: area.shortName, row: AREA_FIRST_DATA_ROW + i }),
    );
  }
  const targetSheetOf = (name: string) =>
    target.areas.find((a) => a.shortName.toLowerCase() === name.toLowerCase())?.shortName;

  const placed = new Map<string, PlacedCell[]>();
  const place = (sheet: string, p: PlacedCell) => {
    const list = placed.get(sheet) ?? [];
    list.push(p);
    placed.set(sheet, list);
  };

  const archiveSheet = kept.sheets.find((s) => s.role === 'archive');
  const archiveCells: PlacedCell[] = (archiveSheet?.cells ?? [])
    .filter((c) => c.row >= ARCHIVE_FIRST_ROW || c.column > ARCHIVE_COLUMNS.length)
    .map((c) => ({ row: c.row, column: c.column, content: c }));
  const keptArchiveRows = new Set(archiveCells.filter((c) => c.row >= ARCHIVE_FIRST_ROW).map((c) => c.row))
    .size;
  let nextArchiveRow = Math.max(ARCHIVE_FIRST_ROW - 1, ...archiveCells.map((c) => c.row)) + 1;
  const archived: ArchivedItem[] = [];
  const archive = (
    item: Omit<ArchivedItem, 'archiveRow'>,
    framework: FrameworkRef,
    text: KeptCell | string,
    fields: ReadonlyMap<number, KeptCell>,
    own: readonly KeptCell[],
  ) => {
    const row = nextArchiveRow++;
    archived.push({ ...item, archiveRow: row });
    const put = (column: number, content: KeptCell | string | number) => {
      const kc: KeptCell =
        typeof content === 'object'
          ? content
          : { row, column, value: content, isFormula: false, numberFormat: 'General' };
      if (kc.value !== '') archiveCells.push({ row, column, content: kc });
    };
    put(archiveColumn('framework'), framework.id);
    put(archiveColumn('version'), framework.version);
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

  const carried: CarriedResponse[] = [];
  const ownCells: MovedCell[] = [];
  const answeredTargets = new Set<string>();

  for (const sheet of kept.sheets.filter((s) => s.role === 'area')) {
    const rows = readRows(sheet, source);
    const toSheet = targetSheetOf(sheet.name);
    const toLast =
      toSheet === undefined
        ? 0
        : AREA_FIRST_DATA_ROW + areaCriteria(target, areaOf(target, toSheet)).length - 1;

    for (const r of rows) {
      const fields = new Map(r.cells.filter((c) => INPUT_COLUMNS.has(c.column)).map((c) => [c.column, c]));
      const own = r.cells.filter((c) => c.column >= FIRST_OWN_COLUMN);
      const textCell = r.cells.find((c) => c.column === TEXT_COLUMN);
      const from = cell(r.row, ID_COLUMN);

      if (r.row < AREA_FIRST_DATA_ROW || r.row > sheet.lastTableRow) {
        // The officer's own cells above (own columns only) or below the table: same place, or
        // the same distance below the new table, when the sheet is still there.
        for (const c of r.cells) {
          const at = cell(c.row, c.column);
          if (toSheet !== undefined) {
            const row = c.row < AREA_FIRST_DATA_ROW ? c.row : toLast + (c.row - sheet.lastTableRow);
            place(toSheet, { row, column: c.column, content: c });
            ownCells.push({ sheet: toSheet, from: at, to: cell(row, c.column) });
          } else {
            archive(
              {
                kind: 'own-cell',
                criterionId: '',
                fromSheet: sheet.name,
                fromAddress: at,
                reason: `Your cell ${at} on ${sheet.name}, a sheet the new layout does not have.`,
              },
              source,
              '',
              new Map(),
              [c],
            );
          }
        }
        continue;
      }

      const criterion = r.criterion;
      const ownWording =
        criterion !== undefined &&
        textCell !== undefined &&
        criterion.textStatus !== 'complete' &&
        textCell.value !== criterion.text
          ? textCell
          : undefined;
      const hasContent = fields.size > 0 || own.length > 0 || ownWording !== undefined;
      if (!hasContent) continue;
      if (!criterion) {
        archive(
          {
            kind: 'response',
            criterionId: idText(r.cells),
            fromSheet: sheet.name,
            fromAddress: from,
            reason: r.orphan ?? 'A row that belongs to no criterion.',
          },
          source,
          textCell ?? '',
          fields,
          own,
        );
        continue;
      }

      const destination = destinationOf(criterion, same, mapping, target, targetPlace);
      if (typeof destination === 'string') {
        archive(
          {
            kind: 'response',
            criterionId: criterion.id,
            fromSheet: sheet.name,
            fromAddress: from,
            reason: destination,
          },
          source,
          textCell ?? criterion.text,
          fields,
          own,
        );
        continue;
      }
      const { criterion: to, sheet: toName, row: toRow } = destination;
      for (const c of [...fields.values(), ...own])
        place(toName, { row: toRow, column: c.column, content: c });
      for (const c of own)
        ownCells.push({ sheet: toName, from: cell(c.row, c.column), to: cell(toRow, c.column) });
      if (ownWording) {
        if (to.textStatus !== 'complete') {
          place(toName, { row: toRow, column: TEXT_COLUMN, content: ownWording });
        } else {
          archive(
            {
              kind: 'own-wording',
              criterionId: criterion.id,
              fromSheet: sheet.name,
              fromAddress: cell(r.row, TEXT_COLUMN),
              reason: `Your wording for ${criterion.id}; ${describe(target)} gives the full text of ${to.id}, which replaces it.`,
            },
            source,
            ownWording,
            new Map(),
            [],
          );
        }
      }
      if (fields.size > 0 || own.length > 0) {
        carried.push({
          fromId: criterion.id,
          fromSheet: sheet.name,
          fromRow: r.row,
          toId: to.id,
          toSheet: toName,
          toRow,
        });
        answeredTargets.add(to.id);
      }
    }
  }

  const unanswered = [...targetPlace.values()]
    .filter((p) => !answeredTargets.has(p.criterion.id))
    .map((p) => ({ id: p.criterion.id, sheet: p.sheet, row: p.row }));

  const sheets: SheetPlan[] = built.plan.sheets.map((s) => {
    if (s.role === 'start') return withPlacedCells(s, settings.overrides);
    const cells = placed.get(s.name);
    if (!cells) return s;
    return withPlacedCells(s, cells, {
      unlock: true,
      defaultFormat: (row, column) =>
        column === REVIEW_DATE_COLUMN && row >= AREA_FIRST_DATA_ROW && row <= lastRowOf(target, s)
          ? 'dd/mm/yyyy'
          : 'General',
    });
  });
  if (archiveSheet || archiveCells.length > 0) {
    const metaIndex = sheets.findIndex((s) => s.role === 'meta');
    sheets.splice(metaIndex < 0 ? sheets.length : metaIndex, 0, buildArchiveSheet(archiveCells));
  }

  return {
    ok: true,
    built,
    plan: { ...built.plan, sheets },
    preview: {
      kind: same ? 'regenerate' : 'upgrade',
      from: refOf(source),
      to: refOf(target),
      carried,
      unanswered,
      archived,
      keptArchiveRows,
      ownCells,
      settings: settings.values,
      notCarried: NOT_CARRIED,
    },
  };
}

function describe(f: FrameworkRef): string {
  return `"${f.title}" (${f.id} version ${f.version})`;
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

function areaOf(framework: Framework, sheet: string): number {
  return framework.areas.find((a) => a.shortName === sheet)?.number ?? 0;
}

function lastRowOf(framework: Framework, sheet: SheetPlan): number {
  return AREA_FIRST_DATA_ROW + areaCriteria(framework, sheet.area ?? 0).length - 1;
}

function idText(cells: readonly KeptCell[]): string {
  const id = cells.find((c) => c.column === ID_COLUMN);
  return id === undefined ? '' : String(id.value).trim();
}

/** The rows of a kept area sheet, each matched to the source criterion its id cell names. */
function readRows(sheet: KeptSheet, source: Framework): RowRead[] {
  const byRow = new Map<number, KeptCell[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const criteria = new Map(areaCriteria(source, sheet.area).map((c) => [c.id, c]));
  const seen = new Set<string>();
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]): RowRead => {
      if (row < AREA_FIRST_DATA_ROW || row > sheet.lastTableRow) return { sheet, row, cells };
      const id = idText(cells);
      const criterion = criteria.get(id);
      if (id === '') return { sheet, row, cells, orphan: `Row ${row} of ${sheet.name} has no criterion id.` };
      if (!criterion) {
        return {
          sheet,
          row,
          cells,
          orphan: `Row ${row} of ${sheet.name} has the id ${id}, which is not a criterion of this area.`,
        };
      }
      if (seen.has(id)) {
        return {
          sheet,
          row,
          cells,
          orphan: `Row ${row} of ${sheet.name} repeats criterion ${id}; the first row with that id was carried.`,
        };
      }
      seen.add(id);
      return { sheet, row, cells, criterion };
    });
}

type Destination = { criterion: Criterion; sheet: string; row: number } | string;

/** Where a source criterion's response goes, or why it goes to the archive. */
function destinationOf(
  criterion: Criterion,
  same: boolean,
  mapping: Mapping | undefined,
  target: Framework,
  targetPlace: ReadonlyMap<string, { criterion: Criterion; sheet: string; row: number }>,
): Destination {
  if (same) {
    const place = targetPlace.get(criterion.id);
    if (place && place.criterion.area === criterion.area) return place;
    return `Criterion ${criterion.id} is no longer in area ${criterion.area} of ${describe(target)}.`;
  }
  if (!mapping || !mapping.areas.includes(criterion.area)) {
    return `${describe(target)} has no counterpart for area ${criterion.area}: the mapping does not cover it.`;
  }
  const pair = mapping.pairs.find((p) => p.from === criterion.id);
  if (pair) {
    const place = targetPlace.get(pair.to);
    if (place) return place;
    return `The mapping pairs ${criterion.id} with ${pair.to}, which ${describe(target)} does not have.`;
  }
  const unmapped = mapping.unmapped.find((u) => u.from === criterion.id);
  return unmapped
    ? `No counterpart in ${describe(target)}: ${unmapped.explanation}`
    : `The mapping does not list ${criterion.id}.`;
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

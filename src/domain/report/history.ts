/**
 * A saved snapshot of the results: the date and, for every area, its level, the share of its
 * applicable criteria met (all levels together) and its completeness. The History sheet keeps one
 * per "Save snapshot"; the board summary compares the results with the latest.
 */
import type { CalendarDate } from '../dates';
import type { Framework } from '../framework/types';
import { notYetText } from '../levelWords';
import type { AreaResult, AssessmentResult } from '../scoring';

export interface SnapshotArea {
  readonly area: number;
  readonly levelNo: number;
  /** Met / applicable over every level of the area, or null when nothing is applicable. */
  readonly shareMet: number | null;
  readonly completeness: number;
}

export interface HistoryEntry {
  readonly date: CalendarDate;
  readonly overallLevelNo: number;
  readonly areas: readonly SnapshotArea[];
  /**
   * The changes on the Change log this snapshot covers (those logged since the snapshot before
   * it), as its row on the History sheet notes them; absent when not noted.
   */
  readonly coverage?: SnapshotCoverage;
}

export interface SnapshotCoverage {
  /** Changes logged (entry rows, not section rows) since the previous snapshot's coverage. */
  readonly changes: number;
  /** The Change log rows looked at: from the row after the previous snapshot's last one. */
  readonly firstLogRow: number;
  /** The last Change log row looked at; the next snapshot counts from the row after it. */
  readonly lastLogRow: number;
}

/** Met / applicable across all of an area's levels; null when none of its criteria applies. */
export function shareMetOverall(area: AreaResult): number | null {
  const applicable = area.levels.reduce((n, l) => n + l.applicable, 0);
  const met = area.levels.reduce((n, l) => n + l.met, 0);
  return applicable === 0 ? null : met / applicable;
}

export function historyEntryOf(result: AssessmentResult, date: CalendarDate): HistoryEntry {
  return {
    date,
    overallLevelNo: result.overall.level,
    areas: result.areas.map((a) => ({
      area: a.area,
      levelNo: a.levelReached,
      shareMet: shareMetOverall(a),
      completeness: a.completeness,
    })),
  };
}

/** "Achieving", or "Not yet Developing" for 0, as the Summary sheet words it. */
export function levelNameOf(framework: Framework, levelNo: number): string {
  if (levelNo === 0) return notYetText(framework.levels[0]?.name ?? 'the first level');
  return framework.levels.find((l) => l.number === levelNo)?.name ?? `Level ${levelNo}`;
}

/** The latest entry by date (the later row wins a tie), or null for an empty history. */
export function latestEntry(entries: readonly HistoryEntry[]): HistoryEntry | null {
  let latest: HistoryEntry | null = null;
  for (const entry of entries) {
    if (latest === null || dayNumber(entry.date) >= dayNumber(latest.date)) latest = entry;
  }
  return latest;
}

function dayNumber(d: CalendarDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/**
 * The change in an area (or the organisation) since a snapshot, in words that fit a narrow
 * column: "Up from Developing", "Down from Excellent", "Same level; 45% → 60% met", "No change".
 */
export function changeText(
  framework: Framework,
  before: { levelNo: number; shareMet: number | null } | undefined,
  now: { levelNo: number; shareMet: number | null },
): string {
  if (before === undefined) return 'No earlier snapshot';
  if (now.levelNo > before.levelNo) return `Up from ${levelNameOf(framework, before.levelNo)}`;
  if (now.levelNo < before.levelNo) return `Down from ${levelNameOf(framework, before.levelNo)}`;
  const was = before.shareMet === null ? null : Math.round(before.shareMet * 100);
  const is = now.shareMet === null ? null : Math.round(now.shareMet * 100);
  if (was === is) return 'No change';
  return `Same level; ${was ?? '–'}% → ${is ?? '–'}% met`;
}

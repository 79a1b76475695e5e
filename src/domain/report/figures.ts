/**
 * The board summary's figures, from the engine's result and the latest snapshot: the one source
 * for the Board sheet, its CSV and the task pane, so the three cannot disagree.
 */
import type { Framework } from '../framework/types';
import type { AssessmentResult } from '../scoring';
import { changeText, shareMetOverall, type HistoryEntry } from './history';
import { PROVISIONAL_WORDS, levelText, provisionalWord, type ProvisionalWord } from '../levelWords';

export interface BoardRow {
  /** The area's number, or null for the organisation. */
  readonly area: number | null;
  readonly name: string;
  readonly levelNo: number;
  readonly levelName: string;
  /** Share met at each framework level, in level order (null: nothing applicable there). */
  readonly shares: readonly (number | null)[];
  /** Share met over every level (null: nothing applicable). */
  readonly shareMet: number | null;
  readonly completeness: number;
  /** True only while an unanswered criterion could still change the level. */
  readonly provisional: boolean;
  /** "Yes", "No" or "Settled, answers missing", as the Summary's Provisional column says. */
  readonly status: ProvisionalWord;
  readonly change: string;
}

export interface BoardFigures {
  readonly levelNames: readonly string[];
  readonly areas: readonly BoardRow[];
  readonly organisation: BoardRow;
}

/** A row's level as the board prints it: "Achieving (provisional)", "Developing (settled)" or the level alone. */
export function boardLevelText(row: Pick<BoardRow, 'levelName' | 'status'>): string {
  if (row.status === PROVISIONAL_WORDS.yes) return `${row.levelName} (provisional)`;
  if (row.status === PROVISIONAL_WORDS.settled) return `${row.levelName} (settled)`;
  return row.levelName;
}

export function boardFigures(
  framework: Framework,
  result: AssessmentResult,
  previous: HistoryEntry | null,
): BoardFigures {
  const first = framework.levels[0]?.name ?? 'the first level';
  const areas = result.areas.map((a): BoardRow => {
    const shareMet = shareMetOverall(a);
    const before = previous?.areas.find((p) => p.area === a.area);
    return {
      area: a.area,
      name: a.shortName,
      levelNo: a.levelReached,
      levelName: levelText({ assessed: a.assessed, levelName: a.levelReachedName }, first),
      shares: a.levels.map((l) => l.shareMet),
      shareMet,
      completeness: a.completeness,
      provisional: a.provisional,
      status: provisionalWord(a),
      change: changeText(framework, before, { levelNo: a.levelReached, shareMet }),
    };
  });
  const { overall } = result;
  const applicable = result.areas.reduce((n, a) => n + a.levels.reduce((m, l) => m + l.applicable, 0), 0);
  const met = result.areas.reduce((n, a) => n + a.levels.reduce((m, l) => m + l.met, 0), 0);
  const shareMet = applicable === 0 ? null : met / applicable;
  const organisation: BoardRow = {
    area: null,
    name: 'Organisation (lowest area)',
    levelNo: overall.level,
    levelName: levelText(overall, first),
    shares: framework.levels.map(() => null),
    shareMet,
    completeness: overall.completeness,
    provisional: overall.provisional,
    status: provisionalWord(overall),
    change: changeText(
      framework,
      previous ? { levelNo: previous.overallLevelNo, shareMet: null } : undefined,
      { levelNo: overall.level, shareMet: null },
    ),
  };
  return { levelNames: framework.levels.map((l) => l.name), areas, organisation };
}

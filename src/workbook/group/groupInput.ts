/**
 * "Compare a group", decided without Excel or files: from the assessments read (one per
 * organisation or per period), either the group to write, every member on one framework with one
 * response row per criterion, or why not, naming the files. Nothing is merged: two files with the
 * same organisation and period are refused, not combined; files made from different frameworks
 * are compared only where a bundled mapping joins each to one framework, and then say so.
 */
import {
  firstRowPerCriterion,
  matchCriteria,
  refuse,
  rowsThroughMapping,
  slotOf,
  type Framework,
  type Mapping,
  type Refusal,
  type ResponseRow,
  type ScoringSettings,
} from '../../domain';

/** One assessment as read from its file. */
export interface GroupFile {
  readonly fileName: string;
  readonly framework: Framework;
  /** As the Start sheet holds them. */
  readonly organisation: string | number | boolean;
  readonly period: string | number | boolean;
  readonly responses: readonly ResponseRow[];
  /** Null when a setting on the Start sheet cannot be used; `problems` then says why. */
  readonly settings: ScoringSettings | null;
  readonly problems: readonly string[];
  /** Area sheets the file does not have. */
  readonly missingSheets: readonly string[];
}

export interface GroupMember {
  /** 1 for the first file: the key the comparison's formulas count by. */
  readonly number: number;
  readonly fileName: string;
  readonly organisation: string;
  readonly period: string;
  readonly settings: ScoringSettings;
  /** One row per criterion of the group's framework (the row that counts), in framework order. */
  readonly responses: readonly ResponseRow[];
  /** The framework the file was made from, when it was read through a mapping; else null. */
  readonly mappedFrom: { readonly title: string; readonly version: string } | null;
}

export interface Group {
  readonly status: 'prepared';
  readonly framework: Framework;
  readonly members: readonly GroupMember[];
}

export type GroupRefusal = Refusal<
  'too-few' | 'unreadable-assessment' | 'duplicate' | 'different-frameworks'
>;

/** Fewer than this is not a group. */
export const MIN_GROUP = 2;

const NOTHING = 'Nothing was compared';

export function prepareGroup(
  files: readonly GroupFile[],
  mappings: readonly Mapping[],
): Group | GroupRefusal {
  if (files.length < MIN_GROUP) {
    return refuse(
      'too-few',
      `${NOTHING}: choose at least ${MIN_GROUP} assessments (one per organisation or per period).`,
      files.map((f) => f.fileName),
    );
  }
  const unreadable = files.flatMap((f) => [
    ...f.missingSheets.map(
      (s) => `${f.fileName}: the ${s} sheet is missing, so its criteria cannot be read.`,
    ),
    ...(f.settings === null ? f.problems.map((p) => `${f.fileName}: ${p}`) : []),
  ]);
  if (unreadable.length > 0) {
    return refuse(
      'unreadable-assessment',
      `${NOTHING}: some files cannot be read as assessments as they stand. Correct them (open each in Excel), then compare again.`,
      unreadable,
    );
  }
  const duplicates = duplicatesOf(files);
  if (duplicates.length > 0) {
    return refuse(
      'duplicate',
      `${NOTHING}: the same organisation and period is in more than one file, and the add-in does not merge them. Leave out all but one of each, or correct the organisation or period on the Start sheet of the file that is wrong.`,
      duplicates,
    );
  }
  const target = commonFramework(files, mappings);
  if (typeof target === 'string') return refuse('different-frameworks', target, frameworksOf(files));
  return {
    status: 'prepared',
    framework: target,
    members: files.map((f, i) => memberOf(f, i + 1, target, mappings)),
  };
}

/** As Excel would show it, trimmed; a number or TRUE as its text. */
function shown(value: string | number | boolean): string {
  return String(value).trim();
}

/** Organisation and period compared as an officer would: spaces and case do not make two. */
const sameness = (f: GroupFile) =>
  `${shown(f.organisation).toLowerCase().replace(/\s+/g, ' ')}\u0000${shown(f.period).toLowerCase().replace(/\s+/g, ' ')}`;

function duplicatesOf(files: readonly GroupFile[]): string[] {
  const byKey = new Map<string, GroupFile[]>();
  for (const f of files) byKey.set(sameness(f), [...(byKey.get(sameness(f)) ?? []), f]);
  return [...byKey.values()]
    .filter((same) => same.length > 1)
    .map((same) => {
      const first = same[0]!;
      const who = shown(first.organisation) || '(no organisation on the Start sheet)';
      const when = shown(first.period) || '(no period on the Start sheet)';
      return `${who}, ${when}: ${same.map((f) => f.fileName).join(', ')}`;
    });
}

const frameworkKey = (f: Framework) => `${f.id}@${f.version}`;

/** One line per framework the files were made from, naming the files. */
function frameworksOf(files: readonly GroupFile[]): string[] {
  const byKey = new Map<string, { framework: Framework; names: string[] }>();
  for (const f of files) {
    const entry = byKey.get(frameworkKey(f.framework)) ?? { framework: f.framework, names: [] };
    entry.names.push(f.fileName);
    byKey.set(frameworkKey(f.framework), entry);
  }
  return [...byKey.values()].map(
    ({ framework, names }) => `${framework.title} (version ${framework.version}): ${names.join(', ')}`,
  );
}

/**
 * The framework every file can be read on: the one they share, or, when they differ, the one most
 * files use that every other framework is joined to by a mapping. Else why not, in words.
 */
function commonFramework(files: readonly GroupFile[], mappings: readonly Mapping[]): Framework | string {
  const counts = new Map<string, { framework: Framework; files: number }>();
  for (const f of files) {
    const entry = counts.get(frameworkKey(f.framework)) ?? { framework: f.framework, files: 0 };
    counts.set(frameworkKey(f.framework), { ...entry, files: entry.files + 1 });
  }
  const candidates = [...counts.values()].sort((a, b) => b.files - a.files).map((c) => c.framework);
  if (candidates.length === 1) return candidates[0]!;
  const joined = candidates.find((target) =>
    candidates.every((other) => other === target || !('reason' in matchCriteria(other, target, mappings))),
  );
  return (
    joined ??
    `${NOTHING}: the files were made from ${candidates.length} different frameworks (or versions of one), and the add-in has no mapping that joins them all to one of them, so their criteria cannot be set side by side. Compare the files of each framework separately, or upgrade the assessments to one version first (Maintain).`
  );
}

function memberOf(
  f: GroupFile,
  number: number,
  target: Framework,
  mappings: readonly Mapping[],
): GroupMember {
  const same = frameworkKey(f.framework) === frameworkKey(target);
  let rows = f.responses;
  if (!same) {
    const matched = matchCriteria(f.framework, target, mappings);
    if ('reason' in matched) throw new RangeError(`${f.fileName}: ${matched.reason}`);
    rows = rowsThroughMapping(f.framework, target, f.responses, matched.pairs);
  }
  const { settings } = f;
  if (settings === null)
    throw new RangeError(`${f.fileName}: its settings cannot be used (prepareGroup refuses it)`);
  const counted = firstRowPerCriterion(target, rows);
  return {
    number,
    fileName: f.fileName,
    organisation: shown(f.organisation),
    period: shown(f.period),
    settings,
    responses: target.criteria.map((c) => {
      const row = counted.get(slotOf(c));
      return row ? { ...row, area: c.area, criterionId: c.id } : blankRow(c.area, c.id);
    }),
    mappedFrom: same ? null : { title: f.framework.title, version: f.framework.version },
  };
}

function blankRow(area: number, criterionId: string): ResponseRow {
  return {
    criterionId,
    area,
    rating: null,
    evidence: null,
    difference: null,
    owner: null,
    reviewDate: null,
    notes: null,
  };
}

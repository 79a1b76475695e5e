/**
 * The board summary's narrative: a few plain-English sentences generated from the results, e.g.
 * "Three of five areas are at Achieving: Knowing customers, Leadership and Workforce. Excellent
 * in Leadership is blocked by 3.6 and 3.9 (not met)." Pure: the same result gives the same words.
 */
import type { Framework } from '../framework/types';
import type { ScoringSettings } from '../responses';
import type { AreaResult, AssessmentResult, Blocker } from '../scoring';
import { capitalise, criterionTitle, joinWithAnd, listIds, numberWord } from './words';
import { evidenceCompleteness } from '../evidence';

/** The sentences, in reading order: the organisation, the areas, what blocks each, completeness. */
export function boardNarrative(result: AssessmentResult, framework: Framework): string[] {
  return [
    organisationSentence(result, framework),
    ...distributionSentences(result, framework),
    ...blockerSentences(result, framework),
    completenessSentence(result),
    ...evidenceSentences(result),
  ];
}

function firstLevelName(framework: Framework): string {
  return framework.levels[0]?.name ?? 'the first level';
}

function organisationSentence(result: AssessmentResult, framework: Framework): string {
  const { overall } = result;
  if (!overall.assessed) return `The organisation has no level: no criterion in any area is applicable.`;
  const assessed = result.areas.filter((a) => a.assessed).length;
  const unassessed = result.areas.filter((a) => !a.assessed).map((a) => a.shortName);
  const leftOut =
    unassessed.length > 0
      ? ` ${joinWithAnd(unassessed)} ${unassessed.length === 1 ? 'has' : 'have'} no applicable criteria and ${unassessed.length === 1 ? 'is' : 'are'} left out.`
      : '';
  if (overall.levelName === null)
    return `The organisation has not reached ${firstLevelName(framework)} yet.${leftOut}`;
  const top = overall.level === overall.topLevel ? ', the top level' : '';
  const noun = unassessed.length > 0 ? 'areas with applicable criteria' : 'areas';
  const rule = assessed > 1 ? ` (the lowest level of its ${numberWord(assessed)} ${noun})` : '';
  return `The organisation is at ${overall.levelName}${top}${rule}.${leftOut}`;
}

/**
 * Where the areas stand, highest level first, in one sentence: "One of five areas is at Excellent
 * (Knowing customers), two at Achieving (Leadership and Engagement) and two have not reached
 * Developing yet (Workforce and Responsive services)."
 */
function distributionSentences(result: AssessmentResult, framework: Framework): string[] {
  const total = result.areas.filter((a) => a.assessed).length;
  if (total === 0) return [];
  const byLevel = new Map<number, AreaResult[]>();
  for (const area of result.areas) {
    if (!area.assessed) continue;
    byLevel.set(area.levelReached, [...(byLevel.get(area.levelReached) ?? []), area]);
  }
  const levels = [...byLevel.keys()].sort((a, b) => b - a);
  if (levels.length === 1 && total > 1) {
    const level = levels[0] ?? 0;
    return level > 0
      ? [`All ${numberWord(total)} areas are at ${byLevelName(framework, level)}.`]
      : [`None of the ${numberWord(total)} areas has reached ${firstLevelName(framework)} yet.`];
  }
  const parts = levels.map((level, i) => {
    const areas = byLevel.get(level) ?? [];
    const n = areas.length;
    const names = joinWithAnd(areas.map((a) => a.shortName));
    const where =
      level > 0
        ? `${i === 0 ? (n === 1 ? 'is ' : 'are ') : ''}at ${byLevelName(framework, level)}`
        : `${n === 1 ? 'has' : 'have'} not reached ${firstLevelName(framework)} yet`;
    if (total === 1) return `${names} ${level > 0 && i > 0 ? 'is ' : ''}${where}`;
    const count = i === 0 ? `${capitalise(numberWord(n))} of ${numberWord(total)} areas` : numberWord(n);
    return `${count} ${where} (${names})`;
  });
  return [`${joinWithAnd(parts)}.`];
}

function byLevelName(framework: Framework, level: number): string {
  return framework.levels.find((l) => l.number === level)?.name ?? `level ${level}`;
}

/** What stands between each area and its next level, the nearest levels first. */
function blockerSentences(result: AssessmentResult, framework: Framework): string[] {
  const pending = result.areas
    .map((area) => ({ area, blocker: area.blockers.find((b) => b.level === area.nextLevel) }))
    .filter((x): x is { area: AreaResult; blocker: Blocker } => x.blocker !== undefined)
    .sort((a, b) => a.blocker.level - b.blocker.level || a.area.area - b.area.area);
  const byId = new Map(framework.criteria.map((c) => [c.id, c]));
  const named = (ids: readonly string[]) =>
    ids.length <= TITLED_UP_TO
      ? joinWithAnd(ids.map((id) => criterionTitle(byId.get(id), id)))
      : listIds(ids);
  return pending.map(({ area, blocker }) => blockerSentence(area, blocker, result.settings, named));
}

/** Up to this many criteria in a sentence are named with their short titles; more by number. */
const TITLED_UP_TO = 3;

function blockerSentence(
  area: AreaResult,
  blocker: Blocker,
  settings: ScoringSettings,
  listIds: (ids: readonly string[]) => string,
): string {
  const notMet = blocker.notMet.map((c) => c.criterionId);
  const unanswered = blocker.unanswered.map((c) => c.criterionId);
  const subject = `${blocker.levelName} in ${area.shortName}`;
  if (settings.requiredShare < 1) {
    const from = [...notMet, ...unanswered];
    return `${subject} needs ${blocker.moreNeeded} more met, from ${listIds(from)}.`;
  }
  const parts: string[] = [];
  if (notMet.length > 0) parts.push(`${listIds(notMet)} (not met)`);
  if (unanswered.length > 0) parts.push(`${listIds(unanswered)} (not answered)`);
  return `${subject} is blocked by ${parts.join(' and ')}.`;
}

function completenessSentence(result: AssessmentResult): string {
  const { overall } = result;
  if (overall.unanswered === 0) return 'Every applicable criterion has been answered.';
  const noun = overall.applicable === 1 ? 'criterion' : 'criteria';
  const verb = overall.unanswered === 1 ? 'is' : 'are';
  const counted = `${overall.unanswered} of ${overall.applicable} applicable ${noun} ${verb} not yet answered`;
  return overall.provisional
    ? `The organisation's level is provisional: ${counted}, and answering them could change it.`
    : `The organisation's level is settled: ${counted}, but no answer to them could change it.`;
}

/**
 * Whether what is met is backed by something written down: "Evidence and difference made are
 * recorded for 40 of 52 met criteria (77%); fewest in Leadership (3 of 10)." The area is named
 * only when it is behind the others. Nothing when no criterion is met.
 */
function evidenceSentences(result: AssessmentResult): string[] {
  const evidence = evidenceCompleteness(result);
  const { overall } = evidence;
  if (overall.share === null) return [];
  const noun = overall.met === 1 ? 'criterion' : 'criteria';
  if (overall.recorded === 0)
    return [
      `No met criterion has its evidence and difference made recorded yet (0 of ${overall.met} met ${noun}).`,
    ];
  const counted = `Evidence and difference made are recorded for ${overall.recorded} of ${overall.met} met ${noun} (${Math.round(overall.share * 100)}%)`;
  if (overall.recorded === overall.met) return [`${counted}.`];
  const weakest = evidence.areas
    .filter((a) => a.share !== null && a.recorded < a.met)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || a.area - b.area)[0];
  const name = weakest && result.areas.find((a) => a.area === weakest.area)?.shortName;
  // The area furthest behind, only when it is behind the rest.
  return weakest && name && (weakest.share ?? 0) < overall.share
    ? [`${counted}; fewest in ${name} (${weakest.recorded} of ${weakest.met}).`]
    : [`${counted}.`];
}

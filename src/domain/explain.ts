/**
 * Plain-English sentences for a result, for the task pane and the board report. Areas are named
 * by their short name throughout (the name on the sheet tab), and levels by the framework's names.
 */
import type { Framework } from './framework/types';
import { scaleValues } from './rating';
import type { ScoringSettings } from './responses';
import { compareCriterionIds, type AreaResult, type AssessmentResult, type Blocker } from './scoring';

/** One area: its level, what the next level needs, and whether the level is provisional. */
export function explainArea(area: AreaResult, framework: Framework, settings: ScoringSettings): string {
  const sentences = [levelSentence(area)];
  for (const blocker of area.blockers) {
    sentences.push(blockerSentence(blocker, framework, settings));
  }
  const status = statusSentence(area);
  if (status) sentences.push(status);
  return sentences.join(' ');
}

/** The organisation: its level, which areas hold it there, and whether it is provisional. */
export function explainOverall(result: AssessmentResult): string {
  const { overall } = result;
  const sentences = [overallLevelSentence(result)];
  const unassessed = result.areas
    .filter((a) => overall.unassessedAreas.includes(a.area))
    .map((a) => a.shortName);
  if (overall.assessed && unassessed.length > 0) {
    const verb = unassessed.length === 1 ? 'has' : 'have';
    sentences.push(
      `${joinWithAnd(unassessed)} ${verb} no applicable criteria, so ${unassessed.length === 1 ? 'it is' : 'they are'} left out.`,
    );
  }
  const status = statusSentence(overall);
  if (status) sentences.push(status);
  return sentences.join(' ');
}

/** Every area's explanation, in area order. */
export function explainAreas(
  result: AssessmentResult,
  framework: Framework,
  settings: ScoringSettings,
): string[] {
  return result.areas.map((area) => explainArea(area, framework, settings));
}

function levelSentence(area: AreaResult): string {
  if (!area.assessed) {
    return `${area.shortName} has no applicable criteria (every one is marked not applicable), so it has no level and is left out of the organisation's level.`;
  }
  if (area.levelReachedName === null) {
    return `${area.shortName} has not reached ${area.levels[0]?.levelName ?? 'the first level'} yet.`;
  }
  if (area.nextLevel === null) {
    return area.levelReached === area.topLevel
      ? `${area.shortName} is at ${area.topLevelName}, the top level.`
      : `${area.shortName} is at ${area.levelReachedName}; nothing above it is applicable.`;
  }
  return `${area.shortName} is at ${area.levelReachedName}.`;
}

/**
 * All must be met: "Achieving needs 2.5 and 2.7 rated 3 or more; 2.9 is not yet answered."
 * A share must be met: "Achieving needs 2 more of 2.5, 2.7 and 2.9 rated 3 or more (80% of
 * applicable criteria must be met)."
 */
function blockerSentence(blocker: Blocker, framework: Framework, settings: ScoringSettings): string {
  const rated = ratedWords(framework, settings);
  const notMet = blocker.notMet.map((c) => c.criterionId);
  const unanswered = blocker.unanswered.map((c) => c.criterionId);
  const unansweredClause =
    unanswered.length > 0 ? `${joinWithAnd(unanswered)} ${isAre(unanswered.length)} not yet answered` : '';

  if (settings.requiredShare < 1) {
    const candidates = [...blocker.notMet, ...blocker.unanswered]
      .map((c) => c.criterionId)
      .sort(compareCriterionIds);
    const share = `(${percent(settings.requiredShare)} of applicable criteria must be met)`;
    const tail = unansweredClause ? `; ${unansweredClause}.` : '.';
    return `${blocker.levelName} needs ${blocker.moreNeeded} more of ${joinWithAnd(candidates)} ${rated} ${share}${tail}`;
  }
  if (notMet.length === 0) {
    return `${blocker.levelName} needs ${joinWithAnd(unanswered)} answered and ${rated}.`;
  }
  const tail = unansweredClause ? `; ${unansweredClause}.` : '.';
  return `${blocker.levelName} needs ${joinWithAnd(notMet)} ${rated}${tail}`;
}

function overallLevelSentence(result: AssessmentResult): string {
  const { overall } = result;
  const areas = result.areas.filter((a) => a.assessed);
  const count = areas.length;
  const lowest = areas.filter((a) => overall.lowestAreas.includes(a.area)).map((a) => a.shortName);
  const firstLevelName = result.areas[0]?.levels[0]?.levelName ?? '';
  if (!overall.assessed) return 'The organisation has no level: no criterion in any area is applicable.';
  const reached = overall.levelName;

  if (count === 1) {
    const only = lowest[0] ?? '';
    if (reached === null)
      return `The organisation has not reached ${firstLevelName} yet (${only} is its only area).`;
    const top = overall.level === overall.topLevel ? ', the top level' : '';
    return `The organisation is at ${reached}${top} (${only} is its only area).`;
  }
  const areasWord = `${numberWord(count)} areas`;
  if (lowest.length === count) {
    if (reached === null)
      return `The organisation has not reached ${firstLevelName} yet in any of its ${areasWord}.`;
    const top = overall.level === overall.topLevel ? ', the top level,' : '';
    return `The organisation is at ${reached}${top} in all ${areasWord}.`;
  }
  if (reached === null) {
    const verb = lowest.length === 1 ? 'has' : 'have';
    return `The organisation has not reached ${firstLevelName} yet (${joinWithAnd(lowest)} ${verb} not reached it).`;
  }
  const verb = lowest.length === 1 ? 'holds' : 'hold';
  return `The organisation is at ${reached}, the lowest of its ${areasWord} (${joinWithAnd(lowest)} ${verb} it there).`;
}

/**
 * "This is provisional: 4 of 12 applicable criteria are not yet answered." when an answer could
 * still change the level; "This is settled: ... but no answer to them could change it." when none
 * could; nothing when every applicable criterion is answered.
 */
export function statusSentence(result: {
  readonly provisional: boolean;
  readonly unanswered: number;
  readonly applicable: number;
}): string | null {
  const { unanswered, applicable } = result;
  const noun = applicable === 1 ? 'criterion' : 'criteria';
  const counted = `${unanswered} of ${applicable} applicable ${noun} ${isAre(unanswered)} not yet answered`;
  if (result.provisional) return `This is provisional: ${counted}.`;
  if (unanswered > 0) return `This is settled: ${counted}, but no answer to them could change the level.`;
  return null;
}

/** "rated 3 or more", or "rated 4" when the threshold is the top of the scale. */
function ratedWords(framework: Framework, settings: ScoringSettings): string {
  const values = scaleValues(framework.ratingScale);
  const top = values[values.length - 1];
  return settings.metThreshold === top
    ? `rated ${settings.metThreshold}`
    : `rated ${settings.metThreshold} or more`;
}

export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function isAre(count: number): string {
  return count === 1 ? 'is' : 'are';
}

/** 0.8 → "80%", 0.875 → "87.5%" (at most one decimal place). */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Numbers up to ten in words, as British house style has it; figures above. */
function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

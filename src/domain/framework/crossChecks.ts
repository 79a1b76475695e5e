/**
 * The rules of a framework file that span fields, so the schema cannot state them. They run only
 * on a file that has passed the schema, and each looks for one kind of mistake; where one mistake
 * would otherwise show up twice (an unknown level also makes the id disagree with it), only the
 * cause is reported.
 */
import type { z } from 'zod';
import type { FrameworkSchema } from './schema';
import type { ProblemList } from './problems';

type ParsedFramework = z.output<typeof FrameworkSchema>;

export function checkFramework(f: ParsedFramework, problems: ProblemList): void {
  const before = problems.problems.length;
  checkLevels(f, problems);
  checkAreas(f, problems);
  // A level or area numbered wrongly is the cause of any reference to it that does not match.
  const numbered = (list: string) =>
    !problems.problems
      .slice(before)
      .some((p) => new RegExp(`^\\$\\.${list}\\[\\d+\\]\\.number$`).test(p.path));
  const unknown = new UnknownRefs(f, { levels: numbered('levels'), areas: numbered('areas') });
  checkCriteria(f, problems, unknown);
  checkQuestions(f, problems, unknown);
  unknown.report(problems);
  checkRatingScale(f, problems);
}

/**
 * Criteria and question sets in an area or at a level the framework does not have, gathered so
 * that each missing number is reported once (one removed level is one message, not one for each of
 * its criteria), and not at all when the levels or areas list has a problem of its own: fixing that
 * comes first, and these would only follow from it.
 */
class UnknownRefs {
  private readonly uses = new Map<string, { path: string; ids: string[]; sets: number }>();
  private readonly levelNumbers: Set<number>;
  private readonly areaNumbers: Set<number>;

  constructor(
    f: ParsedFramework,
    private readonly sound: { readonly levels: boolean; readonly areas: boolean },
  ) {
    this.levelNumbers = new Set(f.levels.map((l) => l.number));
    this.areaNumbers = new Set(f.areas.map((a) => a.number));
  }

  /** Notes the reference; true when the number is known. */
  check(kind: 'level' | 'area', value: number, path: string, what: { id: string } | 'questions'): boolean {
    const known = kind === 'level' ? this.levelNumbers : this.areaNumbers;
    if (known.has(value)) return true;
    if (!(kind === 'level' ? this.sound.levels : this.sound.areas)) return false;
    const key = `${kind}|${value}`;
    const entry = this.uses.get(key) ?? { path, ids: [], sets: 0 };
    if (what === 'questions') entry.sets += 1;
    else entry.ids.push(what.id);
    this.uses.set(key, entry);
    return false;
  }

  report(problems: ProblemList): void {
    for (const [key, use] of this.uses) {
      const [kind = '', value = ''] = key.split('|');
      const known = kind === 'level' ? this.levelNumbers : this.areaNumbers;
      const what = [
        use.ids.length === 1
          ? `criterion ${use.ids[0] ?? ''}`
          : use.ids.length > 1
            ? `${use.ids.length} criteria (${idList(use.ids)})`
            : '',
        use.sets > 0 ? `${use.sets} ${use.sets === 1 ? 'set' : 'sets'} of questions` : '',
      ].filter(Boolean);
      const are = use.ids.length + use.sets === 1 ? 'is' : 'are';
      problems.add(
        use.path,
        `${what.join(' and ')} ${are} ${kind === 'level' ? 'at' : 'in'} ${kind} ${value}, which is not one of this framework's ${kind === 'level' ? 'levels' : 'areas'} (${list([...known])})`,
      );
    }
  }
}

function idList(ids: readonly string[]): string {
  return ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', ');
}

function list(values: readonly (number | string)[]): string {
  return values.join(', ');
}

function checkLevels(f: ParsedFramework, problems: ProblemList): void {
  const firstByNumber = new Map<number, number>();
  // area|id -> index: a criterion is its area and id (identity.ts); a combined framework uses an
  // id in two areas, as the documents it is made from do.
  const firstById = new Map<string, number>();
  f.levels.forEach((level, i) => {
    const expected = i + 1;
    const earlier = firstByNumber.get(level.number);
    if (earlier !== undefined) {
      problems.add(
        `$.levels[${i}].number`,
        `level number ${level.number} is already used at $.levels[${earlier}]; levels are numbered 1, 2, 3 … in order, so this one should be ${expected}`,
      );
    } else if (level.number !== expected) {
      problems.add(
        `$.levels[${i}].number`,
        `level number is ${level.number} but should be ${expected}: levels are listed lowest first and numbered 1, 2, 3 … without gaps`,
      );
    }
    if (earlier === undefined) firstByNumber.set(level.number, i);

    const earlierId = firstById.get(level.id);
    if (earlierId !== undefined) {
      problems.add(
        `$.levels[${i}].id`,
        `level id "${level.id}" is already used at $.levels[${earlierId}]; each level needs its own id`,
      );
    } else {
      firstById.set(level.id, i);
    }
  });
}

function checkAreas(f: ParsedFramework, problems: ProblemList): void {
  const firstByNumber = new Map<number, number>();
  const firstByShortName = new Map<string, number>();
  f.areas.forEach((area, i) => {
    const earlier = firstByNumber.get(area.number);
    if (earlier !== undefined) {
      problems.add(
        `$.areas[${i}].number`,
        `area number ${area.number} is already used at $.areas[${earlier}]; each area needs its own number`,
      );
    } else {
      firstByNumber.set(area.number, i);
    }
    // Excel treats sheet names that differ only in case as the same name.
    const folded = area.shortName.toLocaleLowerCase('en-GB');
    const earlierName = firstByShortName.get(folded);
    if (earlierName !== undefined) {
      problems.add(
        `$.areas[${i}].shortName`,
        `short name "${area.shortName}" is already used at $.areas[${earlierName}] (ignoring capitals); each area becomes a sheet, so short names must differ other than in case`,
      );
    } else {
      firstByShortName.set(folded, i);
    }
  });
}

function checkCriteria(f: ParsedFramework, problems: ProblemList, unknown: UnknownRefs): void {
  // area|id -> index: a criterion is its area and id (identity.ts); a combined framework uses an
  // id in two areas, as the documents it is made from do.
  const firstById = new Map<string, number>();
  // area|level|row -> index of the first criterion there: a row is one theme seen at each level.
  const firstInRow = new Map<string, number>();

  f.criteria.forEach((c, i) => {
    const at = `$.criteria[${i}]`;
    const earlier = firstById.get(`${c.area}|${c.id}`);
    if (earlier !== undefined) {
      problems.add(
        `${at}.id`,
        `criterion id ${c.id} is already used in area ${c.area} at $.criteria[${earlier}]; each criterion id must be unique within its area`,
      );
    } else {
      firstById.set(`${c.area}|${c.id}`, i);
    }

    const areaKnown = unknown.check('area', c.area, `${at}.area`, c);
    const levelKnown = unknown.check('level', c.level, `${at}.level`, c);
    if (levelKnown) {
      const idLevel = Number(c.id.slice(0, c.id.indexOf('.')));
      if (idLevel !== c.level) {
        problems.add(
          `${at}.id`,
          `criterion id ${c.id} starts with ${idLevel} but the criterion is at level ${c.level}; the number before the dot is the level, so the id should start with ${c.level}.`,
        );
      }
    }

    if (c.row !== null && areaKnown && levelKnown) {
      const slot = `${c.area}|${c.level}|${c.row}`;
      const earlierInRow = firstInRow.get(slot);
      if (earlierInRow !== undefined) {
        problems.add(
          `${at}.row`,
          `criterion ${c.id} is in row ${c.row} of area ${c.area} at level ${c.level}, where $.criteria[${earlierInRow}] already is; a row holds one criterion per level, so give this one another row or null`,
        );
      } else {
        firstInRow.set(slot, i);
      }
    }

    const hasText = c.text.trim().length > 0;
    if (c.textStatus === 'absent' && hasText) {
      problems.add(
        `${at}.textStatus`,
        `criterion ${c.id} has text but is marked absent; if the text is now known, set textStatus to "complete" (or "fragment" if only part of it is known)`,
      );
    } else if (c.textStatus !== 'absent' && !hasText) {
      problems.add(
        `${at}.text`,
        `criterion ${c.id} is marked ${c.textStatus} but its text is empty; enter the text, or set textStatus to "absent" if it is not known`,
      );
    }
  });
}

function checkQuestions(f: ParsedFramework, problems: ProblemList, unknown: UnknownRefs): void {
  const firstBySlot = new Map<string, number>();
  f.questions.forEach((set, i) => {
    const at = `$.questions[${i}]`;
    unknown.check('area', set.area, `${at}.area`, 'questions');
    unknown.check('level', set.level, `${at}.level`, 'questions');
    const slot = `${set.area}|${set.level}`;
    const earlier = firstBySlot.get(slot);
    if (earlier !== undefined) {
      problems.add(
        at,
        `area ${set.area} at level ${set.level} already has its questions at $.questions[${earlier}]; put all of them in one list`,
      );
    } else {
      firstBySlot.set(slot, i);
    }
  });
}

function checkRatingScale(f: ParsedFramework, problems: ProblemList): void {
  const scale = f.ratingScale;
  const firstByValue = new Map<number, number>();
  const firstByLabel = new Map<string, number>();
  scale.points.forEach((point, i) => {
    const earlier = firstByValue.get(point.value);
    if (earlier !== undefined) {
      problems.add(
        `$.ratingScale.points[${i}].value`,
        `rating value ${point.value} is already used at $.ratingScale.points[${earlier}]; each point needs its own value`,
      );
    } else {
      firstByValue.set(point.value, i);
    }
    const folded = point.label.toLocaleLowerCase('en-GB');
    const earlierLabel = firstByLabel.get(folded);
    if (earlierLabel !== undefined) {
      problems.add(
        `$.ratingScale.points[${i}].label`,
        `rating label "${point.label}" is already used at $.ratingScale.points[${earlierLabel}] (ignoring capitals); each point needs its own label`,
      );
    } else {
      firstByLabel.set(folded, i);
    }
  });

  // A typed "N/A" must not also read as a rating, or the engine could not tell which was meant.
  const na = scale.notApplicable;
  const naSpellings: { path: string; text: string }[] = [
    { path: '$.ratingScale.notApplicable.label', text: na.label },
    ...na.aliases.map((text, i) => ({
      path: `$.ratingScale.notApplicable.aliases[${i}]`,
      text,
    })),
  ];
  for (const { path, text } of naSpellings) {
    const clash = firstByLabel.get(text.trim().toLocaleLowerCase('en-GB'));
    if (clash !== undefined) {
      problems.add(
        path,
        `"${text}" means not applicable but is also the label of $.ratingScale.points[${clash}]; use a different spelling`,
      );
    }
  }

  const threshold = f.levelRule.metThreshold;
  if (!firstByValue.has(threshold)) {
    problems.add(
      '$.levelRule.metThreshold',
      `the met threshold is ${threshold}, which is not a value on the rating scale (${list([...firstByValue.keys()])}); choose one of those values`,
    );
  }
}

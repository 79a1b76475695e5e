/**
 * A framework made of two others: every area of a base framework except one, and that area from a
 * framework that revises it. The bundled "2009 draft with the revised Leadership area" is the
 * draft's four other areas with the Leadership revision's area 2 (bundled.ts).
 *
 * Composed in code from the two checked frameworks, never copied into a file of its own: criterion
 * text comes from exactly one of them, word for word, so the fidelity of both files is the
 * fidelity of this one. Its criteria keep their areas and ids, and since both documents use ids
 * such as 1.13 (draft area 3, revision area 2) a criterion of it is its area and id (identity.ts).
 * The result is loaded through the same checks as any framework file.
 */
import type { FrameworkFile } from './schema';
import type { Framework } from './types';
import { loadFramework, type LoadResult } from './loader';

export interface CombinedIdentity {
  readonly version: string;
  readonly title: string;
}

/** What differs between the two parts and would change how the combined framework is scored. */
function differences(base: Framework, revision: Framework): string[] {
  const found: string[] = [];
  if (base.id !== revision.id) found.push(`framework ids differ (${base.id}, ${revision.id})`);
  if (JSON.stringify(base.ratingScale) !== JSON.stringify(revision.ratingScale))
    found.push('the rating scales differ');
  if (JSON.stringify(base.levelRule) !== JSON.stringify(revision.levelRule))
    found.push('the level rules differ');
  const levels = (f: Framework) => f.levels.map((l) => `${l.number}:${l.id}:${l.name}`).join(',');
  if (levels(base) !== levels(revision)) found.push('the levels differ');
  return found;
}

/**
 * The framework file of `base` with area `area` taken from `revision`: its criteria, its name and
 * short name, and its questions. Levels (names and straplines), the rating scale and the level
 * rule are the base's; the two must agree on all but the straplines, or the result would score the
 * two parts by different rules.
 */
export function combinedFile(
  base: Framework,
  revision: Framework,
  area: number,
  identity: CombinedIdentity,
): FrameworkFile {
  const problems = differences(base, revision);
  const revised = revision.areas.find((a) => a.number === area);
  if (!revised) problems.push(`area ${area} is not in ${revision.id} version ${revision.version}`);
  if (!base.areas.some((a) => a.number === area))
    problems.push(`area ${area} is not in ${base.id} version ${base.version}`);
  if (problems.length > 0 || !revised)
    throw new Error(`Cannot combine ${base.version} with ${revision.version}: ${problems.join('; ')}.`);

  const plain = ({ key: _key, ...c }: Framework['criteria'][number]) => c;
  return {
    formatVersion: 1,
    id: base.id,
    version: identity.version,
    title: identity.title,
    source: {
      document: `${base.source.document}; area ${area} from ${revision.source.document}`,
      provenance:
        `Composed by the add-in, not transcribed: areas other than ${area} are those of ${base.id} version ${base.version}, ` +
        `and area ${area} (${revised.name}) with its questions is that of ${revision.id} version ${revision.version}, each criterion's text exactly as in its own file. ` +
        `Ids are those of the two documents, so some appear in two areas with different meanings (a criterion is its area and id). ` +
        `Levels, rating scale and level rule are those of ${base.version}.`,
    },
    levels: base.levels.map((l) => ({ ...l })),
    areas: base.areas.map((a) => (a.number === area ? { ...revised } : { ...a })),
    criteria: [
      ...base.criteria.filter((c) => c.area !== area).map(plain),
      ...revision.criteria.filter((c) => c.area === area).map(plain),
    ].sort((a, b) => a.area - b.area),
    questions: [
      ...base.questions.filter((q) => q.area !== area),
      ...revision.questions.filter((q) => q.area === area),
    ],
    ratingScale: base.ratingScale,
    levelRule: base.levelRule,
  };
}

export function combineFrameworks(
  base: Framework,
  revision: Framework,
  area: number,
  identity: CombinedIdentity,
): LoadResult {
  return loadFramework(
    combinedFile(base, revision, area, identity),
    `${base.version} with area ${area} of ${revision.version}`,
  );
}

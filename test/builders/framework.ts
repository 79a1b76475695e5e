/**
 * Builds a valid `Framework` of a chosen shape for engine tests, without the framework files or
 * the loader. The result passes the real schema, and keys come from `criterionKey`.
 *
 * Ids follow the framework's numbering: the level number, a dot, and a number that runs on across
 * the areas (area 1's Developing criteria are 1.1, 1.2; area 2's continue at 1.3). The n-th
 * criterion of an area at each level sits in row n, so a row is one theme at every level.
 * Criterion text is a placeholder naming the id: tests never carry real criterion text.
 */
import { FrameworkSchema, type FrameworkFile } from '../../src/domain/framework/schema';
import { criterionKey, type Framework } from '../../src/domain/framework/types';

export const DEFAULT_LEVEL_NAMES = ['Developing', 'Achieving', 'Excellent'] as const;

export const DEFAULT_RATING_SCALE = {
  points: [
    { value: 1, label: 'Not in place' },
    { value: 2, label: 'Currently being established' },
    { value: 3, label: 'In place but needs improving' },
    { value: 4, label: 'In place and effective' },
  ],
  notApplicable: { label: 'N/A', aliases: ['n/a', 'NA', 'Not applicable', 'N.A.'] },
};

export interface AreaSpec {
  readonly name: string;
  readonly shortName: string;
}

export interface FrameworkShape {
  readonly id?: string;
  readonly version?: string;
  /** How many levels (named Developing, Achieving, Excellent, then Level 4 ...), or their names. */
  readonly levels?: number | readonly string[];
  /** How many areas (named "Area 1" ...), or their names. */
  readonly areas?: number | readonly AreaSpec[];
  /**
   * Criteria per area and level: one count for all, a function of (area, level), or a table
   * counts[area - 1][level - 1]. Default 2.
   */
  readonly criteria?: number | ((area: number, level: number) => number) | readonly (readonly number[])[];
  /** Put criteria in rows (default true); false gives every criterion row null. */
  readonly rows?: boolean;
  readonly metThreshold?: number;
  readonly requiredShare?: number;
}

export function buildFramework(shape: FrameworkShape = {}): Framework {
  const levelNames = namesOfLevels(shape.levels ?? 3);
  const areas = specsOfAreas(shape.areas ?? 1);
  const criteria: FrameworkFile['criteria'] = [];
  levelNames.forEach((_, levelIndex) => {
    const level = levelIndex + 1;
    let next = 1;
    areas.forEach((_area, areaIndex) => {
      const area = areaIndex + 1;
      const count = countFor(shape.criteria ?? 2, area, level);
      for (let n = 1; n <= count; n += 1) {
        const id = `${level}.${next}`;
        next += 1;
        criteria.push({
          id,
          level,
          area,
          subTheme: null,
          row: shape.rows === false ? null : n,
          text: `[test] criterion ${id}`,
          textStatus: 'complete',
        });
      }
    });
  });
  // The schema asks for at least one criterion; a shape with none is a mistake in the test.
  const file: FrameworkFile = {
    formatVersion: 1,
    id: shape.id ?? 'test-framework',
    version: shape.version ?? '1',
    title: 'Test framework',
    source: { document: 'test builder' },
    levels: levelNames.map((name, i) => ({
      number: i + 1,
      id: `level-${i + 1}`,
      name,
      strapline: '',
    })),
    areas: areas.map((a, i) => ({ number: i + 1, name: a.name, shortName: a.shortName })),
    criteria,
    questions: [],
    ratingScale: DEFAULT_RATING_SCALE,
    levelRule: { metThreshold: shape.metThreshold ?? 3, requiredShare: shape.requiredShare ?? 1 },
  };
  const parsed = FrameworkSchema.parse(file);
  const { $schema: _unused, ...rest } = parsed;
  return {
    ...rest,
    criteria: parsed.criteria.map((c) => ({
      ...c,
      key: criterionKey(parsed.id, parsed.version, c.area, c.id),
    })),
  };
}

function namesOfLevels(levels: number | readonly string[]): string[] {
  if (typeof levels !== 'number') return [...levels];
  return Array.from({ length: levels }, (_, i) => DEFAULT_LEVEL_NAMES[i] ?? `Level ${i + 1}`);
}

function specsOfAreas(areas: number | readonly AreaSpec[]): AreaSpec[] {
  if (typeof areas !== 'number') return [...areas];
  return Array.from({ length: areas }, (_, i) => ({ name: `Area ${i + 1}`, shortName: `Area ${i + 1}` }));
}

function countFor(spec: NonNullable<FrameworkShape['criteria']>, area: number, level: number): number {
  if (typeof spec === 'number') return spec;
  if (typeof spec === 'function') return spec(area, level);
  return spec[area - 1]?.[level - 1] ?? 0;
}

/**
 * A mapping says which criteria of one framework version correspond to which of another, so an
 * assessment can be upgraded: a response to a paired criterion moves to its partner; a response
 * to an unmapped criterion is archived, never silently dropped or guessed onto another criterion.
 *
 * Criterion ids alone do not identify criteria across versions (draft 1.13 and revision 1.13 are
 * different criteria), so every pair is written out with the reason it holds.
 */
import './zodConfig';
import { z } from 'zod';
import type { Framework } from './types';
import { criterionSlot, slotOf } from './identity';
import { ProblemList, addZodIssues, type FrameworkProblem } from './problems';
import { parseJsonText } from './jsonText';

const criterionId = z.string().regex(/^[1-9]\.[1-9][0-9]*$/, {
  error: 'a criterion id is the level number, a dot and a number, such as 2.14',
});

const reasonText = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const FrameworkRefSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
  })
  .strict();

export const MappingPairSchema = z
  .object({
    from: criterionId,
    to: criterionId,
    basis: reasonText('the basis of a pair').describe('why the two criteria correspond, in a few words'),
  })
  .strict();

export const UnmappedSchema = z
  .object({
    from: criterionId,
    reason: z
      .enum(['text-absent', 'no-counterpart'])
      .describe(
        'text-absent: the source lacks the text, so no correspondence can be shown; no-counterpart: no criterion of the target covers it',
      ),
    explanation: reasonText('the explanation'),
  })
  .strict();

export const MappingSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1, {
      error: 'formatVersion must be 1 (the only mapping format this add-in reads)',
    }),
    from: FrameworkRefSchema,
    to: FrameworkRefSchema,
    areas: z
      .array(z.int().min(1))
      .min(1)
      .describe(
        'the areas of the `from` framework this mapping covers; each of their criteria appears exactly once',
      ),
    pairs: z.array(MappingPairSchema),
    unmapped: z.array(UnmappedSchema),
  })
  .strict();

export type Mapping = Omit<z.output<typeof MappingSchema>, '$schema'>;
export type MappingPair = z.output<typeof MappingPairSchema>;

export type MappingLoadResult =
  | { readonly ok: true; readonly mapping: Mapping }
  | { readonly ok: false; readonly problems: readonly FrameworkProblem[] };

export interface MappingEnds {
  readonly from: Framework;
  readonly to: Framework;
}

/**
 * Loads a mapping file. Without `ends`, only its own consistency is checked (no criterion listed
 * twice); with them, every id must exist at its end and every criterion of the covered areas of
 * `from` must appear exactly once.
 */
export function loadMapping(input: unknown, fileName: string, ends?: MappingEnds): MappingLoadResult {
  const problems = new ProblemList(fileName);
  try {
    const value = typeof input === 'string' ? parseJsonText(input, problems) : input;
    if (!problems.isEmpty) return { ok: false, problems: problems.problems };

    const parsed = MappingSchema.safeParse(value);
    if (!parsed.success) {
      addZodIssues(problems, parsed.error.issues, value);
      return { ok: false, problems: problems.problems };
    }
    const { $schema: _editorHint, ...mapping } = parsed.data;

    checkListedOnce(mapping, problems);
    if (ends) checkEnds(mapping, ends, problems);
    if (!problems.isEmpty) return { ok: false, problems: problems.problems };
    return { ok: true, mapping };
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.add(
      '$',
      `the file could not be read as a mapping (${detail}); expected a mapping JSON document`,
    );
    return { ok: false, problems: problems.problems };
  }
}

function checkListedOnce(mapping: Mapping, problems: ProblemList): void {
  const fromSeen = new Map<string, string>();
  const noteFrom = (id: string, path: string) => {
    const earlier = fromSeen.get(id);
    if (earlier !== undefined) {
      problems.add(
        path,
        `criterion ${id} is already listed at ${earlier}; each criterion of the earlier version appears once, in a pair or as unmapped`,
      );
    } else {
      fromSeen.set(id, path);
    }
  };
  mapping.pairs.forEach((pair, i) => noteFrom(pair.from, `$.pairs[${i}].from`));
  mapping.unmapped.forEach((u, i) => noteFrom(u.from, `$.unmapped[${i}].from`));

  // Two responses cannot both move onto one criterion: one of them would be lost.
  const toSeen = new Map<string, number>();
  mapping.pairs.forEach((pair, i) => {
    const earlier = toSeen.get(pair.to);
    if (earlier !== undefined) {
      problems.add(
        `$.pairs[${i}].to`,
        `criterion ${pair.to} already receives $.pairs[${earlier}]; each criterion of the later version can receive at most one`,
      );
    } else {
      toSeen.set(pair.to, i);
    }
  });
}

function describeRef(f: Framework): string {
  return `${f.id} version ${f.version}`;
}

function checkEnds(mapping: Mapping, ends: MappingEnds, problems: ProblemList): void {
  for (const end of ['from', 'to'] as const) {
    const ref = mapping[end];
    const framework = ends[end];
    if (ref.id !== framework.id || ref.version !== framework.version) {
      problems.add(
        `$.${end}`,
        `the mapping's "${end}" is ${ref.id} version ${ref.version}, but the framework given is ${describeRef(framework)}`,
      );
    }
  }
  const fromById = new Map(ends.from.criteria.map((c) => [c.id, c]));
  // A pair stays in its area: its `to` is the criterion of that id in the area of its `from`.
  const toSlots = new Set(ends.to.criteria.map(slotOf));
  const fromAreas = new Set(ends.from.areas.map((a) => a.number));
  const covered = new Set(mapping.areas);

  mapping.areas.forEach((area, i) => {
    if (!fromAreas.has(area))
      problems.add(`$.areas[${i}]`, `area ${area} is not an area of ${describeRef(ends.from)}`);
  });

  const checkFrom = (id: string, path: string) => {
    const criterion = fromById.get(id);
    if (!criterion) {
      problems.add(path, `criterion ${id} is not in ${describeRef(ends.from)}`);
    } else if (!covered.has(criterion.area)) {
      problems.add(
        path,
        `criterion ${id} is in area ${criterion.area}, which this mapping does not cover (areas ${[...covered].join(', ')})`,
      );
    }
    return criterion;
  };
  mapping.pairs.forEach((pair, i) => {
    const from = checkFrom(pair.from, `$.pairs[${i}].from`);
    if (from && !toSlots.has(criterionSlot(from.area, pair.to)))
      problems.add(
        `$.pairs[${i}].to`,
        `criterion ${pair.to} is not in area ${from.area} of ${describeRef(ends.to)}; a pair stays within its area`,
      );
  });
  mapping.unmapped.forEach((u, i) => {
    const criterion = checkFrom(u.from, `$.unmapped[${i}].from`);
    if (criterion && u.reason === 'text-absent' && criterion.textStatus !== 'absent') {
      problems.add(
        `$.unmapped[${i}].reason`,
        `criterion ${u.from} has ${criterion.textStatus} text in ${describeRef(ends.from)}, so "text-absent" is not the reason; compare its text and pair it, or use "no-counterpart"`,
      );
    }
  });

  const listed = new Set([...mapping.pairs.map((p) => p.from), ...mapping.unmapped.map((u) => u.from)]);
  for (const c of ends.from.criteria) {
    if (covered.has(c.area) && !listed.has(c.id)) {
      problems.add(
        '$.unmapped',
        `criterion ${c.id} (area ${c.area}) is in neither pairs nor unmapped; every criterion of a covered area must appear once`,
      );
    }
  }
}

/**
 * Combining several copies at once, as the pane runs it: each file read (refused by name if it is
 * not an assessment of this framework), the same copy chosen twice named (sameCopies.ts), the
 * copies folded by one rule (src/domain/combineMany.ts), and the result written like a single
 * colleague's copy, in requests under the size budget (src/excel/combineCopy.ts). Part of the
 * combine chunk, loaded on demand.
 */
import {
  combineMany,
  isRefusal,
  refuse,
  type CalendarDate,
  type CombinedCriterion,
  type CombineChoice,
  type CombineState,
  type CriterionSlot,
  type Framework,
  type ManyRule,
  type Mapping,
  type Refusal,
  type ResponseRow,
} from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import type { CombineOptions, CombineOutcome } from '../../excel/combineCopy';
import { applyPlanned } from './applyPlanned';
import { planCombine } from '../../workbook/combineWrite';
import { readCopy, type ReadCopy } from './readCopy';
import { sameCopies } from './sameCopies';

export interface ComparedMany {
  readonly status: 'compared-many';
  readonly copies: readonly ReadCopy[];
  /** Our responses as compared: the write checks the cells still hold them. */
  readonly ours: readonly ResponseRow[];
  readonly rule: ManyRule;
  /** Per copy, in order: new, same, in conflict with what the copies before it gave. */
  readonly perCopy: readonly {
    readonly name: string;
    readonly counts: Readonly<Record<CombineState, number>>;
  }[];
  /** This workbook against the combined result; 'new' and 'conflict' are the criteria to change. */
  readonly criteria: readonly CombinedCriterion[];
  readonly contributors: ReadonlyMap<CriterionSlot, readonly string[]>;
}

export interface CopyFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Reads every file, refusing them all, each named, if any cannot be used; then folds them. */
export function compareManyFiles(
  files: readonly CopyFile[],
  framework: Framework,
  ours: readonly ResponseRow[],
  mappings: readonly Mapping[],
  rule: ManyRule,
): ComparedMany | Refusal<'bad-copies' | 'duplicate-copies'> {
  const read = files.map((f) => readCopy(f.bytes, f.name, framework, mappings));
  const refused = read.filter((r): r is Exclude<typeof r, ReadCopy> => isRefusal(r));
  if (refused.length > 0) {
    return refuse(
      'bad-copies',
      `Nothing was compared: ${refused.length === 1 ? 'one file' : `${refused.length} files`} of the ${files.length} chosen cannot be combined. Choose the files again without ${refused.length === 1 ? 'it' : 'them'}.`,
      refused.map((r) => r.message),
    );
  }
  const copies = read.filter((r): r is ReadCopy => !isRefusal(r));
  const duplicates = sameCopies(copies);
  if (duplicates.length > 0) {
    return refuse(
      'duplicate-copies',
      'Nothing was compared: some files are the same copy twice, and combining both would count it twice. Choose the files again with one of each.',
      duplicates,
    );
  }
  return foldCopies(framework, ours, copies, rule);
}

/** The fold again under another rule (the files are already read). */
export function foldCopies(
  framework: Framework,
  ours: readonly ResponseRow[],
  copies: readonly ReadCopy[],
  rule: ManyRule,
): ComparedMany {
  const folded = combineMany(
    framework,
    ours,
    copies.map((c) => ({ name: c.fileName, responses: c.responses })),
    rule,
  );
  return { status: 'compared-many', copies, ours, rule, ...folded };
}

export function combineManyInto(
  gateway: ExcelGateway,
  framework: Framework,
  compared: ComparedMany,
  today: CalendarDate,
  options: CombineOptions = {},
): Promise<CombineOutcome> {
  const choices = new Map<CriterionSlot, CombineChoice>(
    compared.criteria
      .filter((c) => c.state === 'new' || c.state === 'conflict')
      .map((c) => [c.slot, 'theirs']),
  );
  const names = compared.copies.map((c) => c.fileName);
  const source = `${names.length} copies (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
  const how = compared.rule === 'both' ? 'their texts joined, ratings here kept' : 'the later copy taken';
  const write = planCombine(framework, compared.ours, compared.criteria, choices, source, today, how);
  return applyPlanned(gateway, write, options);
}

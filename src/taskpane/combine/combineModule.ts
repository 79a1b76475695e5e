/**
 * Reading another copy of the assessment, as the pane runs it: combining a colleague's copy, and
 * adding a copy (a finalised one, last year's) as a snapshot to compare with. Loaded only when the
 * officer chooses a file (loadCombine.ts), so the .xlsx reader stays out of the first view.
 */
import {
  compareCopies,
  isRefusal,
  type CalendarDate,
  type CombineChoice,
  type CombinedCriterion,
  type CombineState,
  type CriterionSlot,
  type Framework,
  type Mapping,
  type Refusal,
  type ResponseRow,
} from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import type { CombineOptions, CombineOutcome } from '../../excel/combineCopy';
import { applyPlanned } from './applyPlanned';
import { addSnapshotFromCopy, type ImportOutcome } from '../../excel/importSnapshot';
import type { AssessmentFileRefusal } from '../../xlsx/assessmentFile';
import { planCombine } from '../../workbook/combineWrite';
import { readCopyAssessment, type ReadBy } from './copyCells';
import { placeCopy } from './readCopy';

export interface ComparedCopy {
  readonly status: 'compared';
  readonly fileName: string;
  /** The colleague's organisation and period, from their Start sheet. */
  readonly organisation: string;
  readonly period: string;
  readonly criteria: readonly CombinedCriterion[];
  readonly counts: Readonly<Record<CombineState, number>>;
  /** Our responses as compared: the write checks the cells still hold them. */
  readonly ours: readonly ResponseRow[];
  readonly warnings: readonly string[];
  /** The mapping their copy was read through (another version of the framework), or null. */
  readonly mappedFrom: { readonly title: string; readonly version: string } | null;
  /** Which reader read the file (Excel's own where the host has it and it worked). */
  readonly readBy: ReadBy;
}

/** Reads one copy (with Excel's own parser where it can: copyCells.ts) and compares it with ours. */
export async function compareWithFile(
  gateway: ExcelGateway,
  bytes: Uint8Array,
  fileName: string,
  framework: Framework,
  ours: readonly ResponseRow[],
  mappings: readonly Mapping[],
): Promise<ComparedCopy | Refusal<AssessmentFileRefusal | 'other-framework'>> {
  const read = await readCopyAssessment(gateway, bytes, fileName, framework);
  if (isRefusal(read)) return read;
  const copy = placeCopy(read, framework, mappings);
  if (isRefusal(copy)) return copy;
  const { criteria, counts } = compareCopies(framework, ours, copy.responses);
  return {
    status: 'compared',
    fileName,
    organisation: copy.organisation,
    period: copy.period,
    criteria,
    counts,
    ours,
    warnings: copy.warnings,
    mappedFrom: copy.mappedFrom,
    readBy: read.readBy,
  };
}

export function combineInto(
  gateway: ExcelGateway,
  framework: Framework,
  compared: ComparedCopy,
  choices: ReadonlyMap<CriterionSlot, CombineChoice>,
  today: CalendarDate,
  options: CombineOptions = {},
): Promise<CombineOutcome> {
  const write = planCombine(framework, compared.ours, compared.criteria, choices, compared.fileName, today);
  return applyPlanned(gateway, write, options);
}

/** Adds the copy in `bytes` to this workbook's Saved responses (its approved snapshot when it has one). */
export async function addCopyAsSnapshot(
  gateway: ExcelGateway,
  framework: Framework,
  bytes: Uint8Array,
  fileName: string,
  today: CalendarDate,
): Promise<ImportOutcome | Refusal<AssessmentFileRefusal>> {
  const read = await readCopyAssessment(gateway, bytes, fileName, framework);
  if (read.status === 'refused') return read;
  return addSnapshotFromCopy(
    gateway,
    framework,
    {
      fileName,
      framework: read.framework,
      responses: read.assessment.responses,
      settings: read.assessment.settings,
      saved: read.saved,
    },
    today,
  );
}

export {
  combineManyInto,
  compareManyFiles,
  foldCopies,
  type ComparedMany,
  type CopyFile,
} from './combineMany';
export type { ReadCopy } from './readCopy';

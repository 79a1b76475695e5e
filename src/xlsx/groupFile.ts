/**
 * Compare a group, from files to file: each assessment read from its .xlsx (assessmentFile.ts),
 * the group decided (src/workbook/group/groupInput.ts), the comparison workbook planned and
 * written. Used by `npm run compare` and by the pane. A file that cannot be used stops the whole
 * comparison, naming every such file and why: nothing is written from part of a group.
 */
import { refuse, type CalendarDate, type Framework, type Mapping, type Refusal } from '../domain';
import { prepareGroup, type Group, type GroupFile, type GroupRefusal } from '../workbook/group/groupInput';
import { buildGroupPlan } from '../workbook/group/groupPlan';
import type { FrameworkReading } from '../workbook/workbookFramework';
import { readAssessmentFile, type AssessmentFile } from './assessmentFile';
import { writeWorkbookFile } from './writeWorkbookFile';

export interface ChosenFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface GroupContext {
  /** Frameworks a file may name without keeping its own (the bundled ones). */
  readonly known: readonly Framework[];
  readonly reading: FrameworkReading;
  /** Mappings that may join files made from different versions (the bundled ones). */
  readonly mappings: readonly Mapping[];
  readonly today: CalendarDate;
}

export interface GroupWritten {
  readonly status: 'compared';
  readonly bytes: Uint8Array;
  readonly group: Group;
  /** Said beside the result: a damaged kept framework read with a known one, by file and cell. */
  readonly warnings: readonly string[];
}

export type GroupFileRefusal = GroupRefusal | Refusal<'unreadable-files'>;

/** What the pane and the command line suggest calling the comparison. */
export const GROUP_FILE_NAME = 'Group comparison.xlsx';

export async function compareGroupFiles(
  files: readonly ChosenFile[],
  context: GroupContext,
): Promise<GroupWritten | GroupFileRefusal> {
  const read = files.map((f) => readAssessmentFile(f.bytes, f.name, context.known, context.reading));
  const refused = read.filter((r) => r.status === 'refused');
  if (refused.length > 0) {
    return refuse(
      'unreadable-files',
      `Nothing was compared: ${refused.length} of the ${files.length} files cannot be used. Leave them out or correct them, then compare again.`,
      refused.flatMap((r) => [r.message, ...r.details.filter((d) => !files.some((f) => f.name === d))]),
    );
  }
  const usable = read.filter((r): r is AssessmentFile => r.status === 'read');
  const group = prepareGroup(usable.map(groupFileOf), context.mappings);
  if (group.status === 'refused') return group;
  const { plan } = buildGroupPlan(group, context.today);
  return {
    status: 'compared',
    bytes: await writeWorkbookFile(plan),
    group,
    warnings: usable.flatMap((r) => r.warnings),
  };
}

function groupFileOf(file: AssessmentFile): GroupFile {
  const { assessment } = file;
  return {
    fileName: file.fileName,
    framework: file.framework,
    organisation: assessment.organisation,
    period: assessment.period,
    responses: assessment.responses,
    settings: assessment.settings,
    problems: assessment.problems,
    missingSheets: assessment.areaSheets.filter((a) => !a.present).map((a) => a.sheet),
  };
}

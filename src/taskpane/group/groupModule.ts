/**
 * Comparing a group, as the pane runs it: the chosen files read, compared and written as the
 * comparison workbook (src/xlsx/groupFile.ts, the same as `npm run compare`). Loaded only when the
 * officer compares (loadGroup.ts), so the .xlsx reader and writer stay out of the first view.
 */
import {
  bundledFrameworks,
  describeProblem,
  loadFramework,
  type CalendarDate,
  type Framework,
} from '../../domain/index';
import {
  compareGroupFiles,
  type ChosenFile,
  type GroupFileRefusal,
  type GroupWritten,
} from '../../xlsx/groupFile';
import { bundledMappings } from '../bundledMappings';

export { GROUP_FILE_NAME } from '../../xlsx/groupFile';

/** `framework`: the open workbook's, known besides the bundled ones for files that do not keep theirs. */
export function compareGroup(
  files: readonly ChosenFile[],
  framework: Framework | null,
  today: CalendarDate,
): Promise<GroupWritten | GroupFileRefusal> {
  const bundled = Object.values(bundledFrameworks);
  return compareGroupFiles(files, {
    known: framework ? [framework, ...bundled] : bundled,
    reading: { loadFramework, describeProblem },
    mappings: bundledMappings,
    today,
  });
}

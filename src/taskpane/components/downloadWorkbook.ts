/**
 * "Download as .xlsx": the plan for a framework and settings written as a file by src/xlsx (loaded
 * only now, see loadXlsx.ts) and offered as a download. Task panes in desktop Excel may not let a
 * page save files; whatever stops the download is caught and said in words, with the way round it.
 */
import type { Framework } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';
import type { Engine } from '../loadEngine';
import { loadXlsx } from '../loadXlsx';
import { offerDownload } from '../report/download';
import { workbookFileName } from './fileName';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type WorkbookDownload =
  | { readonly ok: true; readonly fileName: string; readonly bytes: number }
  | { readonly ok: false; readonly fileName: string; readonly message: string };

/** Why the pane could not save the file, and what the officer can do instead. */
function blocked(why: string): string {
  return (
    `${why} Some desktop versions of Excel block downloads from add-ins: open the workbook in Excel ` +
    'on the web and download it from there, or ask your IT team for the template file.'
  );
}

export async function downloadWorkbook(
  engine: Pick<Engine, 'buildPlan'>,
  framework: Framework,
  settings: PlanSettings,
): Promise<WorkbookDownload> {
  const fileName = workbookFileName(settings.organisation, settings.period);
  // Building and writing the file are ours: their errors are real failures, not a blocked host,
  // so they propagate to the view's task and are shown as such.
  const { writeWorkbookFile } = await loadXlsx();
  const bytes = await writeWorkbookFile(engine.buildPlan(framework, settings).plan);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
  try {
    const offered = offerDownload(fileName, blob);
    if (!offered.ok) return { ok: false, fileName, message: blocked(offered.message) };
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      fileName,
      message: blocked(`This copy of Excel did not let the task pane save ${fileName} (${detail}).`),
    };
  }
  return { ok: true, fileName, bytes: bytes.length };
}

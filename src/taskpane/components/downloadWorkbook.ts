/**
 * "Download as .xlsx": the plan for a framework and settings written as a file by src/xlsx (loaded
 * only now, see loadXlsx.ts) and handed to the host the way it can take it. Where a download can
 * reach the officer (Windows, Excel on the web) it is offered to the browser; the pane cannot know
 * whether it was saved, so it says where to look rather than that it was saved. Where a download
 * does nothing (Excel for Mac, iPad) the workbook is opened in a new Excel window instead
 * (Excel.createWorkbook) for the officer to save. Whatever stops either is said in words.
 */
import type { ExcelGateway, HostFiles } from '../../excel/api';
import { refuse, type Framework, type Refusal, type ResponseRow } from '../../domain/index';
import type { PlanSettings } from '../../workbook/settings';
import type { Engine } from '../loadEngine';
import { loadXlsx } from '../loadXlsx';
import { bytesBase64, handedOver, offerDownload } from '../report/download';
import { workbookFileName } from './fileName';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type WorkbookDownload =
  /** Handed to the browser's download; whether it was saved is the browser's to say. */
  | { readonly status: 'offered'; readonly fileName: string; readonly bytes: number }
  /** Opened as a new, unsaved workbook in another Excel window. */
  | { readonly status: 'opened'; readonly fileName: string; readonly bytes: number }
  /** The host blocked it; details: the file's name. */
  | Refusal<'host-blocked'>;

/** Why the pane could not hand over the file, and what the officer can do instead. */
function blocked(why: string): string {
  return (
    `${why} Some versions of Excel block files from add-ins: open the workbook in Excel ` +
    'on the web and download it from there, or ask your IT team for the template file.'
  );
}

/** The sentence the pane shows for a result: never "saved" when it cannot know. */
export function downloadMessage(result: WorkbookDownload): string {
  if (result.status === 'refused') return result.message;
  if (result.status === 'opened') {
    return (
      `Opened ${result.fileName} as a new workbook in another Excel window (this Excel cannot save files from ` +
      'the task pane). It is not saved yet: in that window, choose File > Save As.'
    );
  }
  return `${handedOver(result.fileName)} If nothing appears, open the workbook in Excel on the web and download it from there.`;
}

/**
 * `responses` given: the workbook as it stands, its responses in their cells (filledPlan.ts);
 * absent: a blank workbook with the settings only.
 */
export async function downloadWorkbook(
  engine: Pick<Engine, 'buildPlan' | 'withResponses'>,
  files: HostFiles,
  framework: Framework,
  settings: PlanSettings,
  responses?: readonly ResponseRow[],
): Promise<WorkbookDownload> {
  const fileName = workbookFileName(settings.organisation, settings.period);
  // Building and writing the file are ours: their errors are real failures, not a blocked host,
  // so they propagate to the view's task and are shown as such.
  const { writeWorkbookFile } = await loadXlsx();
  const plan = engine.buildPlan(framework, settings).plan;
  const bytes = await writeWorkbookFile(responses ? engine.withResponses(plan, framework, responses) : plan);
  return handOverWorkbook(files, fileName, bytes);
}

/**
 * The framework as sheets to edit in Excel (src/workbook/frameworkTemplate.ts): the template for
 * an own framework, filled in with `framework` to start from.
 */
export async function downloadFrameworkTemplate(
  engine: Pick<Engine, 'frameworkTemplatePlan'>,
  files: HostFiles,
  framework: Framework,
): Promise<WorkbookDownload> {
  const { writeWorkbookFile } = await loadXlsx();
  const bytes = await writeWorkbookFile(engine.frameworkTemplatePlan(framework));
  return handOverWorkbook(files, 'framework-template.xlsx', bytes);
}

/**
 * A workbook meant to be a file of its own (the next period's assessment): opened in a new Excel
 * window (Excel.createWorkbook, ExcelApi 1.8) where the host has it, offered as a file where it has
 * not, or where opening failed and a download can still reach the officer.
 */
export async function openAsNewWorkbook(
  gateway: Pick<ExcelGateway, 'isSetSupported' | 'files'>,
  fileName: string,
  bytes: Uint8Array,
): Promise<WorkbookDownload> {
  const { files } = gateway;
  if (gateway.isSetSupported('1.8')) {
    const opened = await openInExcel(files, fileName, bytes);
    if (opened.status === 'opened' || !files.canDownload) return opened;
  } else if (!files.canDownload) {
    return refuse(
      'host-blocked',
      blocked(
        `This copy of Excel can neither open ${fileName} as a new workbook nor save it from the task pane.`,
      ),
      [fileName],
    );
  }
  return offerFile(fileName, bytes);
}

/** Opens the file as a new, unsaved workbook in another Excel window. */
async function openInExcel(files: HostFiles, fileName: string, bytes: Uint8Array): Promise<WorkbookDownload> {
  try {
    await files.openWorkbook(bytesBase64(bytes));
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('host-blocked', blocked(`This copy of Excel could not open ${fileName} (${detail}).`), [
      fileName,
    ]);
  }
  return { status: 'opened', fileName, bytes: bytes.length };
}

/**
 * Offers the file to the browser, or opens it in a new Excel window where a download cannot reach
 * the officer. Also how the group comparison (report/CompareGroup.tsx) hands over its file.
 */
export async function handOverWorkbook(
  files: HostFiles,
  fileName: string,
  bytes: Uint8Array,
): Promise<WorkbookDownload> {
  if (!files.canDownload) return openInExcel(files, fileName, bytes);
  return offerFile(fileName, bytes);
}

/** Hands the file to the browser's download. */
function offerFile(fileName: string, bytes: Uint8Array): WorkbookDownload {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
  try {
    const offered = offerDownload(fileName, blob);
    if (offered.status === 'refused') return refuse('host-blocked', blocked(offered.message), [fileName]);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(
      'host-blocked',
      blocked(`This copy of Excel did not let the task pane save ${fileName} (${detail}).`),
      [fileName],
    );
  }
  return { status: 'offered', fileName, bytes: bytes.length };
}

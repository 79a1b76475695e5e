/**
 * What each of the Report view's copy and download buttons does, and the note it leaves: one
 * function per button, so the view only wires buttons to them. A note says what happened in the
 * officer's words (a file handed to the download, a sheet selected) or why it could not be done.
 */
import { boardCsv, topActions, type CalendarDate, type Framework } from '../../domain';
import type { ExcelGateway } from '../../excel/api';
import { boardChartImage, placeBoardChartPicture, selectBoardSummary } from '../../excel/boardCopy';
import type { ReportOutcome } from '../../excel/boardRefresh';
import { TOP_ACTIONS } from '../../workbook/sheets/board';
import { base64Bytes, handedOver, offerDownload } from './download';

export type Note = { readonly intent: 'success' | 'warning'; readonly text: string } | null;

/** A refreshed board report: what the downloads are made from. */
export type Refreshed = Extract<ReportOutcome, { status: 'refreshed' }>;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Excel hands a chart picture over as base64 PNG, or JPEG on some hosts (its data starts /9j/). */
function pictureType(base64: string): 'png' | 'jpg' {
  return base64.startsWith('/9j/') ? 'jpg' : 'png';
}

export async function selectSummary(gateway: ExcelGateway, framework: Framework): Promise<Note> {
  const selected = await selectBoardSummary(gateway, framework);
  return selected.status === 'done'
    ? { intent: 'success', text: `Selected ${selected.value}. Press Ctrl+C (Cmd+C on a Mac) to copy it.` }
    : { intent: 'warning', text: selected.message };
}

export function downloadCsv(outcome: Refreshed, framework: Framework, asAt: CalendarDate): Note {
  const csv = boardCsv(outcome.figures, {
    organisation: outcome.organisation,
    period: outcome.period,
    assessmentDate: asAt,
    framework: `${framework.title}, version ${framework.version}`,
  });
  // A byte order mark so that Excel opens the file as UTF-8 (arrows, accents).
  const done = offerDownload(
    'board-summary.csv',
    new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
  );
  return done.status === 'offered'
    ? { intent: 'success', text: handedOver('board-summary.csv') }
    : { intent: 'warning', text: done.message };
}

export async function downloadChart(gateway: ExcelGateway): Promise<Note> {
  const image = await boardChartImage(gateway);
  if (image.status !== 'done') return { intent: 'warning', text: image.message };
  const kind = pictureType(image.value);
  const name = `board-chart.${kind}`;
  const type = kind === 'png' ? 'image/png' : 'image/jpeg';
  const done = offerDownload(name, new Blob([base64Bytes(image.value)], { type }));
  return done.status === 'offered'
    ? { intent: 'success', text: handedOver(name) }
    : { intent: 'warning', text: done.message };
}

/** The board paper: the .docx library is loaded only now, with the paper's own module. */
export async function downloadPaper(
  gateway: ExcelGateway,
  framework: Framework,
  outcome: Refreshed,
  asAt: CalendarDate,
): Promise<Note> {
  const image = await boardChartImage(gateway);
  const chart =
    image.status === 'done' ? { type: pictureType(image.value), data: base64Bytes(image.value) } : null;
  const { boardPaperDocx } = await import('./boardPaper');
  const bytes = await boardPaperDocx({
    organisation: outcome.organisation,
    period: outcome.period,
    asAt,
    frameworkTitle: framework.title,
    frameworkVersion: framework.version,
    figures: outcome.figures,
    narrative: outcome.narrative,
    actions: topActions(outcome.actions, TOP_ACTIONS),
    settings: outcome.result.settings,
    chart,
    approval: outcome.approval,
  });
  const name = 'board-paper.docx';
  const done = offerDownload(name, new Blob([bytes], { type: DOCX_TYPE }));
  if (done.status === 'refused') return { intent: 'warning', text: done.message };
  const noPicture =
    image.status === 'done'
      ? ''
      : ` Excel could not give a picture of the chart here (${image.message}), so the paper says where to copy it from.`;
  return { intent: 'success', text: `${handedOver(name)}${noPicture}` };
}

export async function placePicture(gateway: ExcelGateway, framework: Framework): Promise<Note> {
  const placed = await placeBoardChartPicture(gateway, framework);
  if (placed.status !== 'done') return { intent: 'warning', text: placed.message };
  const { sheet, replaced, sheetProtected } = placed.value;
  const again = replaced > 0 ? ' It replaces the picture placed before.' : '';
  // A protected sheet lets no one click a picture (the add-in keeps its protection as it was).
  const unprotect = sheetProtected
    ? ` The sheet is protected, so first unprotect it (Review > Unprotect Sheet); refreshing the board protects it again.`
    : '';
  return {
    intent: 'success',
    text: `Placed a picture of the chart on the ${sheet} sheet, to the right of the printed page.${again} To paste it into Word or PowerPoint as a picture, click it and press Ctrl+C (Cmd+C on a Mac).${unprotect}`,
  };
}

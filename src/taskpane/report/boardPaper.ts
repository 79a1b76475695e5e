/**
 * The board paper as a Word document (.docx): the board summary's table, the narrative in full,
 * the chart as a picture, the top actions with their criteria's own words, and the level rule,
 * styled plainly (Word's built-in Title, Heading 1 and Normal styles, plain tables) so it drops
 * into an organisation's own board template. The `docx` library is loaded here, with a dynamic
 * import, only when an officer asks for the paper, so it is not in the pane's first download.
 */
import {
  formatDate,
  type CalendarDate,
  type ActionPlanEntry,
  type BoardFigures,
  type BoardRow,
  boardLevelText,
  percentText,
  stateText,
  type ScoringSettings,
  NO_APPLICABLE_CRITERIA,
  PROVISIONAL_WORDS,
} from '../../domain';

export interface BoardPaperInput {
  readonly organisation: string;
  readonly period: string;
  readonly asAt: CalendarDate;
  readonly frameworkTitle: string;
  readonly frameworkVersion: string;
  readonly figures: BoardFigures;
  readonly narrative: readonly string[];
  /** The top actions, in order (the board shows five). */
  readonly actions: readonly ActionPlanEntry[];
  readonly settings: ScoringSettings;
  /** The chart as Excel's picture of it (PNG or JPEG), or null when the host could not give one (the paper says so). */
  readonly chart: { readonly type: 'png' | 'jpg'; readonly data: Uint8Array } | null;
  /**
   * The approval in words ("Approved by … on …", or "Approved version: …, reopened on … because
   * …"), or null when the assessment was never finalised.
   */
  readonly approval?: string | null;
}

/** Every paragraph of text the paper holds, in order: what the tests compare with the board report. */
export function boardPaperText(input: BoardPaperInput): {
  title: string;
  subtitle: string;
  approval: string | null;
  tableHeader: string[];
  tableRows: string[][];
  narrative: readonly string[];
  actions: string[][];
  rule: string[];
} {
  const organisation = input.organisation.trim() === '' ? 'the organisation' : input.organisation.trim();
  const period = input.period.trim() === '' ? '' : `Period ${input.period.trim()}. `;
  const row = (r: BoardRow): string[] => [
    r.name,
    ...(r.area === null ? r.shares.map(() => '') : r.shares.map(percentText)),
    boardLevelText(r),
    percentText(r.completeness),
    r.change,
  ];
  return {
    title: `Equality self-assessment: board summary for ${organisation}`,
    subtitle: `${period}Results as at ${formatDate(input.asAt)}. ${input.frameworkTitle}, version ${input.frameworkVersion}.`,
    approval: input.approval ?? null,
    tableHeader: ['Area', ...input.figures.levelNames, 'Level reached', 'Completeness', 'Change'],
    tableRows: [...input.figures.areas.map(row), row(input.figures.organisation)],
    narrative: input.narrative,
    actions: input.actions.map((a) => [
      `${a.criterionId} ${a.areaShortName}`,
      a.textStatus === 'absent' || a.text.trim() === ''
        ? '(wording not in the source: see the area sheet)'
        : a.text.trim(),
      a.owner === null || a.owner === undefined ? '' : String(a.owner),
      typeof a.targetDate === 'number'
        ? excelDateText(a.targetDate)
        : a.targetDate
          ? String(a.targetDate)
          : '',
      stateText(a),
    ]),
    rule: [
      `A criterion counts as met when rated ${input.settings.metThreshold} or more. An area reaches a level when ${percentText(input.settings.requiredShare)} of its applicable criteria at that level and at every level below it are met; the organisation's level is the lowest of its areas.`,
      `Criteria marked not applicable are left out. A level with nothing applicable neither holds an area back nor lifts it; an area with nothing applicable shows "${NO_APPLICABLE_CRITERIA}" and is left out of the organisation's level.`,
      `A level is provisional only while an unanswered criterion could still change it; "settled" means answers are missing but none could change it ("${PROVISIONAL_WORDS.settled}" on the Summary sheet).`,
    ],
  };
}

/** 31/03/2027 for an Excel date serial (1900 system). */
function excelDateText(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return formatDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** A4 width less two 0.75-inch margins, in twentieths of a point. */
const MARGIN = 1080;
const TEXT_WIDTH = 11906 - 2 * MARGIN;

/** The chart's size in the paper, in pixels at 96 per inch: the width of an A4 text column. */
const CHART = { width: 600, height: 340 };

/** The .docx file's bytes. */
export async function boardPaperDocx(input: BoardPaperInput): Promise<Uint8Array<ArrayBuffer>> {
  // Its own chunk, named so that the bundle scans (test/security) can tell it apart.
  const docx = await import(/* webpackChunkName: "docx" */ 'docx');
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = docx;
  const text = boardPaperText(input);
  const heading = (words: string) => new Paragraph({ text: words, heading: HeadingLevel.HEADING_1 });
  const document = new Document({
    creator: 'Equality self-assessment add-in',
    title: text.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({ text: text.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: text.subtitle, italics: true })] }),
          ...(text.approval === null
            ? []
            : [
                heading('Approval'),
                new Paragraph({ children: [new TextRun({ text: text.approval, bold: true })] }),
              ]),
          heading('Results by area'),
          figuresTable(docx, input, text),
          heading('What the results say'),
          ...text.narrative.map((sentence) => new Paragraph(sentence)),
          heading('Share of applicable criteria met by area and level'),
          chartParagraph(docx, input),
          heading('Top actions'),
          text.actions.length > 0
            ? actionsTable(docx, text)
            : new Paragraph('None: every applicable criterion is met.'),
          heading('How a level is reached'),
          ...text.rule.map((r) => new Paragraph(r)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** The docx library, loaded on demand (a type only here: nothing of it is in the first download). */
type Docx = typeof import('docx');
type PaperText = ReturnType<typeof boardPaperText>;

/** A table cell of one paragraph, in 10-point text. */
function textCell(docx: Docx, value: string, bold = false, right = false) {
  const { AlignmentType, Paragraph, TableCell, TextRun } = docx;
  return new TableCell({
    children: [
      new Paragraph({
        ...(right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun({ text: value, bold, size: 20 })],
      }),
    ],
  });
}

/** The figures table: shares right-aligned, the organisation's row in bold. */
function figuresTable(docx: Docx, input: BoardPaperInput, text: PaperText) {
  const { Table, TableLayoutType, TableRow, WidthType } = docx;
  const nL = input.figures.levelNames.length;
  const isFigure = (i: number) => i > 0 && i <= nL;
  const shareWidth = Math.max(800, Math.floor(3300 / Math.max(1, nL)));
  const fixed = [1800, ...Array.from({ length: nL }, () => shareWidth), 1750, 1450];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [...fixed, Math.max(1200, TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0))],
    rows: [
      new TableRow({ tableHeader: true, children: text.tableHeader.map((h) => textCell(docx, h, true)) }),
      ...text.tableRows.map(
        (r, i) =>
          new TableRow({
            children: r.map((v, j) =>
              textCell(docx, v, i === text.tableRows.length - 1, isFigure(j) || j === r.length - 2),
            ),
          }),
      ),
    ],
  });
}

function actionsTable(docx: Docx, text: PaperText) {
  const { Table, TableLayoutType, TableRow, WidthType } = docx;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [1800, TEXT_WIDTH - 1800 - 1400 - 1250 - 1500, 1400, 1250, 1500],
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Criterion', 'What it needs', 'Owner', 'Target date', 'Status'].map((h) =>
          textCell(docx, h, true),
        ),
      }),
      ...text.actions.map((r) => new TableRow({ children: r.map((v) => textCell(docx, v)) })),
    ],
  });
}

/** The chart as a picture, or where to copy it from when Excel could not give one. */
function chartParagraph(docx: Docx, input: BoardPaperInput) {
  const { ImageRun, Paragraph } = docx;
  if (!input.chart) {
    return new Paragraph(
      'The chart picture could not be made by this version of Excel: copy the chart from the Board summary sheet.',
    );
  }
  return new Paragraph({
    children: [
      new ImageRun({
        type: input.chart.type,
        data: input.chart.data,
        transformation: CHART,
        altText: altText(input),
      }),
    ],
  });
}

function altText(input: BoardPaperInput): { name: string; description: string; title: string } {
  const areas = input.figures.areas
    .map(
      (a) =>
        `${a.name}: ${a.shares.map((s, i) => `${input.figures.levelNames[i] ?? ''} ${percentText(s) || 'n/a'}`).join(', ')}`,
    )
    .join('; ');
  return {
    name: 'Board chart',
    title: 'Share of applicable criteria met by area and level',
    description: `Share of applicable criteria met by area and level. ${areas}.`,
  };
}

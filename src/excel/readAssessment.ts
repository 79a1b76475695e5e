/**
 * Reading an assessment back from the workbook: every response row of every area sheet and the
 * settings on the Start sheet, in two syncs whatever the size (sheet names, then every sheet's
 * used range at once). Values come back raw; the engine decides what they mean.
 */
import type { XlCellValue, XlRange } from './api';
import type { ExcelGateway } from './api';
import { hasSheet, loadSheetNames } from './inspect';
import type { Framework } from '../domain/framework/types';
import {
  RESPONSE_FIELDS,
  type ResponseField,
  type ResponseRow,
  type ScoringSettings,
} from '../domain/responses';
import { columnLetter, quoteSheet, sheetName } from '../workbook/address';
import { AREA_FIRST_DATA_ROW, START_SHEET, areaColumn } from '../workbook/layout';
import { buildStartSheet } from '../workbook/sheets/start';

export interface AreaSheetRead {
  readonly area: number;
  readonly sheet: string;
  /** False when the sheet is missing from the workbook. */
  readonly present: boolean;
}

export interface AssessmentRead {
  readonly responses: readonly ResponseRow[];
  readonly areaSheets: readonly AreaSheetRead[];
  /** The settings the sheet's formulas use, or null when a setting cell does not hold a usable value. */
  readonly settings: ScoringSettings | null;
  readonly organisation: XlCellValue;
  readonly period: XlCellValue;
  /** What stops the settings being read, naming the cell and what it should hold. */
  readonly problems: readonly string[];
}

/** Placeholder settings: only the Start sheet's cell positions are wanted, not its contents. */
const LAYOUT_ONLY = { organisation: '', period: '', metThreshold: 3, requiredShare: 1 };

export async function readAssessment(gateway: ExcelGateway, framework: Framework): Promise<AssessmentRead> {
  const start = buildStartSheet(framework, LAYOUT_ONLY).layout;
  return gateway.run(async (ctx) => {
    const names = loadSheetNames(ctx);
    await ctx.sync();
    const existing = names();

    const areaSheets: AreaSheetRead[] = framework.areas.map((a) => ({
      area: a.number,
      sheet: a.shortName,
      present: hasSheet(existing, a.shortName),
    }));
    const used = new Map<string, XlRange>();
    for (const a of areaSheets) {
      if (!a.present) continue;
      used.set(
        a.sheet,
        ctx.workbook.worksheets.getItem(a.sheet).getUsedRange().load('values, rowIndex, columnIndex'),
      );
    }
    const startPresent = hasSheet(existing, START_SHEET);
    const startSheet = startPresent ? ctx.workbook.worksheets.getItem(START_SHEET) : undefined;
    const cellOf = (address: string) => startSheet?.getRange(address).load('values');
    const organisation = cellOf(start.organisation);
    const period = cellOf(start.period);
    const threshold = cellOf(start.metThreshold);
    const share = cellOf(start.requiredShare);
    await ctx.sync();

    const responses = areaSheets.flatMap((a) => {
      const range = used.get(a.sheet);
      return range ? rowsFrom(a.sheet, range) : [];
    });
    const problems: string[] = [];
    if (!startPresent) problems.push(`The ${START_SHEET} sheet is missing, so the settings cannot be read.`);
    const metThreshold = numberIn(
      threshold,
      start.metThreshold,
      'the lowest rating that counts as met',
      problems,
    );
    const requiredShare = numberIn(share, start.requiredShare, 'the share of criteria to meet', problems);
    if (requiredShare !== null && !(requiredShare > 0 && requiredShare <= 1)) {
      problems.push(
        `${START_SHEET}!${start.requiredShare} should hold a share above 0% and at most 100%; it holds ${requiredShare}.`,
      );
    }
    const settings =
      metThreshold !== null && requiredShare !== null && problems.length === 0
        ? { metThreshold, requiredShare }
        : null;
    return {
      responses,
      areaSheets,
      settings,
      organisation: organisation?.values[0]?.[0] ?? '',
      period: period?.values[0]?.[0] ?? '',
      problems,
    };
  });
}

function numberIn(
  range: XlRange | undefined,
  address: string,
  what: string,
  problems: string[],
): number | null {
  if (!range) return null;
  const value = range.values[0]?.[0];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push(
    `${START_SHEET}!${address} should hold a number, ${what}; it holds ${JSON.stringify(value ?? '')}.`,
  );
  return null;
}

/** Response rows of one area sheet's used range: every row from the first data row with anything in it. */
function rowsFrom(sheet: string, used: XlRange): ResponseRow[] {
  const rows: ResponseRow[] = [];
  const quoted = quoteSheet(sheetName(sheet));
  const valueAt = (line: readonly XlCellValue[], column: number): XlCellValue =>
    line[column - 1 - used.columnIndex] ?? '';
  used.values.forEach((line, i) => {
    const rowNumber = used.rowIndex + i + 1;
    if (rowNumber < AREA_FIRST_DATA_ROW) return;
    const id = valueAt(line, areaColumn('id'));
    const fields = Object.fromEntries(
      RESPONSE_FIELDS.map((f) => [f, valueAt(line, areaColumn(f))]),
    ) as Record<ResponseField, XlCellValue>;
    const empty = id === '' && RESPONSE_FIELDS.every((f) => fields[f] === '');
    if (empty) return;
    const cells = Object.fromEntries(
      (['id', ...RESPONSE_FIELDS] as const).map((f) => [
        f,
        `${quoted}!${columnLetter(areaColumn(f))}${rowNumber}`,
      ]),
    ) as Record<ResponseField | 'id', string>;
    rows.push({ criterionId: String(id).trim(), ...fields, cells });
  });
  return rows;
}

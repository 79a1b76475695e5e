/**
 * What an officer can leave in a rating or review-date cell, typed or pasted: numbers, numbers
 * stored as text, labels, dates in several forms, invisible characters, error values, booleans
 * and formula-like text. Written through Range.values, as typing is: "'..." stays text (an
 * apostrophe, or a paste into a cell formatted as text), "=..." is a formula, "3" becomes 3.
 * test/excel/oneReading.test.ts (the fake) and test/libreoffice/oneReading.test.ts use it.
 */
import type { XlCellValue } from '../../src/excel/api';
import type { PlanCell } from '../../src/workbook/plan';

export interface TypedValue {
  readonly name: string;
  readonly typed: XlCellValue;
}

/** Excel's serial number for the local calendar day `days` from today. */
export function serialFromToday(days: number): number {
  const now = new Date();
  const utc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return Math.round(utc / 86_400_000) + 25_569;
}

/** dd/mm/yyyy for the day `days` from today. */
function dayText(days: number, sep = '/'): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return `${dd}${sep}${mm}${sep}${d.getFullYear()}`;
}

function isoText(days: number): string {
  const [dd, mm, yyyy] = dayText(days).split('/');
  return `${yyyy ?? ''}-${mm ?? ''}-${dd ?? ''}`;
}

const v = (name: string, typed: XlCellValue): TypedValue => ({ name, typed });

const numbers: TypedValue[] = [
  ...[-1, 0, 1, 2, 3, 4, 5, 6, 10, 0.5, 1.5, 3.5, 3.25, 4.0000001, 1e-300, 1e15, -0.0000001].map((n) =>
    v(`the number ${n}`, n),
  ),
  // Arithmetic noise, as a formula in the cell leaves it, and a little more than noise.
  v('0.1*30 (3.0000000000000004)', 0.1 * 30),
  v('3.3-0.3 (2.9999999999999996)', 3.3 - 0.3),
  v('0.7+0.1+0.1+0.1 (0.9999999999999999)', 0.7 + 0.1 + 0.1 + 0.1),
  v('1.1+0.9 (2.0000000000000004 or 2)', 1.1 + 0.9),
  v('3.0000000004', 3.0000000004),
  v('3.001', 3.001),
  v('2.999999998', 2.999999998),
  v('formula =0.1*30', '=0.1*30'),
  v('formula =3.3-0.3', '=3.3-0.3'),
  v('formula =0.1+0.2', '=0.1+0.2'),
  v('formula =1+3', '=1+3'),
  v('formula =2*2', '=2*2'),
  // Small numbers and the edges of Excel's dates.
  ...[31, 60, 100, 366, 367, 2958465, 2958466, 3e6].map((n) => v(`the number ${n}`, n)),
];

const scaleForms: TypedValue[] = [1, 2, 3, 4].flatMap((n) => [
  v(`"${n}" typed`, String(n)),
  v(`"${n}" as text`, `'${n}`),
  v(`"0${n}" as text`, `'0${n}`),
  v(`"${n}.0" as text`, `'${n}.0`),
  v(`" ${n} " as text`, `' ${n} `),
  v(`"${n}" with a zero-width space`, `${n}\u200b`),
  v(`"${n}" after a non-breaking space`, `\u00a0${n}`),
  v(`"${n}" and a tab`, `'${n}\t`),
  v(`"${n}" and a line break`, `${n}\n`),
  v(`"${n}" after a byte order mark`, `\ufeff${n}`),
]);

const labels: TypedValue[] = [
  'N/A',
  "'N/A",
  'n/a',
  'NA',
  'N/A ',
  ' N/A',
  'N / A',
  'Not applicable',
  'not applicable',
  'N/A\u200b',
  'In place and effective',
  'in place and effective',
  '4 (In place and effective)',
  '4 - In place and effective',
  '4: In place and effective',
  '3 (In place and effective)',
  'In place',
  'four',
  'Three',
  'Yes',
  'No',
  'Met',
  'TBC',
  'tbc',
  'Q3 2026',
  'next March',
  'ongoing',
  'See notes',
  '-',
  '?',
  'x',
  'Ünïcödé ✓',
  'غير متوفر',
].map((text) => v(`the text ${JSON.stringify(text)}`, text));

const dates: TypedValue[] = [
  ...[-400, -31, -1, 0, 1, 30, 400].flatMap((days) => [
    v(`the date ${days} days from today`, serialFromToday(days)),
    v(`the date ${days} days from today at 18:00`, serialFromToday(days) + 0.75),
    v(`"${dayText(days)}" as text`, `'${dayText(days)}`),
    v(`"${dayText(days)}" typed`, dayText(days)),
    v(`"${isoText(days)}" as text`, `'${isoText(days)}`),
    v(`"${isoText(days)}" typed`, isoText(days)),
    v(`"${dayText(days, '-')}" as text`, `'${dayText(days, '-')}`),
  ]),
  v('"01/04/2026" as text', "'01/04/2026"),
  v('"1/4/2026" as text', "'1/4/2026"),
  v('"31/02/2027" as text', "'31/02/2027"),
  v('"29/02/2023" as text', "'29/02/2023"),
  v('"31/03/27" as text', "'31/03/27"),
  v('"03/31/2027" as text', "'03/31/2027"),
  v('"31 March 2027" as text', "'31 March 2027"),
  v('"March 2027" as text', "'March 2027"),
  v('" 31/03/2027 " as text', "' 31/03/2027 "),
  v('"31/03/2027" with a zero-width space', '31/03/2027\u200b'),
  v('formula =TODAY()', '=TODAY()'),
  v('formula =TODAY()-1', '=TODAY()-1'),
  v('formula =TODAY()+1', '=TODAY()+1'),
  v('formula =DATE(2026,4,1)', '=DATE(2026,4,1)'),
];

const blanksAndInvisible: TypedValue[] = [
  v('empty', ''),
  v('spaces', '   '),
  v('one space as text', "' "),
  v('a zero-width space', '\u200b'),
  v('a non-breaking space', '\u00a0'),
  v('a tab', "'\t"),
  v('a line break', '\n'),
  v('a soft hyphen', '\u00ad'),
  v('a word joiner', '\u2060'),
  v('formula =""', '=""'),
];

const errorsAndBooleans: TypedValue[] = [
  v('formula =NA()', '=NA()'),
  v('formula =1/0', '=1/0'),
  v('formula =SQRT(-1)', '=SQRT(-1)'),
  v('formula =1+"x"', '=1+"x"'),
  v('"#N/A" as text', "'#N/A"),
  v('"#REF!" as text', "'#REF!"),
  v('TRUE', true),
  v('FALSE', false),
  v('formula =TRUE()', '=TRUE()'),
  v('formula =FALSE()', '=FALSE()'),
  v('"TRUE" as text', "'TRUE"),
  v('"3" from a formula', '="3"'),
  v('"N/A" from a formula', '="N/A"'),
];

const formulaLikeText: TypedValue[] = [
  "'=1+3",
  "'=SUM(A1)",
  "'+4",
  "'-1",
  "'@3",
  "'=3",
  "'3+0",
  "'1e0",
  "'4,0",
  "'3.",
  "'.3",
  "'3 4",
].map((text) => v(`the text ${JSON.stringify(text.slice(1))}`, text));

export const TYPED_VALUES: readonly TypedValue[] = [
  ...numbers,
  ...scaleForms,
  ...labels,
  ...dates,
  ...blanksAndInvisible,
  ...errorsAndBooleans,
  ...formulaLikeText,
];

/**
 * The same value as a cell of the plan written to an .xlsx file (strings there are always literal
 * text), or undefined when only typing gives it meaning (a typed "3" or ISO date that Excel would
 * convert): those are left to the test on the fake.
 */
export function asFileCell(typed: XlCellValue): PlanCell | undefined {
  if (typeof typed === 'number' || typeof typed === 'boolean') return typed;
  if (typed.startsWith("'")) return typed.slice(1);
  if (typed.startsWith('=')) return { formula: typed };
  if (typed === '') return null;
  // Typed text that Excel keeps as text whatever the locale: no digit at all.
  return /\d/u.test(typed) ? undefined : typed;
}

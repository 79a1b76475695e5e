/**
 * Cell values for fuzzing: everything Office.js or a file reader can hand over, weighted towards
 * the awkward (Excel error texts with stray spaces, date serials, huge and unicode text, numbers
 * at the edges of floating point), plus values from outside the type system (objects, arrays,
 * symbols-turned-strings) that a broken host or a hand-made file might still produce.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/domain/responses';
import { EXCEL_ERROR_VALUES } from '../../src/domain/rating';
import { anyCellValueArb } from '../builders/arbitraries';

const EXCEL_ERROR_TEXTS = EXCEL_ERROR_VALUES;

/** An Excel error as text, sometimes padded or in lower case (a pasted value, not a live error). */
const excelErrorArb: fc.Arbitrary<CellValue> = fc
  .record({
    error: fc.constantFrom(...EXCEL_ERROR_TEXTS),
    pad: fc.constantFrom('', ' ', '\u00a0', '\t'),
    lower: fc.boolean(),
  })
  .map(({ error, pad, lower }) => `${pad}${lower ? error.toLowerCase() : error}${pad}`);

/** Excel date serials, whole and with a time of day, in and around the range readDate accepts. */
const dateSerialArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.double({ min: 0, max: 3_000_000, noNaN: true }),
  fc.constantFrom(0, 1, 59, 60, 61, 366, 367, 45_382, 45_382.5, 2_958_465, 2_958_466),
);

/** Text a person might type, paste or import, including numbers as text and formulas as text. */
const textArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...' 0123456789.-+eE,/:'.split('')), maxLength: 12 }),
  fc.constantFrom(
    '=1+1',
    '+4',
    '-4',
    '@SUM(A1)',
    '=HYPERLINK("https://example.org","x")',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{constructor.constructor("return 1")()}}',
    '__proto__',
    'constructor',
    'toString',
    '4\u0000',
    '\ud800',
    '\udc00',
    '4\u200b',
    '\u0664',
    '\uff14',
    'Ⅳ',
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    '4'.repeat(400),
  ),
);

/** Text at Excel's limit of 32,767 characters a cell, made of any graphemes. */
const hugeTextArb: fc.Arbitrary<CellValue> = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 3 })
  .map((s) => s.repeat(Math.ceil(32_767 / s.length)).slice(0, 32_767));

/** Values a broken host could hand over in spite of the type: objects, arrays, functions. */
const outsideTheTypeArb: fc.Arbitrary<CellValue> = fc
  .constantFrom<unknown>(
    {},
    [],
    [4],
    { valueOf: () => 4 },
    {
      toString() {
        throw new Error('toString throws');
      },
    },
    Object.create(null),
    BigInt(4),
    Symbol('cell'),
    () => 4,
  )
  .map((value) => value as CellValue);

/** One cell, for the readers: huge text about one time in forty (a few hundred times a run). */
export const fuzzCellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: anyCellValueArb },
  { weight: 8, arbitrary: excelErrorArb },
  { weight: 8, arbitrary: dateSerialArb },
  { weight: 12, arbitrary: textArb },
  { weight: 1, arbitrary: hugeTextArb },
  { weight: 4, arbitrary: outsideTheTypeArb },
);

/**
 * The cells of whole assessments (hundreds of cells a case): the same kinds, with huge text rare
 * enough that a case stays fast but most cases still hold one.
 */
export const rowCellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 30, arbitrary: anyCellValueArb.filter((v) => typeof v !== 'string' || v.length < 1000) },
  { weight: 20, arbitrary: excelErrorArb },
  { weight: 20, arbitrary: dateSerialArb },
  { weight: 30, arbitrary: textArb },
  { weight: 1, arbitrary: hugeTextArb },
  { weight: 10, arbitrary: outsideTheTypeArb },
);

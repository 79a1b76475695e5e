import { compareDates, excelSerialOf, formatDate, readDate } from '../../../src/domain/dates';
import type { CellValue } from '../../../src/domain/responses';

describe('readDate: dates', () => {
  test.each<[string, CellValue, string]>([
    ['an Excel serial number', 46477, '31/03/2027'],
    ['a serial with a time of day', 46477.75, '31/03/2027'],
    ['the first serial accepted', 367, '01/01/1901'],
    ['the last serial accepted', 2958465, '31/12/9999'],
    ['a leap day serial', 45351, '29/02/2024'],
    ['a Date', new Date(2027, 2, 31, 15, 30), '31/03/2027'],
    ['dd/mm/yyyy', '31/03/2027', '31/03/2027'],
    ['d/m/yyyy', '1/3/2027', '01/03/2027'],
    ['yyyy-mm-dd', '2027-03-31', '31/03/2027'],
    ['text with spaces around', ' 31/03/2027 ', '31/03/2027'],
    ['a leap day as text', '29/02/2024', '29/02/2024'],
  ])('%s', (_name, raw, expected) => {
    const reading = readDate(raw);
    expect(reading.kind).toBe('date');
    expect(reading.kind === 'date' && formatDate(reading.date)).toBe(expected);
  });

  test.each<[CellValue]>([[null], [undefined], [''], ['  ']])('%j is blank', (raw) => {
    expect(readDate(raw)).toEqual({ kind: 'blank' });
  });
});

describe('readDate: not dates', () => {
  test.each<[string, CellValue]>([
    ['a day that does not exist', '31/02/2027'],
    ['29 February in a common year', '29/02/2023'],
    ['month 13', '01/13/2027'],
    ['US order that is not a real day in UK order', '03/31/2027'],
    ['dashes in UK order', '31-03-2027'],
    ['ISO with one-digit month', '2027-3-31'],
    ['words', 'next March'],
    ['a two-digit year', '31/03/27'],
    ['a serial before 1901', 366],
    ['serial 60 (Excel phantom 29/02/1900)', 60],
    ['zero', 0],
    ['a negative number', -5],
    ['a serial past 9999', 2958466],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a boolean', true],
    ['an invalid Date', new Date(Number.NaN)],
    ['an Excel error', '#VALUE!'],
  ])('%s', (_name, raw) => {
    const reading = readDate(raw);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.message).toContain('expected a date such as 31/03/2027');
  });
});

describe('date helpers', () => {
  test('compareDates orders by year, then month, then day', () => {
    expect(compareDates({ year: 2027, month: 3, day: 31 }, { year: 2027, month: 4, day: 1 })).toBeLessThan(0);
    expect(
      compareDates({ year: 2028, month: 1, day: 1 }, { year: 2027, month: 12, day: 31 }),
    ).toBeGreaterThan(0);
    expect(compareDates({ year: 2027, month: 3, day: 31 }, { year: 2027, month: 3, day: 31 })).toBe(0);
  });

  test('excelSerialOf is the inverse of reading a serial', () => {
    expect(excelSerialOf({ year: 2027, month: 3, day: 31 })).toBe(46477);
    expect(excelSerialOf({ year: 1901, month: 1, day: 1 })).toBe(367);
  });
});

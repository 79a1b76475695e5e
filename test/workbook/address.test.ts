import {
  absolute,
  splitCellReference,
  cell,
  columnLetter,
  columnNumber,
  parseCell,
  parseRange,
  quoteSheet,
  rect,
  ref,
  sheetName,
  sheetNameProblem,
} from '../../src/workbook/address';

describe('columns', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s and back', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it.each([0, -1, 16385, 1.5])('rejects column %p', (n) => {
    expect(() => columnLetter(n)).toThrow(RangeError);
  });

  it('rejects a column past XFD', () => {
    expect(() => columnNumber('XFE')).toThrow(/outside/);
  });
});

describe('cells and ranges', () => {
  it('builds single cells and rectangles', () => {
    expect(cell(5, 2)).toBe('B5');
    expect(rect(5, 2, 1, 1)).toBe('B5');
    expect(rect(5, 2, 36, 7)).toBe('B5:H40');
  });

  it('rejects rows outside the sheet and empty rectangles', () => {
    expect(() => cell(0, 1)).toThrow(RangeError);
    expect(() => cell(1048577, 1)).toThrow(RangeError);
    expect(() => rect(1, 1, 0, 1)).toThrow(RangeError);
  });

  it('makes addresses absolute', () => {
    expect(absolute(rect(5, 2, 36, 7))).toBe('$B$5:$H$40');
  });

  it('parses what it builds, with or without $ and sheet', () => {
    expect(parseCell('$AB$12')).toEqual({ row: 12, column: 28 });
    expect(parseRange("'My sheet'!B5:H40")).toEqual({ row: 5, column: 2, rows: 36, columns: 7 });
    expect(parseRange('H40:B5')).toEqual({ row: 5, column: 2, rows: 36, columns: 7 });
    expect(() => parseCell('5B')).toThrow(/not a cell/);
  });
});

describe('sheet names', () => {
  it.each([
    ['', /empty/],
    ['x'.repeat(32), /longer than 31/],
    ['a/b', /contains/],
    ['a[1]', /contains/],
    ['What?', /contains/],
    ["'quoted", /apostrophe/],
    ['History', /reserves/],
    ['history', /reserves/],
  ])('rejects %p', (name, message) => {
    expect(sheetNameProblem(name)).toMatch(message);
    expect(() => sheetName(name)).toThrow(RangeError);
  });

  it.each(['Leadership', 'Knowing customers', "Officer's notes", 'x'.repeat(31)])('accepts %p', (name) => {
    expect(sheetNameProblem(name)).toBeNull();
  });

  it('quotes every sheet reference and doubles apostrophes', () => {
    expect(quoteSheet(sheetName('Start'))).toBe("'Start'");
    expect(ref(sheetName("Officer's notes"), cell(2, 2))).toBe("'Officer''s notes'!B2");
  });
});

describe('splitCellReference', () => {
  it('reads back what ref writes, apostrophes included', () => {
    expect(splitCellReference(ref(sheetName("Officer's notes"), cell(2, 2)))).toEqual({
      sheet: "Officer's notes",
      address: 'B2',
    });
    expect(splitCellReference('Summary!C5')).toEqual({ sheet: 'Summary', address: 'C5' });
  });

  it('refuses a reference that is not to a single cell', () => {
    expect(() => splitCellReference("'Start'!B2:B5")).toThrow(RangeError);
  });
});

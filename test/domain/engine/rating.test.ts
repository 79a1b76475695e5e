import { canonicalRating, expectedRatingText, readRating } from '../../../src/domain/rating';
import type { CellValue } from '../../../src/domain/responses';
import { DEFAULT_RATING_SCALE } from '../../builders/framework';

const scale = DEFAULT_RATING_SCALE;
const EXPECTED = 'expected a rating 1 to 4 or N/A';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('readRating: what counts as it stands', () => {
  test.each<[string, CellValue, number]>([
    ['1', 1, 1],
    ['2', 2, 2],
    ['3', 3, 3],
    ['4', 4, 4],
    ['4.0 (Excel hands over 4)', 4.0, 4],
    // Arithmetic noise: what a cell shows as the scale value counts as it (RATING_DECIMALS).
    ['=0.1*30 (3.0000000000000004)', 0.1 * 30, 3],
    ['=3.3-0.3 (2.9999999999999996)', 3.3 - 0.3, 3],
    ['=0.7+0.1+0.1+0.1 (0.9999999999999999)', 0.7 + 0.1 + 0.1 + 0.1, 1],
    ['3.0000000004 (off in the tenth decimal place)', 3.0000000004, 3],
  ])('the number %s is rated', (_name, raw, value) => {
    expect(readRating(raw, scale)).toEqual({ kind: 'rated', value });
  });

  test('exactly the not-applicable label is N/A', () => {
    expect(readRating('N/A', scale)).toEqual({ kind: 'na' });
  });

  test.each<[string, CellValue]>([
    ['null', null],
    ['undefined', undefined],
    ['empty text', ''],
    ['spaces', '   '],
  ])('%s is blank', (_name, raw) => {
    expect(readRating(raw, scale)).toEqual({ kind: 'blank' });
  });

  // Excel's TRIM (which the sheet's formulas use) removes only ordinary spaces, so a cell that
  // looks empty but holds a tab or a non-breaking space is not blank to the sheet either.
  test.each<[string, CellValue]>([
    ['tab and newline', '\t\n'],
    ['non-breaking space', '\u00a0'],
  ])('%s only is invalid, with a message about invisible characters and no fix', (_name, raw) => {
    const reading = readRating(raw, scale);
    expect(reading.kind).toBe('invalid');
    if (reading.kind !== 'invalid') return;
    expect(reading.message).toContain('only invisible characters');
    expect(reading.fix).toBeUndefined();
  });
});

describe('readRating: near misses carry the value a fix would write', () => {
  test.each<[CellValue, number | string]>([
    [' 4 ', 4],
    ['4', 4],
    ['4.0', 4],
    ['04', 4],
    ['1', 1],
    ['4 - In place and effective', 4],
    ['4 \u2013 In place and effective', 4],
    ['4: In place and effective', 4],
    ['3 - In place but needs improving', 3],
    ['1 - not in place', 1],
    ['in place and effective', 4],
    ['  IN PLACE   and Effective ', 4],
    ['Currently being established', 2],
    ['n/a', 'N/A'],
    ['NA', 'N/A'],
    ['na', 'N/A'],
    ['Not applicable', 'N/A'],
    ['NOT APPLICABLE', 'N/A'],
    ['N.A.', 'N/A'],
    [' N/A ', 'N/A'],
    // The add-in's own wording of a rating, as its messages and Fix buttons show it.
    ['4 (In place and effective)', 4],
    ['2 (currently being established)', 2],
    // Invisible characters from a web page or a PDF: removed by the fix.
    ['3\u200b', 3],
    ['\ufeff4', 4],
    ['N/A\u200b', 'N/A'],
  ])('%j is invalid with fix %j', (raw, fix) => {
    const reading = readRating(raw, scale);
    expect(reading).toMatchObject({ kind: 'invalid', raw, fix });
    expect(reading.kind === 'invalid' && reading.message).toContain('can become');
  });

  test.each<[string, string]>([
    ['3', 'a number stored as text'],
    [' 4 ', 'a number stored as text'],
    ['3\u200b', 'it holds an invisible character, a zero-width space'],
    ['\ufeff4', 'it holds an invisible character, a zero-width no-break space'],
    ['in\u00adplace and effective', 'it holds an invisible character, a soft hyphen'],
  ])('%j says why it is not the value it looks like: %s', (raw, why) => {
    const reading = readRating(raw, scale);
    expect(reading.kind === 'invalid' && reading.message).toContain(`(${why})`);
  });

  test('a plain label is not called a number or invisible', () => {
    const reading = readRating('in place and effective', scale);
    expect(reading.kind === 'invalid' && reading.message).toBe(
      '"in place and effective" is not a rating as typed; it can become 4 (In place and effective)',
    );
  });
});

describe('readRating: anything else is invalid, with no fix', () => {
  test.each<[string, CellValue, string]>([
    ['a number above the scale', 5, '5 is not on the rating scale'],
    ['zero', 0, '0 is not on the rating scale'],
    ['a fraction', 3.5, '3.5 is not on the rating scale'],
    ['3.001 (more than noise)', 3.001, '3.001 is not on the rating scale'],
    ['2.999999998 (off in the ninth decimal place)', 2.999999998, '2.999999998 is not on the rating scale'],
    ['a negative number', -1, '-1 is not on the rating scale'],
    ['NaN', Number.NaN, 'not valid (NaN)'],
    ['Infinity', Number.POSITIVE_INFINITY, 'an infinite number'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'an infinite number'],
    ['TRUE', true, 'the logical value TRUE'],
    ['FALSE', false, 'the logical value FALSE'],
    ['a Date', new Date(2027, 2, 31), 'the date 31/03/2027'],
    ['an invalid Date', new Date(Number.NaN), 'an invalid date'],
    ['#N/A (an error, not N/A)', '#N/A', 'Excel error'],
    ['#REF!', '#REF!', 'Excel error'],
    ['#VALUE!', '#VALUE!', 'Excel error'],
    ['#DIV/0!', '#DIV/0!', 'Excel error'],
    ['text 5', '5', '"5" is not on the rating scale'],
    ['text 3.5', '3.5', '"3.5" is not a rating'],
    ['a word', 'four', '"four" is not a rating'],
    ['part of a label', 'In place', '"In place" is not a rating'],
    ['a number and an unknown label', '4 - done', '"4 - done" is not a rating'],
    ['a signed number', '+4', '"+4" is not a rating'],
    [
      'text 7 with a zero-width space',
      '7\u200b',
      '"7\u200b" is not on the rating scale (it holds an invisible character, a zero-width space)',
    ],
  ])('%s', (_name, raw, found) => {
    const reading = readRating(raw, scale);
    expect(reading.kind).toBe('invalid');
    if (reading.kind !== 'invalid') return;
    expect(reading.fix).toBeUndefined();
    expect(reading.message).toContain(found);
    expect(reading.message).toContain(EXPECTED);
  });

  test('a number and a label that disagree are not a certain near miss', () => {
    const reading = readRating('3 - In place and effective', scale);
    expect(reading.kind === 'invalid' && reading.fix).toBeUndefined();
    expect(reading.kind === 'invalid' && reading.message).toMatch(/disagree/);
  });

  test('a 10,000-character string gives a short message that says how long it was', () => {
    const reading = readRating('x'.repeat(10_000), scale);
    const message = reading.kind === 'invalid' ? reading.message : '';
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('(10000 characters)');
  });

  test('a long run of emoji is cut between emoji, never inside one', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
    const reading = readRating(family.repeat(100), scale);
    const message = reading.kind === 'invalid' ? reading.message : '';
    expect(message).not.toMatch(LONE_SURROGATE);
    expect(message).toContain(`${family.repeat(40)}…`);
    expect(message).not.toContain(family.repeat(41));
  });

  test('right-to-left text is isolated so it cannot reorder the message', () => {
    const reading = readRating('غير متوفر', scale);
    expect(reading.kind === 'invalid' && reading.message).toContain('"\u2068غير متوفر\u2069"');
  });

  test('a right-to-left override in the value is closed off by the isolate', () => {
    const reading = readRating('\u202e4', scale);
    expect(reading.kind === 'invalid' && reading.message).toMatch(/^"\u2068\u202e4\u2069"/);
  });

  test('half an emoji (a lone surrogate) is shown as a replacement character', () => {
    const reading = readRating('a\ud83d', scale);
    expect(reading.kind === 'invalid' && reading.message).toContain('"a\ufffd"');
  });

  test('line breaks in the value do not break the message onto new lines', () => {
    const reading = readRating('4\nlater', scale);
    expect(reading.kind === 'invalid' && reading.message).not.toMatch(/[\n\r]/);
  });
});

describe('expectedRatingText', () => {
  test('names a run of whole numbers as a range', () => {
    expect(expectedRatingText(scale)).toBe('a rating 1 to 4 or N/A');
  });

  test('lists values that are not a run', () => {
    const gappy = {
      ...scale,
      points: [
        { value: 4, label: 'Four' },
        { value: 1, label: 'One' },
        { value: 2, label: 'Two' },
      ],
    };
    expect(expectedRatingText(gappy)).toBe('a rating 1, 2 or 4 or N/A');
  });
});

describe('canonicalRating', () => {
  test.each<[CellValue, CellValue]>([
    [3, 3],
    ['N/A', 'N/A'],
    [null, ''],
    [' 4 ', 4],
    ['n/a', 'N/A'],
    ['#REF!', '#REF!'],
    [5, 5],
  ])('the value written back for %j is %j', (raw, written) => {
    expect(canonicalRating(readRating(raw, scale), scale)).toEqual(written);
  });
});

/**
 * The framework kept in the meta sheet: written in parts within Excel's cell limit, read back
 * whole, and refused by cell when a part is lost or edited.
 */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { loadFramework } from '../../src/domain/framework/loader';
import { frameworkJson } from '../../src/domain/framework/toFile';
import { MAX_FRAMEWORK_CHARS } from '../../src/domain/index';
import {
  readStoredFrameworkText,
  splitText,
  STORED_FRAMEWORK_RANGE,
  STORED_MAX_PARTS,
  STORED_PART_CHARS,
  storedFrameworkRows,
  textChecksum,
} from '../../src/workbook/storedFramework';
import { parseRange } from '../../src/workbook/address';
import type { PlanCell } from '../../src/workbook/plan';
import type { SheetValue } from '../../src/workbook/snapshot';

/** The rows as Excel hands them back: every cell of the range, empty ones as ''. */
function asRead(rows: readonly (readonly PlanCell[])[]): SheetValue[][] {
  const { rows: height } = parseRange(STORED_FRAMEWORK_RANGE);
  return Array.from({ length: height }, (_, r) => [0, 1].map((c) => (rows[r]?.[c] ?? '') as SheetValue));
}

const draft = bundledFrameworks.draft2009;

describe('the stored framework block', () => {
  it('keeps every cell within Excel’s 32,767 characters and has room for the largest framework the loader takes', () => {
    expect(STORED_PART_CHARS).toBeLessThanOrEqual(32_767);
    expect(STORED_MAX_PARTS * STORED_PART_CHARS).toBeGreaterThanOrEqual(MAX_FRAMEWORK_CHARS);
    const long = frameworkJson(draft).repeat(3);
    const rows = storedFrameworkRows(long);
    for (const row of rows)
      for (const value of row)
        if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(STORED_PART_CHARS);
    expect(rows[3]?.[1]).toBe(Math.ceil(long.length / STORED_PART_CHARS));
    expect(readStoredFrameworkText(asRead(rows))).toMatchObject({ kind: 'text', text: long });
  });

  it('reads back the text it wrote, and the loader gives the same framework again', () => {
    for (const framework of Object.values(bundledFrameworks)) {
      const json = frameworkJson(framework);
      const read = readStoredFrameworkText(asRead(storedFrameworkRows(json)));
      expect(read).toEqual({ kind: 'text', text: json, where: expect.stringMatching(/^EqMeta!H5(:H\d+)?$/) });
      const loaded = read.kind === 'text' ? loadFramework(read.text, 'stored') : undefined;
      expect(loaded).toEqual({ ok: true, framework });
    }
  });

  it('never splits a character that takes two UTF-16 units', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(5);
    const parts = splitText(text, 10);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('says "none" for a workbook made before the framework was kept in it', () => {
    expect(readStoredFrameworkText(asRead([]))).toEqual({ kind: 'none' });
  });

  it('names the cell when a part is lost, cut short or edited', () => {
    const json = frameworkJson(draft);
    // Parts smaller than the workbook's, so the draft takes several.
    const rows = storedFrameworkRows(json, Math.ceil(json.length / 2));
    const lost = asRead(rows);
    lost[5] = ['part 2', ''];
    expect(readStoredFrameworkText(lost)).toEqual({
      kind: 'damaged',
      problems: ['EqMeta!H6 should hold part 2 of the stored framework but is empty.'],
    });

    const cut = asRead(rows);
    cut[4] = ['part 1', String(cut[4]?.[1]).slice(0, 100)];
    const cutRead = readStoredFrameworkText(cut);
    expect(cutRead.kind === 'damaged' && cutRead.problems[0]).toMatch(
      new RegExp(
        `^The stored framework in EqMeta!H5:H6 is \\d+ characters long but EqMeta!H2 says ${json.length}`,
      ),
    );

    const edited = asRead(rows);
    edited[4] = ['part 1', String(edited[4]?.[1]).replace('Leadership', 'Leadershit')];
    const editedRead = readStoredFrameworkText(edited);
    expect(editedRead.kind === 'damaged' && editedRead.problems).toEqual([
      'The stored framework in EqMeta!H5:H6 does not match the checksum in EqMeta!H3: it was changed after the add-in wrote it.',
    ]);

    const cleared = asRead(rows);
    cleared[1] = ['characters', ''];
    cleared[3] = ['parts', 'two'];
    expect(readStoredFrameworkText(cleared)).toEqual({
      kind: 'damaged',
      problems: [
        'EqMeta!H2 should hold the stored framework’s length in characters but holds nothing.',
        'EqMeta!H4 should hold how many cells the stored framework takes (1 to 170) but holds "two".',
      ],
    });
  });

  it('has a checksum that changes with a single character', () => {
    expect(textChecksum('abc')).toMatch(/^[0-9a-f]{8}$/);
    expect(textChecksum('abc')).not.toBe(textChecksum('abd'));
    expect(textChecksum('ab')).not.toBe(textChecksum('ba'));
  });
});

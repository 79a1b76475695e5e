/**
 * The full Check's decision on page headers, without Excel: a sheet the add-in prints (its footer
 * and centre header are the add-in's) whose header no longer names the Start sheet's organisation
 * and period is stale; anything else is left alone.
 */
import { FOOTER_LEFT, printedForHeader, type PrintedFor } from '../../src/workbook/print';
import type { PageHeaderSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { staleHeaders } from '../../src/workbook/staleHeaders';

function addInHeader(sheet: string, who: PrintedFor): PageHeaderSnapshot {
  const header = printedForHeader(who);
  return {
    sheet,
    leftHeader: header.left,
    centerHeader: header.center,
    rightHeader: header.right,
    leftFooter: FOOTER_LEFT,
  };
}

function snapshot(
  start: PrintedFor | null,
  pageHeaders: readonly PageHeaderSnapshot[] | undefined,
): WorkbookSnapshot {
  return {
    sheetNames: (pageHeaders ?? []).map((h) => h.sheet),
    meta: null,
    areas: new Map(),
    start: start ? { ...start, metThreshold: 3, requiredShare: 0.8 } : null,
    summary: null,
    ...(pageHeaders ? { pageHeaders } : {}),
  };
}

const generated = { organisation: 'Riverside Homes', period: '2026/27' };

describe('stale page headers', () => {
  it('are none while every add-in header names the Start sheet', () => {
    const headers = ['Start', 'Summary', 'Leadership'].map((s) => addInHeader(s, generated));
    expect(staleHeaders(snapshot(generated, headers))).toEqual([]);
  });

  it('names each add-in sheet behind a changed organisation, with what it says and what the Start sheet says', () => {
    const headers = ['Start', 'Summary'].map((s) => addInHeader(s, generated));
    const now = { organisation: 'Hill & Dale Housing', period: '2026/27' };
    const stale = staleHeaders(snapshot(now, headers));
    expect(stale.map((s) => s.sheet)).toEqual(['Start', 'Summary']);
    expect(stale[1]?.message).toBe(
      'The printed pages of "Summary" are headed "Riverside Homes", Period 2026/27, but the Start sheet now ' +
        'says "Hill & Dale Housing", Period 2026/27. Page headers do not follow the Start sheet by themselves: ' +
        'the add-in writes them.',
    );
    // The fix carries what it saw (so a header edited since is left alone) and what to write.
    expect(stale[1]?.fix).toEqual({
      kind: 'page-header',
      sheet: 'Summary',
      found: { leftHeader: 'Riverside Homes', rightHeader: 'Period 2026/27' },
      who: now,
    });
  });

  it('finds a changed period, and says when the Start sheet names none', () => {
    const headers = [addInHeader('Summary', generated)];
    expect(staleHeaders(snapshot({ ...generated, period: '2027/28' }, headers))).toHaveLength(1);
    const blank = staleHeaders(snapshot({ organisation: '', period: '' }, headers));
    expect(blank[0]?.message).toContain('now says no organisation and no period.');
  });

  it('reads a header with an ampersand as it prints (Excel doubles it in the header code)', () => {
    const who = { organisation: 'Hill & Dale Housing', period: '2026/27' };
    const headers = [addInHeader('Summary', who)];
    expect(headers[0]?.leftHeader).toBe('Hill && Dale Housing');
    expect(staleHeaders(snapshot(who, headers))).toEqual([]);
    const moved = staleHeaders(snapshot(generated, headers));
    expect(moved[0]?.message).toContain('are headed "Hill & Dale Housing", Period 2026/27');
  });

  it('leaves alone a sheet whose header the add-in did not write, and reports nothing when headers were not read', () => {
    const own = { ...addInHeader('Notes', generated), leftFooter: 'My notes' };
    expect(staleHeaders(snapshot({ organisation: 'Other', period: '1' }, [own]))).toEqual([]);
    expect(staleHeaders(snapshot({ organisation: 'Other', period: '1' }, undefined))).toEqual([]);
    expect(staleHeaders(snapshot(null, [addInHeader('Summary', generated)]))).toEqual([]);
  });
});

/** CSV, the action plan merge, snapshots and their change words: pure, table-driven. */
import { actionList } from '../../../src/domain/actions';
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import {
  boardCsv,
  boardFigures,
  changeText,
  csvField,
  historyEntryOf,
  latestEntry,
  mergeActionPlan,
  topActions,
} from '../../../src/domain/report';
import { score } from '../../../src/domain/scoring';
import { withEntry } from '../../../src/workbook/sheets/history';
import { buildFramework } from '../../builders/framework';
import { responsesFor } from '../../builders/responses';

const framework = buildFramework({ areas: 2 });
const settings = { metThreshold: 3, requiredShare: 1 };
const day = (d: number) => ({ year: 2027, month: 1, day: d });

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
  ])('%j → %j', (input, expected) => expect(csvField(input)).toBe(expected));
});

describe('boardCsv', () => {
  it('writes the heading, one line per area and the organisation, with CRLF endings', () => {
    const result = score(
      framework,
      responsesFor(framework, (c) => (c.area === 1 ? 4 : c.level === 1 ? 3 : null)),
      settings,
    );
    const csv = boardCsv(boardFigures(framework, result, null), {
      organisation: 'Homes, Ltd',
      period: '2026/27',
      assessmentDate: day(31),
      framework: 'Test',
    });
    expect(csv.split('\r\n')).toEqual([
      'Organisation,"Homes, Ltd"',
      'Period,2026/27',
      'Assessment date,31/01/2027',
      'Framework,Test',
      '',
      'Area,Level reached,Developing: share met,Achieving: share met,Excellent: share met,Share met (all levels),Completeness,Provisional,Change since last snapshot',
      'Area 1,Excellent,100%,100%,100%,100%,100%,No,No earlier snapshot',
      'Area 2,Developing,100%,0%,0%,33%,33%,Yes,No earlier snapshot',
      'Organisation (lowest area),Developing,,,,67%,67%,Yes,No earlier snapshot',
      '',
    ]);
  });
});

describe('mergeActionPlan', () => {
  const responses = responsesFor(framework, (c) => (c.id === '1.1' || c.id === '2.2' ? 2 : 4), {
    fields: { '1.1': { owner: 'From area sheet', reviewDate: 46000 } },
  });
  const items = actionList(framework, responses, settings);

  it('fills blanks from the area sheet and keeps what was typed', () => {
    const merged = mergeActionPlan(framework, items, [
      { criterionId: ' 2.2 ', owner: 'Typed', targetDate: '', notes: 'n1' },
      { criterionId: '2.2', owner: 'Later', targetDate: 46100, notes: 'n2' },
      { criterionId: '1.1', owner: '', targetDate: '', notes: '' },
    ]);
    expect(merged.map((e) => [e.criterionId, e.state, e.owner, e.targetDate, e.notes])).toEqual([
      ['1.1', 'blocking', 'From area sheet', 46000, ''],
      ['2.2', 'open', 'Typed', 46100, 'n1 | n2'],
    ]);
  });

  it('keeps typed rows that are no longer actions, drops untouched ones, and keeps the officer’s own', () => {
    const merged = mergeActionPlan(framework, items, [
      { criterionId: 'Own', owner: '', targetDate: '', notes: 'mine' },
      { criterionId: '3.1', owner: 'Kept', targetDate: '', notes: '' },
      { criterionId: '1.2', owner: '', targetDate: '', notes: '' },
    ]);
    expect(merged.map((e) => [e.criterionId, e.state])).toEqual([
      ['1.1', 'blocking'],
      ['2.2', 'open'],
      ['3.1', 'done'],
      ['Own', 'unknown'],
    ]);
    expect(topActions(merged, 5).map((e) => e.criterionId)).toEqual(['1.1', '2.2']);
  });

  it('tells two criteria with one id apart by their Area column (the combined framework’s 1.13)', () => {
    const combined = bundledFrameworks.draftWithRevisedLeadership;
    const both = responsesFor(combined, (c) => (c.id === '1.13' ? 1 : 4));
    const open = actionList(combined, both, settings);
    const merged = mergeActionPlan(combined, open, [
      { criterionId: '1.13', area: 'Engagement', owner: 'Eve', targetDate: '', notes: 'survey' },
      { criterionId: '1.13', area: 'leadership', owner: 'Lee', targetDate: '', notes: 'benchmark' },
      { criterionId: '1.14', area: '', owner: 'Ann', targetDate: '', notes: 'only one 1.14' },
      { criterionId: '2.13', area: '', owner: 'Who?', targetDate: '', notes: 'which 2.13?' },
    ]);
    const row = (area: string, id: string) =>
      merged.find((e) => e.areaShortName === area && e.criterionId === id);
    expect([row('Engagement', '1.13')?.owner, row('Leadership', '1.13')?.owner]).toEqual(['Eve', 'Lee']);
    expect(row('Engagement', '1.14')?.notes).toBe('only one 1.14');
    // An id used in two areas, with no area to tell which: kept as the officer's own row.
    expect(merged.find((e) => e.criterionId === '2.13')).toMatchObject({ state: 'unknown', owner: 'Who?' });
  });
});

describe('snapshots', () => {
  const result = score(
    framework,
    responsesFor(framework, () => 4),
    settings,
  );

  it('keeps one entry per day, the later replacing the earlier, in date order', () => {
    const a = historyEntryOf(result, day(2));
    const b = { ...historyEntryOf(result, day(1)), overallLevelNo: 1 };
    const c = { ...historyEntryOf(result, day(2)), overallLevelNo: 2 };
    const entries = withEntry(withEntry(withEntry([], a), b), c);
    expect(entries.map((e) => [e.date.day, e.overallLevelNo])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(latestEntry(entries)?.date).toEqual(day(2));
    expect(latestEntry([])).toBeNull();
  });

  it.each([
    [undefined, { levelNo: 2, shareMet: 0.5 }, 'No earlier snapshot'],
    [{ levelNo: 1, shareMet: 0.2 }, { levelNo: 2, shareMet: 0.5 }, 'Up from Developing'],
    [{ levelNo: 3, shareMet: 1 }, { levelNo: 2, shareMet: 0.5 }, 'Down from Excellent'],
    [{ levelNo: 0, shareMet: 0 }, { levelNo: 1, shareMet: 0.5 }, 'Up from Not yet Developing'],
    [{ levelNo: 2, shareMet: 0.45 }, { levelNo: 2, shareMet: 0.6 }, 'Same level; 45% → 60% met'],
    [{ levelNo: 2, shareMet: 0.601 }, { levelNo: 2, shareMet: 0.6 }, 'No change'],
  ])('change from %j to %j is %j', (before, now, words) => {
    expect(changeText(framework, before, now)).toBe(words);
  });
});

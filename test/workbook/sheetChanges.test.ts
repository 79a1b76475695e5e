/** What an upgrade does to each area sheet, and the sentence the Maintain preview leads with. */
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { sheetChanges, sheetChangeWords } from '../../src/workbook/sheetChanges';
import { buildFramework } from '../builders/framework';

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;

describe('sheetChanges', () => {
  it('draft to the combined framework: Leadership replaced, the other four kept', () => {
    expect(sheetChanges(draft, combined).map((c) => `${c.kind} ${c.sheet}`)).toEqual([
      'kept Knowing customers',
      'replaced Leadership',
      'kept Engagement',
      'kept Responsive services',
      'kept Workforce',
    ]);
    expect(sheetChangeWords(sheetChanges(draft, combined))).toBe(
      'Replaces the Leadership sheet; 4 other areas are kept as they are.',
    );
  });

  it('draft to the Leadership revision alone: Leadership replaced, the other four removed', () => {
    expect(sheetChangeWords(sheetChanges(draft, revision))).toBe(
      'Replaces the Leadership sheet; removes the Knowing customers, Engagement, Responsive services and Workforce sheets (their responses go to the archive).',
    );
  });

  it('the revision to the combined framework: Leadership kept, four areas added', () => {
    expect(sheetChangeWords(sheetChanges(revision, combined))).toBe(
      'Adds the Knowing customers, Engagement, Responsive services and Workforce sheets; 1 other area is kept as it is.',
    );
  });

  it('the same framework: every area kept', () => {
    expect(sheetChangeWords(sheetChanges(draft, draft))).toBe(
      'Every area is kept as it is (Knowing customers, Leadership, Engagement, Responsive services and Workforce).',
    );
  });

  it('a criterion whose text changed makes its area replaced, not kept', () => {
    const before = buildFramework({ areas: 2 });
    const after = {
      ...before,
      version: '2',
      criteria: before.criteria.map((c) => (c.id === '1.1' ? { ...c, text: `${c.text} (revised)` } : c)),
    };
    expect(sheetChanges(before, after).map((c) => `${c.kind} ${c.sheet}`)).toEqual([
      'replaced Area 1',
      'kept Area 2',
    ]);
  });
});

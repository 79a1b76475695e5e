/**
 * The combined framework (the 2009 draft with the revised Leadership area) against the two files
 * it is composed from: every criterion, question and area is one of theirs, unchanged, so the seed
 * fidelity test of those files (seed-fidelity.test.ts) covers it too. And the mappings onto it.
 */
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import { combinedFile } from '../../../src/domain/framework/combined';
import { loadMapping } from '../../../src/domain/framework/mapping';
import { describeProblem } from '../../../src/domain/framework/problems';
import type { Criterion, Framework } from '../../../src/domain/framework/types';
import { bundledMappings } from '../../../src/taskpane/bundledMappings';

const {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: combined,
} = bundledFrameworks;

/** A criterion without its key: what a framework file holds. */
const plain = ({ key: _key, ...c }: Criterion) => c;

function sourceOf(c: Criterion): Framework {
  return c.area === 2 ? revision : draft;
}

describe('the 2009 draft with the revised Leadership area', () => {
  it('has its own version and a title and provenance that say what it is', () => {
    expect(combined.id).toBe('eqfsh');
    expect(combined.version).toBe('2009-draft-revised-leadership');
    expect(combined.title).toMatch(/2009 draft with the revised Leadership area/);
    expect(combined.source.document).toContain(draft.source.document);
    expect(combined.source.document).toContain(revision.source.document);
    expect(combined.source.provenance).toMatch(/Composed by the add-in, not transcribed/);
  });

  it("is the draft's areas 1, 3, 4 and 5 and the revision's area 2, criterion for criterion", () => {
    const expected = [
      ...draft.criteria.filter((c) => c.area !== 2),
      ...revision.criteria.filter((c) => c.area === 2),
    ];
    expect(combined.criteria).toHaveLength(97 - 29 + 30);
    expect(combined.criteria.map(plain)).toEqual(expect.arrayContaining(expected.map(plain)));
    // Nothing invented: each criterion is exactly the one of that area and id in its source file.
    for (const c of combined.criteria) {
      const own = sourceOf(c).criteria.find((s) => s.area === c.area && s.id === c.id);
      expect(own && plain(own)).toEqual(plain(c));
    }
    expect(combined.areas.map((a) => `${a.number} ${a.shortName}`)).toEqual(
      draft.areas.map((a) => `${a.number} ${a.shortName}`),
    );
    expect(combined.questions).toEqual(revision.questions);
    expect(combined.levels.map((l) => l.name)).toEqual(draft.levels.map((l) => l.name));
    expect(combined.ratingScale).toEqual(draft.ratingScale);
    expect(combined.levelRule).toEqual(draft.levelRule);
  });

  it('keys criteria by area and id: 1.13 and 2.13 are each two criteria', () => {
    const keys = combined.criteria.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of ['1.13', '2.13']) {
      expect(combined.criteria.filter((c) => c.id === id).map((c) => c.key)).toEqual(
        [`eqfsh@2009-draft-revised-leadership#2/${id}`, `eqfsh@2009-draft-revised-leadership#3/${id}`].sort(),
      );
    }
  });

  it('refuses to combine frameworks that score differently', () => {
    const other: Framework = { ...revision, levelRule: { metThreshold: 4, requiredShare: 1 } };
    expect(() => combinedFile(draft, other, 2, { version: 'x', title: 'X' })).toThrow(/level rules differ/);
    expect(() => combinedFile(draft, revision, 3, { version: 'x', title: 'X' })).toThrow(
      /area 3 is not in eqfsh version leadership-revision/,
    );
  });
});

describe('the mappings onto it', () => {
  const toCombined = (from: Framework) =>
    bundledMappings.find((m) => m.from.version === from.version && m.to.version === combined.version);

  it('pairs every draft criterion outside Leadership with itself, and Leadership as the mapping file does', () => {
    const mapping = toCombined(draft);
    if (!mapping) throw new Error('no draft-to-combined mapping');
    const fileMapping = bundledMappings.find((m) => m.to.version === revision.version);
    for (const c of draft.criteria.filter((d) => d.area !== 2)) {
      expect(mapping.pairs.filter((p) => p.from === c.id)).toEqual([expect.objectContaining({ to: c.id })]);
    }
    expect(mapping.pairs.filter((p) => ['1.9', '1.10', '3.14'].includes(p.from)).map((p) => p.to)).toEqual([
      '1.9',
      '2.10',
      '3.13',
    ]);
    expect(mapping.unmapped).toEqual(fileMapping?.unmapped);
    const checked = loadMapping(mapping, 'derived', { from: draft, to: combined });
    expect(checked.ok ? [] : checked.problems.map(describeProblem)).toEqual([]);
  });

  it('pairs every revision criterion with itself', () => {
    const mapping = toCombined(revision);
    expect(mapping?.pairs.map((p) => `${p.from}->${p.to}`)).toEqual(
      revision.criteria.map((c) => `${c.id}->${c.id}`),
    );
  });
});

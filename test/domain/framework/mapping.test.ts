import mappingJson from '../../../framework/mapping-draft-to-leadership-revision.json';
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import { loadMapping, type Mapping, type MappingLoadResult } from '../../../src/domain/framework/mapping';
import { describeProblem } from '../../../src/domain/framework/problems';

const FILE = 'mapping-draft-to-leadership-revision.json';
const ends = {
  from: bundledFrameworks.draft2009,
  to: bundledFrameworks.leadershipRevision,
};

function loaded(result: MappingLoadResult): Mapping {
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
  return result.mapping;
}

const mapping = loaded(loadMapping(mappingJson, FILE, ends));
const draftLeadership = ends.from.criteria.filter((c) => c.area === 2);
const draftById = new Map(ends.from.criteria.map((c) => [c.id, c]));
const revisionById = new Map(ends.to.criteria.map((c) => [c.id, c]));

describe('the draft-to-revision mapping for Leadership', () => {
  it('lists every draft Leadership criterion exactly once, in a pair or as unmapped', () => {
    const listed = [...mapping.pairs.map((p) => p.from), ...mapping.unmapped.map((u) => u.from)];
    expect([...listed].sort()).toEqual(draftLeadership.map((c) => c.id).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('pairs only criteria that exist at both ends, each revision criterion at most once', () => {
    for (const pair of mapping.pairs) {
      expect(draftById.get(pair.from)?.area).toBe(2);
      expect(revisionById.has(pair.to)).toBe(true);
    }
    const targets = mapping.pairs.map((p) => p.to);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it('includes the correspondences the framework notes name', () => {
    const pairs = mapping.pairs.map((p) => `${p.from}->${p.to}`);
    expect(pairs).toEqual(expect.arrayContaining(['3.13->3.12', '3.14->3.13', '1.10->2.10']));
  });

  it('never pairs a criterion whose draft text is absent, and gives that reason for each of them', () => {
    const absent = draftLeadership.filter((c) => c.textStatus === 'absent').map((c) => c.id);
    expect(absent).toHaveLength(15);
    expect(mapping.pairs.filter((p) => absent.includes(p.from))).toEqual([]);
    const textAbsent = mapping.unmapped.filter((u) => u.reason === 'text-absent').map((u) => u.from);
    expect(textAbsent.sort()).toEqual(absent.sort());
  });

  it('gives every pair a basis in its own words, quoting neither criterion at length', () => {
    const words = (text: string) => text.toLowerCase().match(/[a-z'-]+/g) ?? [];
    const runs = (text: string, n: number) => {
      const w = words(text);
      return new Set(w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')));
    };
    for (const pair of mapping.pairs) {
      expect(pair.basis.trim().length).toBeGreaterThan(20);
      const basisRuns = runs(pair.basis, 6);
      for (const text of [draftById.get(pair.from)?.text ?? '', revisionById.get(pair.to)?.text ?? '']) {
        const quoted = [...runs(text, 6)].filter((run) => basisRuns.has(run));
        expect({ pair: `${pair.from}->${pair.to}`, quoted }).toEqual({
          pair: `${pair.from}->${pair.to}`,
          quoted: [],
        });
      }
    }
  });
});

describe('loadMapping rejects a broken mapping, naming each problem once', () => {
  const broken = (edit: (m: Mapping) => void): Mapping => {
    const copy = structuredClone(mappingJson) as Mapping;
    edit(copy);
    return copy;
  };
  const cases: [string, (m: Mapping) => void, string[], RegExp][] = [
    [
      'a pair to a criterion the revision lacks',
      (m) => void (m.pairs[0]!.to = '1.99'),
      ['$.pairs[0].to'],
      /1\.99 is not in area 2 of eqfsh version leadership-revision; a pair stays within its area/,
    ],
    [
      'a criterion listed twice',
      (m) =>
        m.unmapped.push({
          from: '3.11',
          reason: 'no-counterpart',
          explanation: 'Again.',
        }),
      [`$.unmapped[${mappingJson.unmapped.length}].from`],
      /already listed at \$\.pairs/,
    ],
    [
      'a draft criterion left out',
      (m) => void m.unmapped.pop(),
      ['$.unmapped'],
      /in neither pairs nor unmapped/,
    ],
    [
      'two pairs onto one revision criterion',
      (m) => void (m.pairs[1]!.to = m.pairs[0]!.to),
      ['$.pairs[1].to'],
      /at most one/,
    ],
    [
      'the wrong version at one end',
      (m) => void (m.to.version = '2014'),
      ['$.to'],
      /framework given is eqfsh version leadership-revision/,
    ],
    [
      'text-absent given for a criterion that has text',
      (m) =>
        m.unmapped.push(
          ...m.pairs.splice(7, 1).map((p) => ({
            from: p.from,
            reason: 'text-absent' as const,
            explanation: 'Wrong.',
          })),
        ),
      [`$.unmapped[${mappingJson.unmapped.length}].reason`],
      /no-counterpart/,
    ],
    [
      'a criterion outside the covered area',
      (m) =>
        m.unmapped.push({
          from: '1.13',
          reason: 'no-counterpart',
          explanation: 'Not Leadership.',
        }),
      [`$.unmapped[${mappingJson.unmapped.length}].from`],
      /area 3, which this mapping does not cover/,
    ],
    [
      'a pair without a basis',
      (m) => void (m.pairs[0]!.basis = ' '),
      ['$.pairs[0].basis'],
      /must not be empty/,
    ],
  ];

  it.each(cases)('%s', (_name, edit, paths, message) => {
    const result = loadMapping(broken(edit), FILE, ends);
    if (result.ok) throw new Error('expected the mapping to be rejected');
    expect(result.problems.map((p) => p.path).sort()).toEqual([...paths].sort());
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(result.problems.every((p) => p.file === FILE)).toBe(true);
  });

  it("checks a mapping's own consistency even without the frameworks", () => {
    const twice = broken((m) => void (m.pairs[1]!.from = m.pairs[0]!.from));
    const result = loadMapping(JSON.stringify(twice), FILE);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['$.pairs[1].from']);
    expect(loadMapping(JSON.stringify(mappingJson), FILE).ok).toBe(true);
  });
});

/**
 * The framework files against the source documents themselves: every criterion text, sub-theme
 * and question must be in its seed word for word, and every criterion id the seeds show must be in
 * the files. The seeds are kept verbatim in framework/sources/ (copied from the team's shared
 * seed folder, ../shared/seeds, which a fresh CI clone does not have); when that folder is beside
 * the repository the copies are also proved byte-identical to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import draftJson from '../../../framework/eqfsh-2009-draft.json';
import revisionJson from '../../../framework/eqfsh-leadership-revision.json';
import { FrameworkSchema } from '../../../src/domain/framework/schema';

const REPO_ROOT = resolve(__dirname, '../../..');
const SEED_DIR = resolve(REPO_ROOT, 'framework/sources');
const SHARED_SEED_DIR = resolve(REPO_ROOT, '../shared/seeds');

const draft = FrameworkSchema.parse(draftJson);
const revision = FrameworkSchema.parse(revisionJson);

function seedText(fileName: string | undefined): string {
  if (!existsSync(SEED_DIR)) {
    throw new Error(
      `Could not find framework/sources (looked in ${SEED_DIR}); this test cannot check the framework text without the seed documents.`,
    );
  }
  if (!fileName) throw new Error('The framework file does not name its seed in source.seed.');
  const file = join(SEED_DIR, fileName);
  if (!existsSync(file))
    throw new Error(`Could not find the seed ${fileName} in framework/sources (${SEED_DIR}).`);
  return readFileSync(file, 'utf8');
}

/** Whitespace runs become one space; non-breaking spaces count as spaces. */
function normalise(text: string): string {
  return text
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The seed split into its cells: table cells are tab-separated, paragraphs are lines or <p>
 * elements, and bullets (•) start list items. Tags are dropped; what is left is the text.
 */
function seedCells(raw: string): string[] {
  return raw
    .split(/\t|\n|<\/?p>|\u2022/)
    .map((cell) => normalise(cell.replace(/<[^>]*>/g, ' ')))
    .filter((cell) => cell !== '');
}

/** The whole seed as one normalised string without tags or bullets, for "appears in" checks. */
function seedFlat(raw: string): string {
  return normalise(raw.replace(/<[^>]*>/g, ' ').replace(/\u2022/g, ' '));
}

const ID_AT_CELL_START = /^([1-9]\.\d+)\.? /;

describe('the seed documents', () => {
  it('are present in framework/sources', () => {
    // Reading a seed throws the plain "could not find" message when the folder is missing.
    expect(seedText(draft.source.seed).length).toBeGreaterThan(0);
    expect(seedText(revision.source.seed).length).toBeGreaterThan(0);
  });

  const sharedPresent = existsSync(SHARED_SEED_DIR);
  (sharedPresent ? it : it.skip)(
    'are byte-identical to the shared seed folder when it is beside the repository',
    () => {
      for (const seed of [draft.source.seed, revision.source.seed]) {
        if (!seed) throw new Error('A framework file does not name its seed in source.seed.');
        expect(readFileSync(join(SEED_DIR, seed), 'utf8')).toBe(
          readFileSync(join(SHARED_SEED_DIR, seed), 'utf8'),
        );
      }
    },
  );
});

describe.each([
  ['the 2009 draft', draft],
  ['the Leadership revision', revision],
])('%s', (_name, framework) => {
  it('has every complete criterion as a cell of its seed: its id, then its text word for word', () => {
    const cells = new Set(seedCells(seedText(framework.source.seed)));
    const complete = framework.criteria.filter((c) => c.textStatus === 'complete');
    expect(complete.length).toBeGreaterThan(0);
    for (const c of complete) {
      const asWritten = [`${c.id} ${normalise(c.text)}`, `${c.id}. ${normalise(c.text)}`];
      expect({
        id: c.id,
        inSeed: asWritten.some((cell) => cells.has(cell)),
      }).toEqual({ id: c.id, inSeed: true });
    }
  });

  it('has every fragment as a whole cell of its seed that starts mid-sentence', () => {
    const cells = seedCells(seedText(framework.source.seed));
    for (const c of framework.criteria.filter((x) => x.textStatus === 'fragment')) {
      const text = normalise(c.text);
      expect({ id: c.id, inSeed: cells.includes(text) }).toEqual({
        id: c.id,
        inSeed: true,
      });
      // Mid-sentence: the surviving words begin in lower case and carry no id of their own.
      expect(text).toMatch(/^[a-z]/);
      expect(text).not.toMatch(ID_AT_CELL_START);
    }
  });

  it('has every criterion id that starts a cell of its seed (nothing skipped)', () => {
    const ids = new Set(framework.criteria.map((c) => c.id));
    const seedIds = seedCells(seedText(framework.source.seed))
      .map((cell) => ID_AT_CELL_START.exec(cell)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(seedIds.length).toBeGreaterThan(0);
    expect(seedIds.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("has every id written anywhere in its seed's text", () => {
    const ids = new Set(framework.criteria.map((c) => c.id));
    const flat = seedFlat(seedText(framework.source.seed));
    const mentioned = [...flat.matchAll(/(?:^| )([1-3]\.\d{1,2})\.? [A-Z]/g)].map((m) => m[1] ?? '');
    expect(mentioned.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('names areas as its seed does', () => {
    const flat = seedFlat(seedText(framework.source.seed));
    for (const area of framework.areas) expect(flat).toContain(area.name);
  });

  it('gives the level straplines its seed gives', () => {
    // The draft puts names and straplines in two table rows; the revision puts each pair in one cell.
    const cells = new Set(seedCells(seedText(framework.source.seed)));
    for (const level of framework.levels) {
      const inSeed =
        cells.has(`${level.name} ${level.strapline}`) ||
        (cells.has(level.name) && cells.has(level.strapline));
      expect({ level: level.name, inSeed }).toEqual({
        level: level.name,
        inSeed: true,
      });
    }
  });
});

describe('the 2009 draft (seed 000)', () => {
  const byStatus = (status: string) => draft.criteria.filter((c) => c.textStatus === status).map((c) => c.id);

  it('has 97 criterion ids: 70 complete, 3 fragments, 24 absent', () => {
    expect(new Set(draft.criteria.map((c) => c.id)).size).toBe(97);
    expect(draft.criteria).toHaveLength(97);
    expect(byStatus('complete')).toHaveLength(70);
    expect(byStatus('fragment').sort()).toEqual(['1.9', '2.9', '3.9']);
    expect(byStatus('absent')).toHaveLength(24);
  });

  it('marks absent exactly the ids whose pages are missing: all of area 1 and Leadership x.4 to x.8', () => {
    const missing = [1, 2, 3].flatMap((level) => [
      ...[1, 2, 3].map((n) => `${level}.${n}`),
      ...[4, 5, 6, 7, 8].map((n) => `${level}.${n}`),
    ]);
    expect(byStatus('absent').sort()).toEqual(missing.sort());
    for (const c of draft.criteria.filter((x) => x.textStatus === 'absent')) {
      expect(c.text).toBe('');
      expect(c.note).toMatch(/missing from the source draft/);
    }
  });

  it('puts each id in the area the framework notes give, with rows only where the source has them', () => {
    const range = (level: number, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `${level}.${from + i}`);
    const expected: Record<number, string[]> = {
      1: [...range(1, 1, 3), ...range(2, 1, 3), ...range(3, 1, 3)],
      2: [...range(1, 4, 12), ...range(2, 4, 12), ...range(3, 4, 14)],
      3: [...range(1, 13, 15), ...range(2, 13, 16), ...range(3, 15, 18)],
      4: [...range(1, 16, 22), ...range(2, 17, 23), ...range(3, 19, 25)],
      5: [...range(1, 23, 31), ...range(2, 24, 32), ...range(3, 26, 34)],
    };
    for (const [area, ids] of Object.entries(expected)) {
      const actual = draft.criteria.filter((c) => c.area === Number(area)).map((c) => c.id);
      expect(actual.sort()).toEqual([...ids].sort());
    }
    for (const c of draft.criteria) {
      expect(c.subTheme).toBeNull();
      if (c.area === 1 || c.area === 3) expect(c.row).toBeNull();
    }
  });

  it('puts one theme at the three levels in each row of areas 2, 4 and 5', () => {
    const rowOf = (id: string) => draft.criteria.find((c) => c.id === id)?.row;
    // Leadership: row r is 1.(r+3), 2.(r+3), 3.(r+3); rows 10 and 11 are Excellent only.
    for (let r = 1; r <= 9; r++) for (const level of [1, 2, 3]) expect(rowOf(`${level}.${r + 3}`)).toBe(r);
    expect(rowOf('3.13')).toBe(10);
    expect(rowOf('3.14')).toBe(11);
    // Responsive services starts at 1.16 / 2.17 / 3.19, workforce at 1.23 / 2.24 / 3.26.
    for (let r = 1; r <= 7; r++) {
      expect([rowOf(`1.${15 + r}`), rowOf(`2.${16 + r}`), rowOf(`3.${18 + r}`)]).toEqual([r, r, r]);
    }
    for (let r = 1; r <= 9; r++) {
      expect([rowOf(`1.${22 + r}`), rowOf(`2.${23 + r}`), rowOf(`3.${25 + r}`)]).toEqual([r, r, r]);
    }
  });

  it('keeps the known slips as written and notes them', () => {
    const text = (id: string) => draft.criteria.find((c) => c.id === id);
    expect(text('3.34')?.text).toContain('The authority');
    expect(text('3.34')?.note).toBeTruthy();
    expect(text('3.28')?.text).toContain('is acted upon');
    expect(text('3.28')?.note).toBeTruthy();
    // 2.15 repeats 2.14's first sentence (less its opening words).
    const first2_14 = `${(text('2.14')?.text ?? '').split('. ')[0] ?? ''}.`.toLowerCase();
    const all2_15 = (text('2.15')?.text ?? '').toLowerCase();
    expect(all2_15.length).toBeGreaterThan(0);
    expect(first2_14.endsWith(all2_15)).toBe(true);
    expect(text('2.15')?.note).toMatch(/2\.14/);
    expect(text('1.17')?.text).toContain('EqlAs');
  });
});

describe('the Leadership revision (seed 001)', () => {
  it('has 30 criteria in 10 sub-themes, one per level in each', () => {
    expect(revision.criteria).toHaveLength(30);
    expect(revision.criteria.every((c) => c.textStatus === 'complete' && c.area === 2)).toBe(true);
    const subThemes = new Map<string, number[]>();
    for (const c of revision.criteria) {
      expect(c.subTheme).not.toBeNull();
      const levels = subThemes.get(c.subTheme ?? '') ?? [];
      subThemes.set(c.subTheme ?? '', [...levels, c.level]);
    }
    expect(subThemes.size).toBe(10);
    for (const levels of subThemes.values()) expect([...levels].sort()).toEqual([1, 2, 3]);
  });

  it('takes each sub-theme heading word for word from a cell of seed 001', () => {
    const cells = new Set(seedCells(seedText(revision.source.seed)));
    for (const heading of new Set(revision.criteria.map((c) => c.subTheme ?? ''))) {
      expect({ heading, inSeed: cells.has(heading) }).toEqual({
        heading,
        inSeed: true,
      });
    }
  });

  it('has every question of seed 001, word for word, at the level whose column holds it', () => {
    const raw = seedText(revision.source.seed);
    const flat = seedFlat(raw);
    const questions = revision.questions.flatMap((set) => set.questions);
    for (const q of questions) expect(flat).toContain(normalise(q));
    // Reverse: the seed has one bullet per question, so none was skipped.
    expect(questions).toHaveLength((raw.match(/\u2022/g) ?? []).length);
    // Each question sits in its level's column (the nth tab-separated cell of its table row).
    const rows = raw.split('\n').filter((line) => line.includes('\u2022'));
    for (const set of revision.questions) {
      const column = rows.map((row) => seedFlat(row.split('\t')[set.level - 1] ?? '')).join(' ');
      for (const q of set.questions) expect(column).toContain(normalise(q));
    }
  });

  it('reads the trailing dot of 1.6. and 3.6. as punctuation', () => {
    const raw = seedText(revision.source.seed);
    expect(raw).toContain('1.6. ');
    expect(raw).toContain('3.6. ');
    expect(revision.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['1.6', '3.6']));
  });
});

import fc from 'fast-check';
import draftJson from '../../../framework/eqfsh-2009-draft.json';
import { loadFramework, MAX_FRAMEWORK_CHARS, type LoadResult } from '../../../src/domain/framework/loader';
import { bundledFrameworks } from '../../../src/domain/framework/bundled';
import { describeProblem, type FrameworkProblem } from '../../../src/domain/framework/problems';
import type { FrameworkFile } from '../../../src/domain/framework/schema';

const FILE = 'our-framework.json';

/** A small, valid framework: two levels, two areas, one row of criteria, one question set. */
function validFile(): FrameworkFile {
  return {
    formatVersion: 1,
    id: 'test',
    version: '1',
    title: 'Test framework',
    source: { document: 'Written for these tests' },
    levels: [
      { number: 1, id: 'developing', name: 'Developing', strapline: '' },
      { number: 2, id: 'achieving', name: 'Achieving', strapline: '' },
    ],
    areas: [
      { number: 1, name: 'Area one', shortName: 'One' },
      { number: 2, name: 'Area two', shortName: 'Two' },
    ],
    criteria: [
      {
        id: '1.1',
        level: 1,
        area: 1,
        subTheme: null,
        row: 1,
        text: 'First.',
        textStatus: 'complete',
      },
      {
        id: '2.1',
        level: 2,
        area: 1,
        subTheme: null,
        row: 1,
        text: 'Second.',
        textStatus: 'complete',
      },
      {
        id: '1.2',
        level: 1,
        area: 2,
        subTheme: null,
        row: null,
        text: '',
        textStatus: 'absent',
      },
    ],
    questions: [{ area: 1, level: 1, questions: ['Have we?'] }],
    ratingScale: {
      points: [
        { value: 1, label: 'Not in place' },
        { value: 2, label: 'In place' },
      ],
      notApplicable: { label: 'N/A', aliases: ['n/a'] },
    },
    levelRule: { metThreshold: 2, requiredShare: 1 },
  };
}

/** Deep copy then edit, so each case starts from the valid file. */
function edited(edit: (f: FrameworkFile) => void): FrameworkFile {
  const copy = structuredClone(validFile());
  edit(copy);
  return copy;
}

function problemsOf(result: LoadResult): readonly FrameworkProblem[] {
  if (result.ok) throw new Error('expected the file to be rejected, but it loaded');
  return result.problems;
}

function criterion(f: FrameworkFile, i: number) {
  const c = f.criteria[i];
  if (!c) throw new Error(`the test file has no criterion ${i}`);
  return c;
}

describe('loadFramework rejects a broken file, naming each problem once at its path', () => {
  const cases: [string, (f: FrameworkFile) => void, string[], RegExp][] = [
    [
      'a criterion id repeated in one area',
      (f) => void Object.assign(criterion(f, 2), { id: '1.1', area: 1 }),
      ['$.criteria[2].id'],
      /already used in area 1 at \$\.criteria\[0\]/,
    ],
    [
      'a repeated area number',
      (f) => void (f.areas[1]!.number = 1),
      // The criterion in area 2 follows from the area's number: only the cause is reported.
      ['$.areas[1].number'],
      /already used/,
    ],
    [
      'area short names differing only in case',
      (f) => void (f.areas[1]!.shortName = 'ONE'),
      ['$.areas[1].shortName'],
      /ignoring capitals/,
    ],
    ['a repeated level id', (f) => void (f.levels[1]!.id = 'developing'), ['$.levels[1].id'], /already used/],
    [
      'a repeated level number',
      (f) => void (f.levels[1]!.number = 1),
      ['$.levels[1].number'],
      /already used/,
    ],
    [
      'levels not numbered from 1',
      (f) => f.levels.forEach((l) => (l.number += 1)),
      ['$.levels[0].number', '$.levels[1].number'],
      /should be 1/,
    ],
    [
      'a removed top level: one message for its criteria and questions, at the first of them',
      (f) => {
        f.levels.pop();
        criterion(f, 2).level = 2;
        criterion(f, 2).id = '2.2';
        f.questions = [{ area: 1, level: 2, questions: ['And then?'] }];
      },
      ['$.criteria[1].level'],
      /^2 criteria \(2\.1, 2\.2\) and 1 set of questions are at level 2, which is not one of this framework's levels \(1\)$/,
    ],
    [
      'a criterion in an unknown area',
      (f) => void (criterion(f, 0).area = 7),
      ['$.criteria[0].area'],
      /area 7.*\(1, 2\)/,
    ],
    [
      'a criterion at an unknown level (its id is not blamed too)',
      (f) => Object.assign(criterion(f, 0), { level: 3, id: '3.1' }),
      ['$.criteria[0].level'],
      /level 3.*\(1, 2\)/,
    ],
    [
      'an id whose first number is not its level',
      (f) => void (criterion(f, 0).id = '2.9'),
      ['$.criteria[0].id'],
      /should start with 1\./,
    ],
    [
      'two criteria in one row at one level',
      (f) => void (criterion(f, 1).level = 1),
      ['$.criteria[1].id', '$.criteria[1].row'],
      /./,
    ],
    [
      'a repeated rating value',
      (f) => void (f.ratingScale.points[0]!.value = 2),
      ['$.ratingScale.points[1].value'],
      /value 2 is already used/,
    ],
    [
      'rating labels differing only in case',
      (f) => void (f.ratingScale.points[1]!.label = 'not in PLACE'),
      ['$.ratingScale.points[1].label'],
      /already used/,
    ],
    [
      'a not-applicable alias that is also a rating label',
      (f) => void (f.ratingScale.notApplicable.aliases = ['In place']),
      ['$.ratingScale.notApplicable.aliases[0]'],
      /also the label/,
    ],
    [
      'a met threshold not on the scale',
      (f) => void (f.levelRule.metThreshold = 3),
      ['$.levelRule.metThreshold'],
      /not a value on the rating scale \(1, 2\)/,
    ],
    [
      'questions for an unknown area',
      (f) => void (f.questions![0]!.area = 9),
      ['$.questions[0].area'],
      /area 9/,
    ],
    [
      'questions for an unknown level',
      (f) => void (f.questions![0]!.level = 9),
      ['$.questions[0].level'],
      /level 9/,
    ],
    [
      'two question sets for one area and level',
      (f) => f.questions!.push({ area: 1, level: 1, questions: ['Again?'] }),
      ['$.questions[1]'],
      /one list/,
    ],
    [
      'a complete criterion with blank text',
      (f) => void (criterion(f, 0).text = '   '),
      ['$.criteria[0].text'],
      /empty/,
    ],
    [
      'a fragment with no text',
      (f) => Object.assign(criterion(f, 0), { text: '', textStatus: 'fragment' }),
      ['$.criteria[0].text'],
      /fragment/,
    ],
    [
      'an absent criterion that has text',
      (f) => void (criterion(f, 2).text = 'Our wording.'),
      ['$.criteria[2].textStatus'],
      /set textStatus to "complete"/,
    ],
    ['a missing title', (f) => void delete (f as Partial<FrameworkFile>).title, ['$.title'], /missing/],
    [
      'an unknown field',
      (f) => Object.assign(criterion(f, 0), { colour: 'red' }),
      ['$.criteria[0].colour'],
      /"colour" is not a recognised field/,
    ],
    ['criteria that are not a list', (f) => Object.assign(f, { criteria: 'none' }), ['$.criteria'], /array/],
    [
      'a malformed criterion id',
      (f) => void (criterion(f, 0).id = 'A.1'),
      ['$.criteria[0].id'],
      /level number, a dot and a number/,
    ],
    [
      'a sheet name Excel forbids',
      (f) => void (f.areas[0]!.shortName = 'Staff/Board'),
      ['$.areas[0].shortName'],
      /sheet tab/,
    ],
    [
      'a wrong format version',
      (f) => Object.assign(f, { formatVersion: 2 }),
      ['$.formatVersion'],
      /formatVersion must be 1/,
    ],
  ];

  it.each(cases)('%s', (_name, edit, paths, message) => {
    const problems = problemsOf(loadFramework(edited(edit), FILE));
    expect(problems.map((p) => p.path).sort()).toEqual([...paths].sort());
    expect(problems.every((p) => p.file === FILE)).toBe(true);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    // Reported once: no two problems say the same thing about the same place.
    expect(new Set(problems.map(describeProblem)).size).toBe(problems.length);
  });

  it('reports every problem of a file with several, not only the first', () => {
    const broken = edited((f) => {
      criterion(f, 0).area = 7;
      f.levelRule.metThreshold = 9;
      f.areas[1]!.shortName = 'one';
    });
    const paths = problemsOf(loadFramework(broken, FILE)).map((p) => p.path);
    expect(paths.sort()).toEqual(['$.areas[1].shortName', '$.criteria[0].area', '$.levelRule.metThreshold']);
  });
});

describe('loadFramework reads JSON text defensively', () => {
  it('names the line and column of a syntax error', () => {
    const text = '{\n  "id": "x",\n  "title": ,\n}';
    const problems = problemsOf(loadFramework(text, FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, path: '$' });
    expect(problems[0]?.message).toMatch(/not valid JSON at line 3, column 12/);
  });

  it('says an empty file is empty', () => {
    expect(problemsOf(loadFramework('  \n', FILE))[0]?.message).toMatch(/empty/);
  });

  it('accepts the byte-order mark Windows editors add', () => {
    const result = loadFramework(`\ufeff${JSON.stringify(validFile())}`, FILE);
    expect(result.ok).toBe(true);
  });

  it('refuses text above the size limit before parsing it', () => {
    const huge = `{"title": "${'x'.repeat(MAX_FRAMEWORK_CHARS)}"}`;
    const problems = problemsOf(loadFramework(huge, FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/more than the 5,000,000 allowed/);
  });

  it('survives very deep nesting without throwing', () => {
    const depth = 200_000;
    const deep = `{"criteria": ${'['.repeat(depth)}${']'.repeat(depth)}, "title": {"a": ${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}}`;
    const result = loadFramework(deep, FILE);
    expect(result.ok).toBe(false);
  });

  it('turns an exception from hostile input into a problem', () => {
    const hostile = Object.defineProperty(validFile(), 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const problems = problemsOf(loadFramework(hostile, FILE));
    expect(problems).toEqual([
      expect.objectContaining({
        path: '$',
        message: expect.stringMatching(/boom/),
      }),
    ]);
  });

  it.each([null, 42, '[]', [], '"text"'])(
    'rejects %p, which is not a framework object, with one problem at $',
    (value) => {
      const problems = problemsOf(loadFramework(value, FILE));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('$');
    },
  );

  it('never throws and never repeats a problem, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadFramework(JSON.stringify(value) ?? 'null', FILE);
        if (!result.ok)
          expect(new Set(result.problems.map(describeProblem)).size).toBe(result.problems.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('loadFramework accepts valid files', () => {
  it('loads the small test file and keys each criterion by framework, version, area and id', () => {
    const result = loadFramework(JSON.stringify(validFile()), FILE);
    if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
    expect(result.framework.criteria.map((c) => c.key)).toEqual([
      'test@1#1/1.1',
      'test@1#1/2.1',
      'test@1#2/1.2',
    ]);
  });

  it('takes the same id in two areas as two criteria, keyed by their areas', () => {
    const result = loadFramework(
      edited((f) => void (criterion(f, 2).id = '1.1')),
      FILE,
    );
    if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
    expect(result.framework.criteria.map((c) => c.key)).toEqual([
      'test@1#1/1.1',
      'test@1#1/2.1',
      'test@1#2/1.1',
    ]);
  });

  it('fills in an empty question list when the file has none', () => {
    const result = loadFramework(
      edited((f) => delete f.questions),
      FILE,
    );
    expect(result.ok && result.framework.questions).toEqual([]);
  });

  it("loads both bundled frameworks, leaving out the editor's $schema hint", () => {
    expect(bundledFrameworks.draft2009.criteria).toHaveLength(97);
    expect(bundledFrameworks.leadershipRevision.criteria).toHaveLength(30);
    expect('$schema' in bundledFrameworks.draft2009).toBe(false);
    // The same id is a different criterion in each: the keys must differ.
    const draft113 = bundledFrameworks.draft2009.criteria.find((c) => c.id === '1.13');
    const rev113 = bundledFrameworks.leadershipRevision.criteria.find((c) => c.id === '1.13');
    expect(draft113?.key).toBe('eqfsh@2009-draft#3/1.13');
    expect(rev113?.key).toBe('eqfsh@leadership-revision#2/1.13');
  });

  it("loads an organisation's own copy of the draft with 1.1 completed and a local criterion added", () => {
    const own = structuredClone(draftJson) as FrameworkFile;
    own.version = '2009-draft-acme-1';
    const c11 = own.criteria.find((c) => c.id === '1.1');
    if (!c11) throw new Error('the draft has no 1.1');
    Object.assign(c11, {
      text: 'Our own wording of 1.1 from our printed copy.',
      textStatus: 'complete',
    });
    delete c11.note;
    own.criteria.push({
      id: '1.32',
      level: 1,
      area: 5,
      subTheme: 'Local priorities',
      row: 10,
      text: 'A local criterion the organisation has added.',
      textStatus: 'complete',
    });
    const result = loadFramework(JSON.stringify(own), 'acme.json');
    if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
    expect(result.framework.criteria).toHaveLength(98);
    expect(result.framework.criteria.find((c) => c.id === '1.1')).toMatchObject({
      textStatus: 'complete',
      key: 'eqfsh@2009-draft-acme-1#1/1.1',
    });
  });

  it('tells an organisation that filled in a text but left it marked absent to mark it complete', () => {
    const own = structuredClone(draftJson) as FrameworkFile;
    const index = own.criteria.findIndex((c) => c.id === '1.1');
    own.criteria[index]!.text = 'Our own wording.';
    const problems = problemsOf(loadFramework(own, 'acme.json'));
    expect(problems).toEqual([
      {
        file: 'acme.json',
        path: `$.criteria[${index}].textStatus`,
        message: expect.stringMatching(/set textStatus to "complete"/),
      },
    ]);
  });
});

describe('describeProblem: a place a person can find', () => {
  it.each([
    ['$.criteria[20].text', 'criteria number 21, field "text"'],
    ['$.areas[0].name', 'areas number 1, field "name"'],
    ['$.levelRule.metThreshold', 'levelRule, field "metThreshold"'],
    ['$.criteria[2]', 'criteria number 3'],
    ['$["odd key"]', 'field "odd key"'],
    ['$', 'the whole file'],
  ])('%s reads as %s, counting from one', (path, words) => {
    expect(describeProblem({ file: FILE, path, message: 'x' })).toBe(`${FILE}, ${words}: x`);
  });
});

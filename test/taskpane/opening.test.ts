/** What the pane says first, for each thing a workbook can hold. */
import { bundledFrameworks } from '../../src/domain/index';
import type { StoredMeta, WorkbookState } from '../../src/excel/inspect';
import { BACKUP_SHEET } from '../../src/excel/regenerate';
import {
  frameworkFor,
  openingFor,
  regenerationStopped,
  REGENERATION_BACKUP_SHEET,
} from '../../src/taskpane/session/opening';
import { LAYOUT_VERSION } from '../../src/workbook/layout';

const draft = bundledFrameworks.draft2009;
const known = [draft, bundledFrameworks.leadershipRevision];

function meta(overrides: Partial<StoredMeta> = {}): StoredMeta {
  return {
    layoutVersion: LAYOUT_VERSION,
    frameworkId: draft.id,
    frameworkVersion: draft.version,
    frameworkTitle: draft.title,
    ...overrides,
  };
}

describe('openingFor', () => {
  it('offers Set up when the workbook holds no assessment', () => {
    const opening = openingFor({ kind: 'none', sheetNames: ['Sheet1'] }, known);
    expect(opening).toMatchObject({ view: 'setup', intent: 'info', writable: true });
    expect(opening.title).toMatch(/No assessment/);
  });

  it('opens Results for an assessment against a bundled framework, naming it and its version', () => {
    const opening = openingFor({ kind: 'assessment', meta: meta(), sheetNames: [] }, known);
    expect(opening).toMatchObject({ view: 'results', intent: 'success', writable: true });
    expect(opening.message).toContain(draft.title);
    expect(opening.message).toContain(`version ${draft.version}`);
  });

  it('names an unknown framework and version and asks for its file', () => {
    const state: WorkbookState = {
      kind: 'assessment',
      meta: meta({ frameworkId: 'shef', frameworkVersion: '2014', frameworkTitle: 'SHEF 2014' }),
      sheetNames: [],
    };
    const opening = openingFor(state, known);
    expect(opening.intent).toBe('warning');
    expect(opening.message).toContain('SHEF 2014 (version 2014)');
    expect(opening.message).toContain('id "shef"');
    expect(opening.message).toMatch(/open the framework file it was made from/);
  });

  it('opens Results for an own framework kept in the workbook, without asking for a file', () => {
    const own = { ...draft, id: 'riverside', version: '1', title: 'Riverside framework' };
    const state: WorkbookState = {
      kind: 'assessment',
      meta: meta({ frameworkId: 'riverside', frameworkVersion: '1', frameworkTitle: own.title }),
      sheetNames: [],
    };
    const opening = openingFor(state, [own, ...known], { kind: 'stored', framework: own });
    expect(opening).toMatchObject({ view: 'results', intent: 'success', title: 'Assessment found' });
  });

  it('says the kept framework is damaged, lists its cells, and reads on with a known one of the same version', () => {
    const problems = ['The stored framework in EqMeta!H5 does not match the checksum in EqMeta!H3: …'];
    const state: WorkbookState = { kind: 'assessment', meta: meta(), sheetNames: [] };
    const opening = openingFor(state, known, { kind: 'fallback', framework: draft, problems });
    expect(opening).toMatchObject({
      view: 'results',
      intent: 'warning',
      title: 'The framework kept in this workbook is damaged',
      details: problems,
      writable: true,
    });
    expect(opening.message).toMatch(/same id and version\. Regenerate from Maintain/);
  });

  it('says the kept framework is damaged and asks for the file when nothing known has its id and version', () => {
    const problems = [
      'EqMeta!H4 should hold how many cells the stored framework takes (1 to 170) but holds nothing.',
    ];
    const state: WorkbookState = {
      kind: 'assessment',
      meta: meta({ frameworkId: 'riverside', frameworkVersion: '1', frameworkTitle: 'Riverside framework' }),
      sheetNames: [],
    };
    const opening = openingFor(state, known, { kind: 'missing', problems });
    expect(opening).toMatchObject({ intent: 'error', details: problems });
    expect(opening.message).toMatch(/Open the framework file it was made from/);
  });

  it.each(['none', 'assessment', 'damaged'] as const)(
    'opens Maintain, saying nothing is lost, when a regeneration stopped half-way (%s)',
    (kind) => {
      const sheetNames = ['Start', 'EqOld 1', 'eqregenerating'];
      const state: WorkbookState =
        kind === 'none'
          ? { kind, sheetNames }
          : kind === 'assessment'
            ? { kind, meta: meta(), sheetNames }
            : { kind, problems: ['EqMeta!B2 should say…'], sheetNames };
      const opening = openingFor(state, known);
      expect(opening.view).toBe('maintain');
      expect(opening.title).toBe('A regeneration stopped half-way');
      expect(opening.message).toMatch(/Nothing is lost.*run it again from Maintain/i);
      expect(regenerationStopped(state)).toBe(true);
    },
  );

  it('leaves a workbook from a newer add-in alone even with a backup sheet', () => {
    const state: WorkbookState = {
      kind: 'newer',
      meta: meta({ layoutVersion: LAYOUT_VERSION + 1 }),
      sheetNames: [REGENERATION_BACKUP_SHEET],
    };
    expect(openingFor(state, known).writable).toBe(false);
  });

  it('names the backup sheet exactly as regeneration writes it', () => {
    expect(REGENERATION_BACKUP_SHEET).toBe(BACKUP_SHEET);
  });

  it('treats the same id with another version as another framework: identity is (id, version)', () => {
    const state: WorkbookState = {
      kind: 'assessment',
      meta: meta({ frameworkVersion: '2031' }),
      sheetNames: [],
    };
    expect(frameworkFor(state.meta, known)).toBeUndefined();
    expect(openingFor(state, known).intent).toBe('warning');
  });

  it('is read-only for a workbook from a newer add-in, naming both layout versions', () => {
    const opening = openingFor(
      { kind: 'newer', meta: meta({ layoutVersion: LAYOUT_VERSION + 1 }), sheetNames: [] },
      known,
    );
    expect(opening.writable).toBe(false);
    expect(opening.message).toContain(`layout ${LAYOUT_VERSION + 1}`);
    expect(opening.message).toContain(`up to ${LAYOUT_VERSION}`);
    expect(opening.message).toMatch(/change nothing/);
  });

  it('lists the problems of a damaged workbook and what to do', () => {
    const problems = ['EqMeta!B4 should hold the frameworkId but holds "".'];
    const opening = openingFor({ kind: 'damaged', problems, sheetNames: [] }, known);
    expect(opening).toMatchObject({ intent: 'error', writable: false, details: problems });
    expect(opening.message).toMatch(/Version History|new workbook/);
  });
});

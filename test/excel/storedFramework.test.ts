/**
 * The framework kept in the workbook, on the fake Excel: written by generation, read when the pane
 * opens, and used with no framework file picked; a damaged copy is reported by its cells.
 */
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { bundledFrameworks } from '../../src/domain/framework/bundled';
import { describeProblem, loadFramework, type Framework } from '../../src/domain/index';
import { inspectWorkbook } from '../../src/excel/inspect';
import { regenerateAssessment } from '../../src/excel/regenerate';
import { workbookFramework } from '../../src/taskpane/session/workbookFramework';
import { META_SHEET } from '../../src/workbook/layout';
import { gateway } from '../platform/fake-excel';
import { generateInto } from './generateHelpers';

const reading = { loadFramework, describeProblem };
const bundled = [bundledFrameworks.draft2009, bundledFrameworks.leadershipRevision];

function riverside(): Framework {
  const result = loadFramework({ ...leadershipJson, id: 'riverside', version: '1' }, 'riverside.json');
  if (!result.ok) throw new Error('the test framework does not load');
  return result.framework;
}

async function opened(
  framework: Framework,
  damage?: (doc: Awaited<ReturnType<typeof generateInto>>['doc']) => Promise<void>,
) {
  const { doc } = await generateInto(framework);
  if (damage) await damage(doc);
  const state = await inspectWorkbook(gateway(doc));
  if (state.kind !== 'assessment') throw new Error(`expected an assessment, got ${state.kind}`);
  return workbookFramework(state.meta, state.stored, bundled, reading);
}

describe('the framework kept in the workbook', () => {
  it('reads an assessment made from the organisation’s own framework with no file picked', async () => {
    const own = riverside();
    const found = await opened(own);
    expect(found).toEqual({ kind: 'stored', framework: own });
  });

  it('reads a bundled framework’s assessment from the workbook’s own copy', async () => {
    expect(await opened(bundledFrameworks.draft2009)).toEqual({
      kind: 'stored',
      framework: bundledFrameworks.draft2009,
    });
  });

  it('reports an edited copy by its cells and, for an own framework, has nothing to fall back on', async () => {
    const found = await opened(riverside(), async (doc) => {
      const part = String(doc.value(META_SHEET, 'H5'));
      await doc.simulateEdit(META_SHEET, 'H5', [[part.replace('Leadership', 'Leadershit')]]);
    });
    expect(found).toEqual({
      kind: 'missing',
      problems: [
        'The stored framework in EqMeta!H5 does not match the checksum in EqMeta!H3: it was changed after the add-in wrote it.',
      ],
    });
  });

  it('falls back to the bundled framework only when the id and version are the workbook’s', async () => {
    const found = await opened(bundledFrameworks.draft2009, (doc) =>
      doc.simulateEdit(META_SHEET, 'H4', [['']]),
    );
    expect(found).toEqual({
      kind: 'fallback',
      framework: bundledFrameworks.draft2009,
      problems: [
        'EqMeta!H4 should hold how many cells the stored framework takes (1 to 170) but holds nothing.',
      ],
    });
  });

  it('refuses a stored copy that passes the checksum but not the loader, naming the cells and the place', async () => {
    const found = await opened(riverside(), async (doc) => {
      const broken = String(doc.value(META_SHEET, 'H5')).replace('"formatVersion":1', '"formatVersion":2');
      await doc.simulateEdit(META_SHEET, 'H5', [[broken]]);
      const { textChecksum } = await import('../../src/workbook/storedFramework');
      await doc.simulateEdit(META_SHEET, 'H3', [[textChecksum(broken)]]);
    });
    expect(found.kind).toBe('missing');
    expect(found.kind === 'missing' && found.problems).toEqual([
      expect.stringMatching(
        /^The framework stored in EqMeta!H5, field "formatVersion": formatVersion must be 1/,
      ),
    ]);
  });

  it('regenerates an own-framework assessment with only the framework read from the workbook, and keeps it there', async () => {
    const own = riverside();
    const { doc } = await generateInto(own);
    const read = async () => {
      const state = await inspectWorkbook(gateway(doc));
      if (state.kind !== 'assessment') throw new Error(`expected an assessment, got ${state.kind}`);
      return workbookFramework(state.meta, state.stored, bundled, reading);
    };
    const found = await read();
    if (found.kind !== 'stored') throw new Error(`expected the stored framework, got ${found.kind}`);
    const outcome = await regenerateAssessment(gateway(doc), {
      frameworks: [found.framework, ...bundled],
      target: found.framework,
    });
    expect(outcome.status).toBe('regenerated');
    expect(await read()).toEqual({ kind: 'stored', framework: own });
  });
});

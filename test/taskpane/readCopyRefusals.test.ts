/**
 * Each kind of bad copy chosen to combine (issue 23, "bad input"): a file that is not a workbook,
 * a damaged one, a password-protected one, a workbook that is not an assessment, one made by a
 * newer version of the add-in, and one made from another framework that no mapping joins to this
 * workbook's. Each is refused through the pane's reader (src/taskpane/combine/readCopy.ts) with a
 * message that names the file, and the chosen file's bytes are left exactly as they were.
 */
import { bundledFrameworks } from '../../src/domain/index';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { readCopy } from '../../src/taskpane/combine/readCopy';
import { BAD_COPIES, filledCopy, OWN_FRAMEWORK } from '../xlsx/badCopies';

const draft = bundledFrameworks.draft2009;

const CASES = [
  ...BAD_COPIES,
  {
    kind: 'from another framework',
    make: () => filledCopy(OWN_FRAMEWORK),
    says: /^was made from .* no mapping between these/,
  },
];

describe('a bad copy chosen to combine', () => {
  it.each(CASES)('is refused when $kind, naming the file, and the file is left as it was', async (bad) => {
    const bytes = await bad.make();
    const before = bytes.slice();
    const read = readCopy(bytes, 'colleague.xlsx', draft, bundledMappings);
    expect(read.status).toBe('refused');
    if (read.status !== 'refused') return;
    expect(read.message.startsWith('colleague.xlsx ')).toBe(true);
    expect(read.message.slice('colleague.xlsx '.length)).toMatch(bad.says);
    expect(read.details.join('\n')).toContain('colleague.xlsx');
    expect(bytes).toEqual(before);
  });

  it('names both frameworks when the copy is from another one, and says how to go on', async () => {
    const read = readCopy(await filledCopy(OWN_FRAMEWORK), 'own.xlsx', draft, bundledMappings);
    expect(read).toMatchObject({ status: 'refused', reason: 'other-framework', details: ['own.xlsx'] });
    if (read.status !== 'refused') return;
    expect(read.message).toContain(`${OWN_FRAMEWORK.title} (version ${OWN_FRAMEWORK.version})`);
    expect(read.message).toContain(`${draft.title} (version ${draft.version})`);
    expect(read.message).toMatch(/Upgrade one of the two/);
  });

  it('reads a copy of another version that a bundled mapping joins (the same reader, not refused)', async () => {
    const combined = bundledFrameworks.draftWithRevisedLeadership;
    const read = readCopy(await filledCopy(draft), 'draft.xlsx', combined, bundledMappings);
    expect(read).toMatchObject({
      status: 'read',
      mappedFrom: { title: draft.title, version: draft.version },
    });
  });
});

/**
 * Each kind of bad copy chosen to combine (issue 23, "bad input"): a file that is not a workbook,
 * a damaged one, a password-protected one, a workbook that is not an assessment, one made by a
 * newer version of the add-in, and one made from another framework that no mapping joins to this
 * workbook's. Each is refused through the pane's reader (src/taskpane/combine/readCopy.ts) with a
 * message that names the file, and the chosen file's bytes are left exactly as they were.
 */
import { strToU8, zipSync } from 'fflate';
import { bundledFrameworks, type Framework } from '../../src/domain/index';
import { bundledMappings } from '../../src/taskpane/bundledMappings';
import { readCopy } from '../../src/taskpane/combine/readCopy';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { writeWorkbookFile } from '../../src/xlsx';
import { buildFramework } from '../builders/framework';
import { SETTINGS } from '../xlsx/planFile';
import { sampleResponses } from '../xlsx/sampleResponses';

const draft = bundledFrameworks.draft2009;

async function copyOf(framework: Framework, edit: (p: WorkbookPlan) => WorkbookPlan = (p) => p) {
  const plan = withResponses(buildPlan(framework, SETTINGS).plan, framework, sampleResponses(framework, 2));
  return writeWorkbookFile(edit(plan));
}

/** The plan with the meta block's layout version set past this add-in's. */
function fromNewerAddin(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.role !== 'meta'
        ? s
        : {
            ...s,
            blocks: s.blocks.map((b) => ({
              ...b,
              cells: b.cells.map((row) => (row[0] === 'layoutVersion' ? [row[0], 99, ...row.slice(2)] : row)),
            })),
          },
    ),
  };
}

const BUDGET = zipSync({
  'xl/workbook.xml': strToU8(
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Budget" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
  ),
});

function locked(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

/** A framework of the officer's own: no bundled mapping joins it to the draft. */
const own = buildFramework({ id: 'own-framework', version: '1', areas: 2 });

const CASES: readonly (readonly [string, string, () => Promise<Uint8Array>, RegExp])[] = [
  [
    'not a workbook',
    'ratings.xlsx',
    () => Promise.resolve(strToU8('name,rating\nA,3\n')),
    /cannot be read: /,
  ],
  [
    'damaged (cut short)',
    'cut.xlsx',
    async () => {
      const bytes = await copyOf(draft);
      return bytes.slice(0, bytes.length / 2);
    },
    /cannot be read: /,
  ],
  ['password-protected', 'locked.xlsx', () => Promise.resolve(locked()), /is password-protected/],
  [
    'not an assessment',
    'budget.xlsx',
    () => Promise.resolve(BUDGET),
    /is not an assessment made by this add-in/,
  ],
  ['from a newer add-in', 'newer.xlsx', () => copyOf(draft, fromNewerAddin), /was made by a newer version/],
  ['from another framework', 'own.xlsx', () => copyOf(own), /was made from .* no mapping between these/],
];

describe('a bad copy chosen to combine', () => {
  it.each(CASES)(
    'is refused when %s, naming the file, and the file is left as it was',
    async (_, name, make, why) => {
      const bytes = await make();
      const before = bytes.slice();
      const read = readCopy(bytes, name, draft, bundledMappings);
      expect(read.status).toBe('refused');
      if (read.status !== 'refused') return;
      expect(read.message.startsWith(`${name} `)).toBe(true);
      expect(read.message).toMatch(why);
      expect(read.details.join('\n')).toContain(name);
      expect(bytes).toEqual(before);
    },
  );

  it('names both frameworks when the copy is from another one, and says how to go on', async () => {
    const read = readCopy(await copyOf(own), 'own.xlsx', draft, bundledMappings);
    expect(read).toMatchObject({ status: 'refused', reason: 'other-framework', details: ['own.xlsx'] });
    if (read.status !== 'refused') return;
    expect(read.message).toContain(`${own.title} (version ${own.version})`);
    expect(read.message).toContain(`${draft.title} (version ${draft.version})`);
    expect(read.message).toMatch(/Upgrade one of the two/);
  });

  it('reads a copy of another version that a bundled mapping joins (the same reader, not refused)', async () => {
    const combined = bundledFrameworks.draftWithRevisedLeadership;
    const read = readCopy(await copyOf(draft), 'draft.xlsx', combined, bundledMappings);
    expect(read).toMatchObject({
      status: 'read',
      mappedFrom: { title: draft.title, version: draft.version },
    });
  });
});

/**
 * Test helper: each kind of file that cannot be used as a copy of the assessment (issue 23, "bad
 * input"), as bytes: not a workbook, damaged, password-protected, a workbook that is not an
 * assessment, one made by a newer version of the add-in, and one made from a framework of the
 * officer's own that no bundled mapping joins to the 2009 draft. With the words each refusal
 * says after the file's name.
 */
import { strToU8, zipSync } from 'fflate';
import { bundledFrameworks, type Framework } from '../../src/domain/index';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { writeWorkbookFile } from '../../src/xlsx';
import { buildFramework } from '../builders/framework';
import { SETTINGS } from './planFile';
import { sampleResponses } from './sampleResponses';

export interface BadCopy {
  readonly kind: string;
  readonly make: () => Promise<Uint8Array>;
  /** What the refusal says after naming the file. */
  readonly says: RegExp;
}

/** A framework of the officer's own: no bundled mapping joins it to the draft. */
export const OWN_FRAMEWORK = buildFramework({ id: 'own-framework', version: '1', areas: 2 });

export async function filledCopy(
  framework: Framework,
  edit: (p: WorkbookPlan) => WorkbookPlan = (p) => p,
  settings = SETTINGS,
): Promise<Uint8Array> {
  const plan = withResponses(buildPlan(framework, settings).plan, framework, sampleResponses(framework, 2));
  return writeWorkbookFile(edit(plan));
}

/** The plan with the meta block's layout version set past this add-in's. */
function fromNewerAddin(plan: WorkbookPlan): WorkbookPlan {
  const newer = (row: readonly unknown[]) =>
    row[0] === 'layoutVersion' ? [row[0], 99, ...row.slice(2)] : row;
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.role !== 'meta'
        ? s
        : { ...s, blocks: s.blocks.map((b) => ({ ...b, cells: b.cells.map(newer) as typeof b.cells })) },
    ),
  };
}

const NOT_AN_ASSESSMENT = zipSync({
  'xl/workbook.xml': strToU8(
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Budget" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
  ),
});

/** An encrypted workbook is an OLE compound file, as an old .xls is. */
function locked(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}

export const BAD_COPIES: readonly BadCopy[] = [
  {
    kind: 'not a workbook',
    make: () => Promise.resolve(strToU8('name,rating\nA,3\n')),
    says: /^cannot be read: /,
  },
  {
    kind: 'damaged (cut short)',
    make: async () => {
      const bytes = await filledCopy(bundledFrameworks.draft2009);
      return bytes.slice(0, bytes.length / 2);
    },
    says: /^cannot be read: /,
  },
  { kind: 'password-protected', make: () => Promise.resolve(locked()), says: /^is password-protected/ },
  {
    kind: 'not an assessment',
    make: () => Promise.resolve(NOT_AN_ASSESSMENT),
    says: /^is not an assessment made by this add-in/,
  },
  {
    kind: 'from a newer add-in',
    make: () => filledCopy(bundledFrameworks.draft2009, fromNewerAddin),
    says: /^was made by a newer version of the add-in/,
  },
];

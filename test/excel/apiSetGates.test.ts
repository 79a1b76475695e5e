/**
 * Every Excel API member the add-in calls is available on every host the manifest admits, or is
 * gated by a requirement set at least as new as the member's. The sets come from the
 * `[Api set: ExcelApi 1.x]` tags of @types/office-js (Microsoft's own typings, generated from the
 * Office.js reference), through the table the fake Excel enforces (apiSets.generated.json), so a
 * member with no tag, an ungated call above the minimum, or a gate naming a lower set than its
 * member fails here. This is how "hiding a sheet needs 1.2 but was called on 1.1" cannot return.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_SETS_FILE, apiSetTableText, compareSets } from '../../scripts/generate-api-sets';
import { MINIMUM_API_SET, OPTIONAL_FEATURES, type OptionalFeature } from '../../src/excel/requirements';
import { memberUses, programOf, sourceFiles, type MemberUse } from './apiUsage';

jest.setTimeout(120_000);

/**
 * Members with no `[Api set]` tag in the typings, each with why it is available wherever the
 * add-in runs. Anything else untagged fails the test.
 */
const UNTAGGED: Readonly<Record<string, string>> = {
  'Excel.run':
    'the entry point of the Excel JavaScript API, in ExcelApi 1.1 (Microsoft’s 1.1 requirement set page)',
  'Excel.RequestContext.sync': 'the proxy model itself: every batch ends in sync (ExcelApi 1.1)',
  'Excel.RequestContext.workbook': 'the root of every request (ExcelApi 1.1)',
  'OfficeExtension.ClientResult.value': 'Office.js runtime (OfficeExtension), not a requirement-set member',
  'OfficeExtension.EventHandlers.add':
    'Office.js runtime; the events themselves carry their sets (onChanged 1.7/1.9)',
  'OfficeExtension.EventHandlerResult.remove': 'Office.js runtime, as EventHandlers.add',
  'Office.onReady': 'Common API core, in every host that loads Office.js',
  'Office.context': 'Common API core',
  'Office.host': 'Common API core',
  'Office.HostType': 'an enum of Office.js itself',
  'Office.HostType.Excel': 'an enum of Office.js itself',
  'Office.PlatformType': 'an enum of Office.js itself',
  'Office.PlatformType.Mac': 'an enum of Office.js itself',
  'Office.PlatformType.PC': 'an enum of Office.js itself',
  'Office.PlatformType.OfficeOnline': 'an enum of Office.js itself',
  'Office.PlatformType.iOS': 'an enum of Office.js itself',
  'Office.Context.platform': 'Common API core (Office.context.platform)',
  'Office.Context.requirements': 'Common API core: how requirement sets are checked at all',
  'Office.RequirementSetSupport.isSetSupported': 'Common API core: how requirement sets are checked at all',
  'Office.Context.officeTheme': 'Common API; read with ?. in index.tsx because some hosts lack it',
  'Office.OfficeTheme.bodyBackgroundColor': 'as Office.Context.officeTheme',
};

/**
 * Present on every ClientObject and collection: not members of a requirement set. `isNullObject`
 * is OfficeExtension.ClientObject's, read after an `...OrNullObject` method (whose set is checked).
 */
const EVERY_OBJECT = new Set(['load', 'items', 'isNullObject']);

export interface GateProblem {
  readonly use: MemberUse;
  readonly problem: string;
}

/** What is wrong with each use, given the minimum and the gated features. */
export function gateProblems(
  uses: readonly MemberUse[],
  minimum: string,
  features: Readonly<Record<string, OptionalFeature>>,
): GateProblem[] {
  const gates = new Map<string, OptionalFeature>();
  for (const feature of Object.values(features)) for (const m of feature.members) gates.set(m, feature);
  const problems: GateProblem[] = [];
  for (const use of uses) {
    const last = use.member.slice(use.member.lastIndexOf('.') + 1);
    if (use.set === undefined) {
      if (
        UNTAGGED[use.member] === undefined &&
        !(use.member.startsWith('Excel.') && EVERY_OBJECT.has(last))
      ) {
        problems.push({ use, problem: 'has no [Api set] tag in @types/office-js and no reason in UNTAGGED' });
      }
      continue;
    }
    if (compareSets(use.set, minimum) <= 0) continue;
    const gate = gates.get(use.member);
    if (!gate) {
      problems.push({
        use,
        problem: `needs ExcelApi ${use.set}, above the minimum ${minimum}, and has no gate`,
      });
    } else if (gate.setName !== 'ExcelApi' || compareSets(gate.version, use.set) < 0) {
      problems.push({
        use,
        problem: `needs ExcelApi ${use.set} but its gate names ${gate.setName} ${gate.version}`,
      });
    }
  }
  return problems;
}

const describeProblems = (problems: readonly GateProblem[]) =>
  problems.map((p) => `${p.use.where}: ${p.use.member} (${p.use.access}) ${p.problem}`);

describe('requirement sets of the Office.js members the add-in calls', () => {
  const files = sourceFiles();
  const uses = memberUses(programOf(files), files);

  it('finds the calls (the analysis sees the adapters and the gateway)', () => {
    const members = new Set(uses.map((u) => u.member));
    for (const expected of [
      'Excel.Worksheet.visibility',
      'Excel.WorksheetProtection.protect',
      'Excel.ShapeCollection.addImage',
      'Excel.createWorkbook',
      'Excel.Range.formulas',
    ]) {
      expect(members.has(expected)).toBe(true);
    }
    // Setting visibility is 1.2 although reading it is 1.1: the write is seen as a write.
    expect(uses.find((u) => u.member === 'Excel.Worksheet.visibility' && u.access === 'write')?.set).toBe(
      '1.2',
    );
    // Paths inside load strings are followed through their types.
    expect(uses.some((u) => u.member === 'Excel.WorksheetProtection.protected')).toBe(true);
    // Options in object literals are members too: allowEditObjects is ExcelApi 1.7.
    expect(uses.find((u) => u.member === 'Excel.WorksheetProtectionOptions.allowEditObjects')?.set).toBe(
      '1.7',
    );
  });

  it('each is at or below the manifest’s minimum, or gated by a set at least as new', () => {
    expect(describeProblems(gateProblems(uses, MINIMUM_API_SET, OPTIONAL_FEATURES))).toEqual([]);
  });

  it('the table the fake enforces is the one the installed typings give', () => {
    expect(readFileSync(API_SETS_FILE, 'utf8')).toBe(apiSetTableText());
  });
});

describe('the check itself fails where it should', () => {
  // Snippets against the real api.ts interfaces, analysed as the product is.
  let folder: string;
  let file: string;
  const analyse = (code: string) => {
    writeFileSync(file, code, 'utf8');
    return memberUses(programOf([file]), [file]);
  };
  beforeAll(() => {
    folder = mkdtempSync(join(__dirname, 'tmp-gates-'));
    file = join(folder, 'snippet.ts');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const header = `import type { XlShapeCollection, XlWorksheet } from '../../../src/excel/api';\n`;

  it('reports a member above the minimum with no gate (shapes.getItemOrNullObject is ExcelApi 1.14)', () => {
    const uses = analyse(`${header}export const f = (s: XlShapeCollection) => s.getItemOrNullObject('x');\n`);
    const problems = describeProblems(gateProblems(uses, MINIMUM_API_SET, {}));
    expect(problems).toEqual([
      expect.stringMatching(/ShapeCollection\.getItemOrNullObject .*needs ExcelApi 1\.14.*no gate/),
    ]);
  });

  it('reports a gate that names a lower set than its member', () => {
    const uses = analyse(`${header}export const f = (s: XlShapeCollection) => s.getItemOrNullObject('x');\n`);
    const lowGate = {
      shapeLookup: {
        setName: 'ExcelApi',
        version: '1.10',
        members: ['Excel.ShapeCollection.getItemOrNullObject'],
        without: '',
      },
    };
    expect(describeProblems(gateProblems(uses, MINIMUM_API_SET, lowGate))).toEqual([
      expect.stringMatching(/needs ExcelApi 1\.14 but its gate names ExcelApi 1\.10/),
    ]);
    const rightGate = { shapeLookup: { ...lowGate.shapeLookup, version: '1.14' } };
    expect(gateProblems(uses, MINIMUM_API_SET, rightGate)).toEqual([]);
  });

  it('reports a protection option newer than the minimum (allowEditObjects is 1.7, the old 1.2 check)', () => {
    const uses = analyse(
      `${header}export const f = (w: XlWorksheet) => w.protection.protect({ allowEditObjects: true });\n`,
    );
    expect(describeProblems(gateProblems(uses, '1.2', {}))).toEqual([
      expect.stringMatching(/WorksheetProtectionOptions\.allowEditObjects \(write\) needs ExcelApi 1\.7/),
    ]);
  });

  it('reports the ExcelApi 1.1 bug this replaced: hiding a sheet (a 1.2 write) on a 1.1 minimum', () => {
    const uses = analyse(`${header}export const f = (w: XlWorksheet) => { w.visibility = 'Hidden'; };\n`);
    expect(describeProblems(gateProblems(uses, '1.1', {}))).toEqual([
      expect.stringMatching(/Worksheet\.visibility \(write\) needs ExcelApi 1\.2, above the minimum 1\.1/),
    ]);
    expect(gateProblems(uses, MINIMUM_API_SET, {})).toEqual([]);
  });
});

/**
 * Start next period in Maintain, over a generated workbook on the fake: the officer's choices
 * reach the new workbook, which opens in another Excel window while this one is left as it was;
 * a damaged assessment is refused with the Check's reasons; where the new workbook cannot be
 * opened it is offered as a file.
 */
import { screen, within } from '@testing-library/react';
import { describeProblem, loadFramework } from '../../src/domain/index';
import { openAsNewWorkbook } from '../../src/taskpane/components/downloadWorkbook';
import { AREA_FIRST_DATA_ROW } from '../../src/workbook/layout';
import { areaLayoutOf } from '../../src/workbook/sheets/area';
import { valueAt } from '../../src/workbook/snapshot';
import { readAssessmentFile } from '../../src/xlsx/assessmentFile';
import { gateway, type FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, rateAll, renderPane } from './renderPane';

jest.setTimeout(90_000);

/** Every cell of every sheet, to show the workbook was only read. */
function dump(doc: FakeWorkbook): Record<string, unknown> {
  return Object.fromEntries(doc.sheetNames().map((name) => [name, doc.values(name, 'A1:R200')]));
}

async function openMaintain(doc: FakeWorkbook, openedWorkbooks: string[]) {
  const pane = renderPane(doc, { openedWorkbooks });
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Maintain' }));
  const section = (await screen.findByRole('heading', { name: 'Start next period' })).closest('section');
  if (!section) throw new Error('no Start next period section');
  return { ...pane, section: within(section as HTMLElement) };
}

it('makes the next period in a new workbook with the choices made, leaving this one as it was', async () => {
  const doc = await generatedWorkbook();
  await rateAll(doc, draft, 3);
  const before = dump(doc);
  const openedWorkbooks: string[] = [];
  const { user, section } = await openMaintain(doc, openedWorkbooks);

  const start = section.getByRole('button', { name: 'Start next period' });
  expect(start).toHaveProperty('disabled', true);
  await user.type(section.getByRole('textbox', { name: /Period of the new assessment/ }), '2027/28');
  const date = section.getByRole('textbox', { name: /Start date/ });
  await user.clear(date);
  await user.type(date, '01/04/2027');
  await user.click(section.getByRole('checkbox', { name: 'Owners' }));
  await user.click(section.getByRole('radio', { name: 'Copy last period’s ratings' }));
  await user.click(start);

  const done = await screen.findByTestId('next-period-done');
  expect(done.textContent).toMatch(/The 2027\/28 assessment is ready/);
  expect(done.textContent).toMatch(/as a new workbook in another Excel window/);
  expect(done.textContent).toMatch(
    /Carried forward from Riverside Homes 2026\/27 .* on 01\/04\/2027: evidence, difference made, review dates, notes carried; ratings copied/,
  );
  expect(dump(doc)).toEqual(before);

  expect(openedWorkbooks).toHaveLength(1);
  const bytes = Uint8Array.from(atob(openedWorkbooks[0] ?? ''), (c) => c.charCodeAt(0));
  const file = readAssessmentFile(bytes, 'next.xlsx', [draft], { loadFramework, describeProblem });
  if (file.status !== 'read') throw new Error(file.message);
  expect(file.assessment.period).toBe('2027/28');
  const first = file.assessment.responses.find((r) => r.area === 5 && r.criterionId === '1.23');
  expect(first).toMatchObject({ rating: 3, evidence: 'Minutes of the board, March' });
  const workforce = file.assessment.snapshot.areas.get(5);
  if (!workforce) throw new Error('no Workforce sheet');
  expect(valueAt(workforce, AREA_FIRST_DATA_ROW, areaLayoutOf(draft, 5).firstOwnColumn)).toBe(3);
});

it('refuses a damaged assessment with the Check’s reasons', async () => {
  const doc = await generatedWorkbook();
  const openedWorkbooks: string[] = [];
  const { user, section } = await openMaintain(doc, openedWorkbooks);
  await gateway(doc).run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Engagement').delete();
    await ctx.sync();
  });
  await user.type(section.getByRole('textbox', { name: /Period of the new assessment/ }), '2027/28');
  await user.click(section.getByRole('button', { name: 'Start next period' }));
  const refused = await screen.findByTestId('next-period-refused');
  expect(refused.textContent).toMatch(/The next period was not started/);
  expect(refused.textContent).toMatch(/The sheet "Engagement" \(.+\) is missing/);
  expect(openedWorkbooks).toEqual([]);
});

describe('where this Excel cannot open a new workbook', () => {
  const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  const offered: string[] = [];
  beforeEach(() => {
    URL.createObjectURL = () => 'blob:test/0';
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      offered.push(this.download);
    });
  });
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    jest.restoreAllMocks();
    offered.length = 0;
  });

  it('offers the file instead (a host below ExcelApi 1.8 has no Excel.createWorkbook)', async () => {
    const opened: string[] = [];
    const gw = gateway(await generatedWorkbook(), { supportedVersion: '1.7', openedWorkbooks: opened });
    const handed = await openAsNewWorkbook(gw, 'next.xlsx', bytes);
    expect(handed).toEqual({ status: 'offered', fileName: 'next.xlsx', bytes: bytes.length });
    expect(offered).toEqual(['next.xlsx']);
    expect(opened).toEqual([]);
  });

  it('opens it where the host can, and says so where neither opening nor a download can reach the officer', async () => {
    const opened: string[] = [];
    const doc = await generatedWorkbook();
    expect(
      await openAsNewWorkbook(gateway(doc, { openedWorkbooks: opened }), 'next.xlsx', bytes),
    ).toMatchObject({
      status: 'opened',
    });
    expect(opened).toHaveLength(1);
    const neither = await openAsNewWorkbook(
      gateway(doc, { supportedVersion: '1.7', platform: 'Mac' }),
      'next.xlsx',
      bytes,
    );
    expect(neither).toMatchObject({ status: 'refused', reason: 'host-blocked' });
    expect(offered).toEqual([]);
  });
});

/**
 * Maintain on the Excel fake: a preview that changes nothing, then regenerate or upgrade on
 * confirmation; a refusal in words; an Excel failure half-way, with every response kept and the
 * next run finishing the job, also when the pane is opened afresh on the stopped workbook.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { bundledFrameworks } from '../../src/domain/index';
import { BACKUP_SHEET } from '../../src/excel/regenerate';
import { AREA_FIRST_DATA_ROW, AREA_HEADER_ROW, areaColumn } from '../../src/workbook/layout';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { cell, rect } from '../../src/workbook/address';
import { FakeOfficeError, type FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, ratingCell, renderPane } from './renderPane';

jest.setTimeout(60_000);

const revision = bundledFrameworks.leadershipRevision;
const combined = bundledFrameworks.draftWithRevisedLeadership;
const TO_COMBINED = `Upgrade to 2009 draft with the revised Leadership area (version ${combined.version})`;
const L = 'Leadership';
const rowOf = (id: string) => areaCriteria(draft, 2).findIndex((c) => c.id === id);

/** Every cell of every sheet, to show that something changed nothing. */
function dump(doc: FakeWorkbook): Record<string, unknown> {
  return Object.fromEntries(doc.sheetNames().map((name) => [name, doc.values(name, 'A1:L200')]));
}

/** The Rating column, found by its heading: the revised Leadership sheet has a Guidance column the draft's has not. */
function ratingColumn(doc: FakeWorkbook, sheet: string): number {
  const headings = doc.values(sheet, `A${AREA_HEADER_ROW}:Z${AREA_HEADER_ROW}`)[0] ?? [];
  const column = headings.indexOf('Rating') + 1;
  if (column === 0) throw new Error(`no Rating heading on ${sheet}`);
  return column;
}

async function openMaintain(doc: FakeWorkbook) {
  const pane = renderPane(doc);
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Maintain' }));
  await screen.findByRole('button', { name: 'Preview the changes' });
  return pane;
}

/** A draft assessment with two Leadership ratings and evidence typed in. */
async function ratedDraft(): Promise<FakeWorkbook> {
  const doc = await generatedWorkbook();
  await doc.simulateEdit(L, ratingCell(rowOf('1.10')), [[3]]);
  await doc.simulateEdit(L, ratingCell(rowOf('1.12')), [[2]]);
  await doc.simulateEdit(L, rect(AREA_FIRST_DATA_ROW + rowOf('1.10'), areaColumn('evidence'), 1, 1), [
    ['Procurement policy, 2026'],
  ]);
  return doc;
}

describe('regenerate', () => {
  it('previews without changing anything, then regenerates on confirmation and keeps every response', async () => {
    const doc = await ratedDraft();
    const { user } = await openMaintain(doc);
    const choice = screen.getByRole('combobox', { name: 'What to do' });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      `Rebuild this assessment as it is (version ${draft.version})`,
      `Upgrade to Leadership, partnership and organisational commitment (later revision) (version ${revision.version})`,
      TO_COMBINED,
    ]);
    const before = dump(doc);
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    const preview = await screen.findByTestId('maintain-preview');
    expect(dump(doc)).toEqual(before);
    expect(screen.getByTestId('maintain-sheet-changes').textContent).toBe(
      'Every area is kept as it is (Knowing customers, Leadership, Engagement, Responsive services and Workforce).',
    );
    expect(preview.textContent).toContain(`Rebuild the sheets of ${draft.title}, version ${draft.version}.`);
    expect(preview.textContent).toContain('2 responses carry over.');
    expect(preview.textContent).toContain(`${draft.criteria.length - 2} criteria have no response yet`);
    expect(preview.textContent).toContain('0 items go to the “Archived responses” sheet.');
    expect(preview.textContent).toMatch(/Settings: Riverside Homes, 2026\/27; rated 3 or more counts as met/);
    expect(preview.textContent).toMatch(/does not keep.*Comments and notes attached to cells/);

    await user.click(screen.getByRole('button', { name: 'Regenerate now' }));
    const done = await screen.findByTestId('maintain-done', {}, { timeout: 30_000 });
    expect(done.textContent).toMatch(/The assessment has been regenerated.*2 responses carried over/);
    expect(doc.value(L, ratingCell(rowOf('1.10')))).toBe(3);
    expect(doc.value(L, ratingCell(rowOf('1.12')))).toBe(2);
    expect(screen.getByTestId('announce-polite').textContent).toBe(
      'The assessment has been regenerated: 2 responses carried over.',
    );
  });

  it('upgrades through the bundled mapping, saying first where each response goes and what is archived', async () => {
    const doc = await ratedDraft();
    const { user } = await openMaintain(doc);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'What to do' }),
      `Upgrade to Leadership, partnership and organisational commitment (later revision) (version ${revision.version})`,
    );
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    const preview = await screen.findByTestId('maintain-preview');
    expect(preview.textContent).toContain(
      `Upgrade from ${draft.title}, version ${draft.version}, to ${revision.title}, version ${revision.version}.`,
    );
    expect(within(preview).getByText(/^1\.10 becomes 2\.10: Leadership row \d+$/)).toBeInTheDocument();
    expect(
      within(preview).getByText(/^Response to 1\.12, from Leadership!.*No counterpart/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('maintain-sheet-changes').textContent).toMatch(
      /^Replaces the Leadership sheet; removes the Knowing customers, Engagement, Responsive services and Workforce sheets/,
    );

    // Something goes to the archive: nothing runs until the officer says yes.
    const upgrade = screen.getByRole('button', { name: 'Upgrade now' });
    expect(upgrade).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /^Yes, move the 1 item listed above/ }));
    await user.click(upgrade);
    expect((await screen.findByTestId('maintain-done', {}, { timeout: 30_000 })).textContent).toMatch(
      /The assessment has been upgraded/,
    );
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toContain(`version ${revision.version}`),
    );
    const moved = AREA_FIRST_DATA_ROW + areaCriteria(revision, 2).findIndex((c) => c.id === '2.10');
    expect(doc.value(L, cell(moved, ratingColumn(doc, L)))).toBe(3);
    expect(doc.sheetNames()).toContain('Archived responses');
  });

  it('upgrades to the draft with the revised Leadership area: Leadership replaced, the archive listed open, the other areas kept', async () => {
    const doc = await ratedDraft();
    await doc.simulateEdit('Workforce', ratingCell(0), [[4]]);
    const { user } = await openMaintain(doc);
    await user.selectOptions(screen.getByRole('combobox', { name: 'What to do' }), TO_COMBINED);
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    const preview = await screen.findByTestId('maintain-preview');
    // The sheets first, before any count.
    const lead = screen.getByTestId('maintain-sheet-changes');
    expect(lead.textContent).toBe('Replaces the Leadership sheet; 4 other areas are kept as they are.');
    expect(preview.textContent?.indexOf(lead.textContent ?? '')).toBeLessThan(
      preview.textContent?.indexOf('carry over') ?? 0,
    );
    // What goes to the archive is on show, not folded into a <details>.
    const archived = screen.getByTestId('maintain-archived');
    expect(archived.closest('details')).toBeNull();
    expect(within(archived).getByText(/^Response to 1\.12, from Leadership!.*No counterpart/)).toBeVisible();

    const upgrade = screen.getByRole('button', { name: 'Upgrade now' });
    expect(upgrade).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /^Yes, move the 1 item listed above/ }));
    await user.click(upgrade);
    await screen.findByTestId('maintain-done', {}, { timeout: 30_000 });
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toContain(`version ${combined.version}`),
    );
    expect(doc.value('Workforce', ratingCell(0))).toBe(4);
    const moved = AREA_FIRST_DATA_ROW + areaCriteria(combined, 2).findIndex((c) => c.id === '2.10');
    expect(doc.value(L, cell(moved, ratingColumn(doc, L)))).toBe(3);
  });

  it('refuses in words, changing nothing, when no mapping leads to the chosen version', async () => {
    const doc = await generatedWorkbook(revision);
    const { user } = await openMaintain(doc);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'What to do' }),
      `Upgrade to A Framework for Fairness (version ${draft.version})`,
    );
    const before = dump(doc);
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    const refused = await screen.findByTestId('maintain-refused');
    expect(refused.textContent).toMatch(/^Nothing was changed.*mapping/);
    expect(screen.queryByRole('button', { name: /now$/ })).toBeNull();
    expect(dump(doc)).toEqual(before);
  });
});

describe('a failure half-way', () => {
  /** Fails the rebuild (the fourth sync of a regeneration) after some of its operations. */
  async function failingRegeneration(doc: FakeWorkbook) {
    const pane = await openMaintain(doc);
    await pane.user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    await screen.findByTestId('maintain-preview');
    doc.failOnSync(doc.syncCount + 4, new FakeOfficeError('GeneralException', 'The connection dropped.'), {
      atOp: 3,
    });
    await pane.user.click(screen.getByRole('button', { name: 'Regenerate now' }));
    await screen.findByTestId('regenerate-resume', {}, { timeout: 30_000 });
    return pane;
  }

  it('says nothing is lost, keeps every response, and running it again finishes the job', async () => {
    const doc = await ratedDraft();
    const { user } = await failingRegeneration(doc);
    expect(screen.getByTestId('excel-problem').textContent).toMatch(
      /^Regeneration stopped before it finished/,
    );
    expect(screen.getByTestId('regenerate-resume').textContent).toMatch(/^Nothing is lost.*Run it again/);
    expect(screen.getByTestId('announce-assertive').textContent).toMatch(/Nothing is lost: run it again/);
    expect(doc.sheetNames()).toContain(BACKUP_SHEET);

    await user.click(screen.getByRole('button', { name: 'Run it again to finish' }));
    const done = await screen.findByTestId('maintain-done', {}, { timeout: 30_000 });
    expect(done.textContent).toContain('This finished the regeneration that had stopped.');
    expect(doc.sheetNames().filter((n) => n === BACKUP_SHEET || n.startsWith('EqOld'))).toEqual([]);
    expect(doc.value(L, ratingCell(rowOf('1.10')))).toBe(3);
    expect(doc.value(L, ratingCell(rowOf('1.12')))).toBe(2);
  });

  it('opens Maintain on a stopped workbook and finishes it from there', async () => {
    const doc = await ratedDraft();
    const first = await failingRegeneration(doc);
    first.unmount();

    const { user } = renderPane(doc);
    expect((await opened()).textContent).toMatch(/A regeneration stopped half-way.*Nothing is lost/);
    expect(screen.getByRole('tab', { name: 'Maintain' })).toHaveAttribute('aria-selected', 'true');
    await user.click(await screen.findByRole('button', { name: 'Preview the changes' }));
    expect((await screen.findByTestId('maintain-preview')).textContent).toMatch(
      /An earlier regeneration stopped half-way/,
    );
    await user.click(screen.getByRole('button', { name: /now$/ }));
    await screen.findByTestId('maintain-done', {}, { timeout: 30_000 });
    expect(doc.value(L, ratingCell(rowOf('1.10')))).toBe(3);
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toMatch(/Assessment found/),
    );
  });
});

describe('a deleted area sheet', () => {
  it('is refused first (it may have been renamed); the officer can say it was deleted and rebuild it', async () => {
    const doc = await ratedDraft();
    const engagement = draft.areas[2]!.shortName;
    doc.deleteSheet(doc.sheet(engagement), 'officer');
    const { user } = await openMaintain(doc);
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    expect((await screen.findByTestId('maintain-refused')).textContent).toContain(`"${engagement}"`);
    await user.click(screen.getByRole('checkbox', { name: /deleted, not renamed/ }));
    await user.click(screen.getByRole('button', { name: 'Preview the changes' }));
    await screen.findByTestId('maintain-preview');
    await user.click(screen.getByRole('button', { name: 'Regenerate now' }));
    await screen.findByTestId('maintain-done', {}, { timeout: 30_000 });
    expect(doc.sheetNames()).toContain(engagement);
    expect(doc.value(L, ratingCell(rowOf('1.10')))).toBe(3);
  });
});

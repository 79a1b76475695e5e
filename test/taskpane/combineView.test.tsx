/**
 * Maintain's "Combine a colleague's copy" on the Excel fake: a colleague's .xlsx chosen, the
 * counts and the differing criteria shown side by side, nothing written before the officer
 * confirms, their choice written (per criterion, or for a whole area at once), ours archived; each
 * kind of bad copy refused by name, the workbook left as it was.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { bundledFrameworks, type ResponseRow } from '../../src/domain/index';
import { cell, columnLetter } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { areaLayoutOf } from '../../src/workbook/sheets/area';
import { ARCHIVE_FIRST_ROW, ARCHIVE_SHEET, archiveColumn } from '../../src/workbook/sheets/archive';
import { buildPlan } from '../../src/workbook/buildPlan';
import { withResponses } from '../../src/workbook/filledPlan';
import { writeWorkbookFile } from '../../src/xlsx';
import { BAD_COPIES, filledCopy, OWN_FRAMEWORK } from '../xlsx/badCopies';
import { SETTINGS } from '../xlsx/planFile';
import type { FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, ratingCell, renderPane } from './renderPane';

jest.setTimeout(90_000);

const L = 'Leadership';
const leadership = draft.criteria.filter((c) => c.area === 2);
const [first, second] = leadership as [(typeof leadership)[number], (typeof leadership)[number]];
const row = (c: typeof first, rating: number, evidence: string): ResponseRow => ({
  criterionId: c.id,
  area: c.area,
  rating,
  evidence,
  difference: '',
  owner: '',
  reviewDate: '',
  notes: '',
});

async function colleagueFile(
  responses: readonly ResponseRow[],
  name = 'hr-copy.xlsx',
  organisation = SETTINGS.organisation,
): Promise<File> {
  const settings = { ...SETTINGS, organisation };
  const bytes = await writeWorkbookFile(withResponses(buildPlan(draft, settings).plan, draft, responses));
  return new File([bytes as Uint8Array<ArrayBuffer>], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

async function openMaintain(doc: FakeWorkbook) {
  const pane = renderPane(doc);
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Maintain' }));
  return { ...pane, input: await screen.findByLabelText('Colleagues’ copies (.xlsx, one or more)') };
}

describe('combining a colleague’s copy', () => {
  it('shows what differs, writes nothing until confirmed, then writes the choices and archives ours', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [[2]]);
    const { user, input } = await openMaintain(doc);
    await user.upload(
      input,
      await colleagueFile([row(first, 3, 'Audit done'), row(second, 4, 'Board minutes')]),
    );

    const counts = await screen.findByTestId('combine-counts');
    expect(counts.textContent).toMatch(
      /hr-copy\.xlsx .*: 1 new, 1 in conflict, \d+ the same, 0 answered only here\./,
    );
    const conflict = screen.getByTestId(`combine-2#${first.id}`);
    expect(within(conflict).getByRole('table').textContent).toContain('Rating23');
    // Nothing written on our side is said in a word, not shown as empty quotes.
    expect(within(conflict).getByRole('row', { name: /Evidence/ }).textContent).toBe(
      'Evidence(blank)"Audit done"',
    );
    expect(doc.value(L, ratingCell(1))).toBe('');

    await user.click(within(conflict).getByRole('radio', { name: 'Take theirs' }));
    await user.click(screen.getByRole('button', { name: 'Combine: change 2 criteria' }));
    await screen.findByTestId('combine-done');
    expect(doc.value(L, ratingCell(0))).toBe(3);
    expect(doc.value(L, ratingCell(1))).toBe(4);
    await waitFor(() => expect(doc.sheetNames()).toContain(ARCHIVE_SHEET));
    expect(doc.value(ARCHIVE_SHEET, 'H5')).toBe(2);
  });

  it('sets a whole area at once to any of the three choices: "Keep both" joins the texts, our rating kept', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [[2]]);
    await doc.simulateEdit(L, evidenceCell(0), [['Policy agreed']]);
    const { user, input } = await openMaintain(doc);
    await user.upload(
      input,
      await colleagueFile([row(first, 3, 'Audit done'), row(second, 4, 'Board minutes')]),
    );
    const area = await screen.findByRole('region', { name: 'Area 2' });
    expect(
      within(area)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Take theirs for all 2 in area 2',
      'Keep ours for all 2 in area 2',
      'Keep both for all 2 in area 2',
    ]);

    await user.click(within(area).getByRole('button', { name: 'Keep both for all 2 in area 2' }));
    for (const c of [first, second]) {
      const choice = within(screen.getByTestId(`combine-2#${c.id}`)).getByRole('radio', {
        name: 'Keep both (texts joined)',
      });
      expect(choice).toBeChecked();
    }
    expect(doc.value(L, evidenceCell(0))).toBe('Policy agreed');
    await user.click(screen.getByRole('button', { name: 'Combine: change 2 criteria' }));
    await screen.findByTestId('combine-done');
    expect(doc.value(L, ratingCell(0))).toBe(2);
    expect(doc.value(L, evidenceCell(0))).toBe('Policy agreed\n[From hr-copy.xlsx] Audit done');
    // Nothing of ours to join for the new criterion: theirs fills the blanks.
    expect([doc.value(L, ratingCell(1)), doc.value(L, evidenceCell(1))]).toEqual([4, 'Board minutes']);
    await waitFor(() => expect(doc.sheetNames()).toContain(ARCHIVE_SHEET));
    expect(doc.value(ARCHIVE_SHEET, cell(ARCHIVE_FIRST_ROW, archiveColumn('evidence')))).toBe(
      'Policy agreed',
    );
  });

  it('reads the copy with Excel where the host can (ExcelApi 1.13, not the web), with the same comparison', async () => {
    const file = await colleagueFile([row(first, 3, 'Audit done'), row(second, 4, 'Board minutes')]);
    const seen: Record<string, { counts: string; readBy: string }> = {};
    for (const platform of ['PC', 'OfficeOnline'] as const) {
      const doc = await generatedWorkbook();
      await doc.simulateEdit(L, ratingCell(0), [[2]]);
      const sheetsBefore = doc.sheetNames();
      const pane = renderPane(doc, { supportedVersion: '1.13', platform });
      await opened();
      await pane.user.click(screen.getByRole('tab', { name: 'Maintain' }));
      await pane.user.upload(await screen.findByLabelText('Colleagues’ copies (.xlsx, one or more)'), file);
      seen[platform] = {
        counts: (await screen.findByTestId('combine-counts')).textContent ?? '',
        readBy: screen.getByTestId('combine-read-by').textContent ?? '',
      };
      // Excel's parser put the copy's sheets in and took them out again.
      expect(doc.sheetNames()).toEqual(sheetsBefore);
      pane.unmount();
    }
    expect(seen.PC?.readBy).toBe('Read with Excel.');
    expect(seen.OfficeOnline?.readBy).toBe(
      "Read with the add-in's file reader: Excel on the web cannot open a copy with charts itself.",
    );
    expect(seen.PC?.counts).toBe(seen.OfficeOnline?.counts);
    expect(seen.PC?.counts).toMatch(/: 1 new, 1 in conflict/);
  });

  it('refuses a file that is not an assessment, naming it, and changes nothing', async () => {
    const doc = await generatedWorkbook();
    const { user, input } = await openMaintain(doc);
    await user.upload(input, new File(['name,rating\n'], 'ratings.xlsx'));
    const refused = await screen.findByTestId('combine-refused');
    expect(refused.textContent).toMatch(/ratings\.xlsx cannot be read/);
    expect(doc.sheetNames()).not.toContain(ARCHIVE_SHEET);
  });

  it('refuses each kind of bad copy by name where Excel opens copies itself, leaving the workbook as it was', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [[2]]);
    const stateOf = () => ({
      sheets: doc.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        cells: doc.engine.getSheetSerialized(s.engineId),
      })),
      names: doc.nameList(),
    });
    const before = stateOf();
    const pane = renderPane(doc, { supportedVersion: '1.13', platform: 'PC' });
    await opened();
    await pane.user.click(screen.getByRole('tab', { name: 'Maintain' }));
    const input = await screen.findByLabelText('Colleagues’ copies (.xlsx, one or more)');
    const bad = [
      ...BAD_COPIES,
      { kind: 'from another framework', make: () => filledCopy(OWN_FRAMEWORK), says: /^was made from / },
    ];
    const checked: [string, boolean][] = [];
    for (const [i, copy] of bad.entries()) {
      const name = `bad-${i}.xlsx`;
      const bytes = await copy.make();
      const batches = doc.batches.length;
      await pane.user.upload(input, new File([bytes as Uint8Array<ArrayBuffer>], name));
      await waitFor(() => expect(screen.getByTestId('combine-refused').textContent).toContain(`${name} `));
      const said = screen.getByTestId('combine-refused').textContent ?? '';
      expect([copy.kind, said.slice(said.indexOf(`${name} `) + name.length + 1)]).toEqual([
        copy.kind,
        expect.stringMatching(copy.says),
      ]);
      expect(screen.queryByTestId('combine-comparison')).toBeNull();
      // Excel is given a file whose sheets can be listed, not a damaged one: its request carries the
      // file (told apart from the pane's own requests only for a file much larger than those).
      const base64 = Buffer.from(bytes).toString('base64').length;
      if (base64 > 10_000) {
        const sent = doc.batches.slice(batches).some((b) => b.bytes >= base64);
        checked.push([copy.kind, sent]);
      }
      expect(stateOf()).toEqual(before);
    }
    expect(checked).toEqual([
      ['damaged (cut short)', false],
      ['from a newer add-in', true],
      ['from another framework', true],
    ]);
  });

  it('matches a copy of the 2009 draft to a workbook on the combined framework through the mapping', async () => {
    const combined = bundledFrameworks.draftWithRevisedLeadership;
    const doc = await generatedWorkbook(combined);
    const { user, input } = await openMaintain(doc);
    const workforce = draft.criteria.find((c) => c.area === 5)!;
    await user.upload(input, await colleagueFile([row(workforce, 3, 'Staff survey')], 'draft-copy.xlsx'));
    expect((await screen.findByTestId('combine-counts')).textContent).toMatch(/: 1 new, 0 in conflict/);
    expect(screen.getByTestId('combine-mapped').textContent).toContain(draft.title);
    await user.click(screen.getByRole('button', { name: 'Combine: change 1 criterion' }));
    await screen.findByTestId('combine-done');
    const sheet = combined.areas.find((a) => a.number === 5)!.shortName;
    const index = combined.criteria.filter((c) => c.area === 5).findIndex((c) => c.id === workforce.id);
    const ratingColumn = areaLayoutOf(combined, 5).column('rating');
    expect(doc.value(sheet, cell(AREA_FIRST_DATA_ROW + index, ratingColumn))).toBe(3);
  });

  it('combines several departments’ copies at once under one rule, and names the same copy twice or a bad file', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [[2]]);
    await doc.simulateEdit(L, evidenceCell(0), [['Policy agreed']]);
    const { user, input } = await openMaintain(doc);
    // Two departments' copies of this workbook: the same organisation and period on both Start
    // sheets (the usual case), different answers. Combined, not taken for one copy twice.
    const hr = await colleagueFile([row(first, 3, 'Audit done')], 'hr.xlsx');
    const housing = await colleagueFile(
      [row(first, 4, 'Board minutes'), row(second, 1, 'Survey')],
      'housing.xlsx',
    );

    // The same copy twice (the same answers, saved under another name): named, nothing compared.
    await user.upload(input, [hr, await colleagueFile([row(first, 3, 'Audit done')], 'hr-again.xlsx')]);
    expect((await screen.findByTestId('combine-refused')).textContent).toMatch(
      /hr\.xlsx, hr-again\.xlsx: the same answers in each/,
    );
    // A file that is not an assessment among good ones: named, nothing compared.
    await user.upload(input, [hr, new File(['x'], 'notes.xlsx')]);
    expect((await screen.findByTestId('combine-refused')).textContent).toMatch(
      /one file of the 2 chosen[\s\S]*notes\.xlsx/,
    );

    await user.upload(input, [hr, housing]);
    expect((await screen.findByTestId('combine-many-summary')).textContent).toMatch(
      /2 copies read.*change 2 criteria/,
    );
    // Join the texts (the default): our rating stays, every text is kept.
    await user.click(screen.getByRole('button', { name: 'Combine: change 2 criteria' }));
    await screen.findByTestId('combine-done');
    expect(doc.value(L, ratingCell(0))).toBe(2);
    expect(doc.value(L, evidenceCell(0))).toBe(
      'Policy agreed\n[From hr.xlsx] Audit done\n[From housing.xlsx] Board minutes',
    );
    expect(doc.value(L, ratingCell(1))).toBe(1);
    // The cell's earlier text is archived too, though it leads the joined one.
    const archived = (key: Parameters<typeof archiveColumn>[0]) =>
      doc.value(ARCHIVE_SHEET, cell(ARCHIVE_FIRST_ROW, archiveColumn(key)));
    expect(archived('evidence')).toBe('Policy agreed');
    expect(archived('reason')).toMatch(
      /when combining with 2 copies \(hr\.xlsx, housing\.xlsx\) \(their texts joined, ratings here kept\)/,
    );
  });

  it('takes the later copy when the officer chooses so', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit(L, ratingCell(0), [[2]]);
    const { user, input } = await openMaintain(doc);
    await user.upload(input, [
      await colleagueFile([row(first, 3, 'Audit done')], 'hr.xlsx', 'HR'),
      await colleagueFile([row(first, 4, 'Board minutes')], 'housing.xlsx', 'Housing'),
    ]);
    await screen.findByTestId('combine-many');
    await user.click(screen.getByRole('radio', { name: /Take the copy’s answer/ }));
    await user.click(await screen.findByRole('button', { name: 'Combine: change 1 criterion' }));
    await screen.findByTestId('combine-done');
    expect(doc.value(L, ratingCell(0))).toBe(4);
    expect(doc.value(L, evidenceCell(0))).toBe('Board minutes');
  });
});

function evidenceCell(index: number): string {
  return `${columnLetter(areaColumn('evidence'))}${AREA_FIRST_DATA_ROW + index}`;
}

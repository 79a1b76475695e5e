/** Set up: the form, its messages, generating with progress, refusal, missing features and Excel errors. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { FakeOfficeError, FakeWorkbook } from '../platform/fake-excel';
import { generateInto } from '../excel/generateHelpers';
import { draft, generatedWorkbook, opened, renderPane, startCell } from './renderPane';
import { loadFramework } from '../../src/domain/index';
import { frameworkTemplatePlan } from '../../src/workbook/frameworkTemplate';
import { writeWorkbookFile } from '../../src/xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The revision as a framework workbook with its own id (written with the template writer). */
async function ownWorkbookFile(
  change?: (plan: ReturnType<typeof frameworkTemplatePlan>) => void,
): Promise<File> {
  const loaded = loadFramework({ ...leadershipJson, id: 'riverside', version: '2' }, 'riverside.json');
  if (!loaded.ok) throw new Error('the test framework does not load');
  const plan = frameworkTemplatePlan(loaded.framework);
  change?.(plan);
  const bytes = await writeWorkbookFile(plan);
  return new File([bytes as Uint8Array<ArrayBuffer>], 'riverside.xlsx', { type: XLSX_TYPE });
}

jest.setTimeout(60_000);

async function fillForm(user: ReturnType<typeof renderPane>['user']) {
  await user.type(await screen.findByRole('textbox', { name: /Organisation/ }), 'Riverside Homes');
  await user.type(screen.getByRole('textbox', { name: /Assessment period/ }), '2026/27');
}

function generateButton(): HTMLElement {
  return screen.getByRole('button', { name: /Generate the assessment/ });
}

describe('Set up on a workbook without an assessment', () => {
  it('opens on Set up, with the bundled frameworks and the scale from the framework', async () => {
    renderPane();
    expect((await opened()).textContent).toMatch(/No assessment in this workbook yet/);
    expect(screen.getByRole('tab', { name: 'Set up' })).toHaveAttribute('aria-selected', 'true');
    const framework = await screen.findByRole('combobox', { name: 'Framework' });
    expect(
      within(framework)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'All five areas: 2009 draft',
      'All five areas: 2009 draft with the revised Leadership area',
      'Leadership area only: later revision',
      'Use your own framework file',
    ]);
    const threshold = screen.getByRole('combobox', { name: /Lowest rating that counts as met/ });
    expect(
      within(threshold)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(draft.ratingScale.points.map((p) => `${p.value}: ${p.label}`));
    expect(threshold).toHaveValue(String(draft.levelRule.metThreshold));
    expect(screen.getByTestId('framework-about').textContent).toContain(`${draft.criteria.length} criteria`);
  });

  it('names each field that needs attention, moves focus to the first, and changes nothing', async () => {
    const { doc, user } = renderPane();
    await opened();
    const share = await screen.findByRole('textbox', { name: /Share of applicable criteria/ });
    await user.clear(share);
    await user.type(share, '0');
    await user.click(generateButton());
    expect(screen.getByText('Enter your organisation’s name.')).toBeVisible();
    expect(screen.getByText(/Enter the assessment period/)).toBeVisible();
    expect(screen.getByText(/Enter a whole percentage from 1 to 100/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Organisation/ })).toHaveFocus();
    expect(screen.getByTestId('announce-assertive').textContent).toMatch(/3 fields need attention/);
    expect(doc.sheetNames()).toEqual(['Sheet1']);
  });

  it('generates the assessment, shows the outcome and then recognises it', async () => {
    const { doc, user } = renderPane();
    await opened();
    await fillForm(user);
    await user.click(generateButton());
    const done = await screen.findByTestId('generate-done');
    expect(done.textContent).toContain('Start');
    expect(done.textContent).not.toContain('EqMeta');
    expect(doc.sheetNames()).toContain('Leadership');
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toMatch(/Assessment found/),
    );
    expect(screen.getByTestId('announce-polite').textContent).toMatch(/generated/);
    expect(doc.value('Start', startCell(draft, 'organisation'))).toBe('Riverside Homes');
    expect(doc.value('Start', startCell(draft, 'period'))).toBe('2026/27');
  });

  it('shows and announces each progress step while generating', async () => {
    const { user } = renderPane(new FakeWorkbook(), { syncDelayMs: 20 });
    await opened();
    await fillForm(user);
    // Generation over the fake is quick: record what the pane showed on the way.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const bar = screen.queryByRole('progressbar', { name: 'Generation progress' });
      if (bar) seen.push(`bar ${bar.getAttribute('aria-valuenow') ?? ''}`);
      seen.push(screen.getByTestId('announce-polite').textContent ?? '');
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    await user.click(generateButton());
    await screen.findByTestId('generate-done');
    observer.disconnect();
    expect(seen).toContainEqual(expect.stringMatching(/Step 1 of 2: looking at the sheets/));
    expect(seen).toContainEqual(expect.stringMatching(/Step 2 of 2: writing the sheets/));
    expect(seen).toContain('bar 2');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows an Excel error in words with the details for support, and the pane stays usable', async () => {
    const doc = new FakeWorkbook();
    const { user } = renderPane(doc);
    await opened();
    await fillForm(user);
    // Sync 1 of generation reads the sheet names; sync 2 writes.
    doc.failOnSync(doc.syncCount + 2, new FakeOfficeError('AccessDenied', 'The workbook is read-only.'));
    await user.click(generateButton());
    const problem = await screen.findByTestId('excel-problem');
    expect(problem.textContent).toMatch(
      /Could not generate the workbook\. A sheet is protected or the workbook is read-only/,
    );
    expect(problem.textContent).toContain('AccessDenied');
    expect(screen.getByTestId('announce-assertive').textContent).toMatch(/read-only/);
    expect(generateButton()).toBeEnabled();
  });
});

describe('Set up with the organisation’s own framework file', () => {
  async function chooseOwn(user: ReturnType<typeof renderPane>['user']) {
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Framework' }), 'own');
    return screen.getByLabelText('Your framework file');
  }

  it('lists the loader’s problems with the file name, the place in the file and what is expected', async () => {
    const { user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    const broken = { ...leadershipJson, levels: 'three' };
    await user.upload(input, new File([JSON.stringify(broken)], 'ours.json', { type: 'application/json' }));
    const problems = await screen.findByTestId('framework-problems');
    expect(problems.textContent).toMatch(/ours\.json, field "levels": /);
    expect(screen.getByText(/This file has a problem/)).toBeVisible();
    await fillForm(user);
    await user.click(generateButton());
    expect(screen.queryByTestId('generate-done')).toBeNull();
  });

  it('says so when the file is not JSON at all', async () => {
    const { user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    await user.upload(input, new File(['not json'], 'notes.json', { type: 'application/json' }));
    expect((await screen.findByTestId('framework-problems')).textContent).toMatch(
      /notes\.json, the whole file: /,
    );
  });

  it('asks for the file when none is chosen', async () => {
    const { user } = renderPane();
    await opened();
    await chooseOwn(user);
    await fillForm(user);
    await user.click(generateButton());
    expect(screen.getByText(/Choose your framework file/)).toBeVisible();
  });

  it('generates from a good file and then reads the assessment with it', async () => {
    const { doc, user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    const own = { ...leadershipJson, id: 'riverside', version: '1' };
    await user.upload(input, new File([JSON.stringify(own)], 'riverside.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('framework-about').textContent).toContain('version 1'));
    await fillForm(user);
    await user.click(generateButton());
    await screen.findByTestId('generate-done');
    expect(doc.sheetNames()).toContain('Leadership');
    // The pane remembers the file for this session, so it knows the workbook's framework.
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toMatch(/Assessment found/),
    );
  });
});

describe('Set up with a framework written in Excel', () => {
  async function chooseOwn(user: ReturnType<typeof renderPane>['user']) {
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Framework' }), 'own');
    return screen.getByLabelText('Your framework file');
  }

  it('offers the template, says what the file can be, and generates from an .xlsx framework', async () => {
    const { doc, user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    expect(input).toHaveAttribute('accept', expect.stringContaining('.xlsx'));
    expect(screen.getByText(/made from the framework template \(\.xlsx\)/)).toBeVisible();
    expect(screen.queryByText(/framework\/README\.md/)).toBeNull();
    expect(screen.getByRole('button', { name: /framework template/ })).toBeEnabled();

    await user.upload(input, await ownWorkbookFile());
    await waitFor(() => expect(screen.getByTestId('framework-about').textContent).toContain('version 2'));
    await fillForm(user);
    await user.click(generateButton());
    await screen.findByTestId('generate-done');
    await waitFor(() =>
      expect(screen.getByTestId('workbook-banner').textContent).toMatch(/Assessment found/),
    );
    expect(doc.sheetNames()).toContain('Leadership');
  });

  it('asks for a spreadsheet in another format to be saved as .xlsx', async () => {
    const { user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    // Chosen with the picker showing all files: the input's accept list would hide it.
    fireEvent.change(input, {
      target: {
        files: [
          new File(['not read'], 'framework.ods', { type: 'application/vnd.oasis.opendocument.spreadsheet' }),
        ],
      },
    });
    expect((await screen.findByTestId('framework-problems')).textContent).toBe(
      'framework.ods, the whole file: it is saved as .ods, which the add-in does not read; open it and save it as an Excel Workbook (.xlsx), then choose that file',
    );
  });

  it('lists the problems of a framework workbook by sheet and cell', async () => {
    const { user } = renderPane();
    await opened();
    const input = await chooseOwn(user);
    const broken = await ownWorkbookFile((plan) => {
      const levels = plan.sheets.find((s) => s.name === 'Levels');
      const first = levels?.blocks[1]?.cells[0] as unknown[] | undefined;
      if (!first) throw new Error('the template has no level rows');
      first[1] = 'Developing!';
    });
    await user.upload(input, broken);
    const problems = await screen.findByTestId('framework-problems');
    expect(problems.textContent).toBe(
      'riverside.xlsx, Levels!B2: a level id is lower-case letters, digits and hyphens',
    );
  });
});

describe('Set up on a workbook that already holds an assessment', () => {
  it('shows its settings read-only, as the workbook holds them, with the ways forward and no Generate', async () => {
    const doc = await generatedWorkbook();
    // Changed on the Start sheet after generating: the view shows the workbook's value, not a default.
    await doc.simulateEdit('Start', startCell(draft, 'metThreshold'), [[4]]);
    await doc.simulateEdit('Start', startCell(draft, 'requiredShare'), [[0.8]]);
    const { user } = renderPane(doc);
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    const existing = await screen.findByTestId('existing-assessment');
    const settings = within(existing).getByTestId('existing-settings');
    await waitFor(() => expect(settings.textContent).toContain('Riverside Homes'));
    const pairs = [...settings.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ]);
    expect(pairs).toEqual([
      ['Framework', `${draft.title} (version ${draft.version})`],
      ['Organisation', 'Riverside Homes'],
      ['Assessment period', '2026/27'],
      [
        'Lowest rating that counts as met',
        `4: ${draft.ratingScale.points.find((p) => p.value === 4)?.label ?? ''}`,
      ],
      ['Share of applicable criteria to meet for a level', '80%'],
    ]);
    // Nothing to type and nothing to generate.
    expect(within(existing).queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Generate/ })).toBeNull();
    expect(existing.textContent).toMatch(/Start sheet itself/);
    expect(existing.textContent).toMatch(/in Maintain: it keeps every response/);
    await user.click(within(existing).getByRole('button', { name: 'Go to Maintain' }));
    expect(screen.getByRole('tab', { name: 'Maintain' })).toHaveAttribute('aria-selected', 'true');
  });

  it('names a setting that cannot be used, with its cell', async () => {
    const doc = await generatedWorkbook();
    await doc.simulateEdit('Start', startCell(draft, 'metThreshold'), [['three']]);
    const { user } = renderPane(doc);
    await opened();
    await user.click(screen.getByRole('tab', { name: 'Set up' }));
    const existing = await screen.findByTestId('existing-assessment');
    await waitFor(() => expect(existing.textContent).toMatch(/A setting cannot be used/));
    expect(existing.textContent).toContain(`Start!${startCell(draft, 'metThreshold')}`);
    expect(within(existing).getByTestId('existing-settings').textContent).toContain('Cannot be used');
  });

  it('shows the adapter’s refusal and changes nothing when someone generated one meanwhile', async () => {
    const doc = new FakeWorkbook();
    const { user } = renderPane(doc);
    await opened();
    await fillForm(user);
    // A co-author generates in the same workbook while this pane still shows the empty form.
    await generateInto(draft, { doc });
    const before = doc.sheetNames();
    await user.click(generateButton());
    const refused = await screen.findByTestId('generate-refused');
    expect(refused.textContent).toMatch(/already holds an assessment.*nothing was changed/);
    expect(refused.textContent).toMatch(/use Maintain: it keeps every response/);
    expect(doc.sheetNames()).toEqual(before);
    await user.click(within(refused).getByRole('button', { name: 'Go to Maintain' }));
    expect(screen.getByRole('tab', { name: 'Maintain' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('button', { name: 'Preview the changes' })).toBeEnabled();
  });
});

it('keeps the share field a text box so "80%" can be typed', async () => {
  renderPane();
  await opened();
  const share = await screen.findByRole('textbox', { name: /Share of applicable criteria/ });
  fireEvent.change(share, { target: { value: '80%' } });
  expect(share).toHaveValue('80%');
});

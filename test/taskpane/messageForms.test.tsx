/**
 * Every message form issue 26 lists, as the officer sees it in the pane over a generated workbook:
 * the criterion and column first and the cell after; "same theme"; an invisible character and a
 * number stored as text named; the add-in's own "4 (In place and effective)" recognised with a
 * certain fix; fixes that say what they will write (never "it will become"); buttons named for
 * what they do; a date stored as text and an invalid date; arithmetic noise read as the rating the
 * cell shows; framework file problems by field and position counted from one; the Excel version
 * named instead of the requirement set.
 */
import { act, screen, within } from '@testing-library/react';
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { columnLetter } from '../../src/workbook/address';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import type { FakeWorkbook } from '../platform/fake-excel';
import { draft, generatedWorkbook, opened, ratingCell, renderPane } from './renderPane';

jest.setTimeout(90_000);

const leadership = draft.areas.find((a) => a.number === 2);
if (!leadership) throw new Error('the 2009 draft has no area 2');
const L = leadership.shortName;
const criteria = areaCriteria(draft, 2);
const id = (i: number) => criteria[i]?.id ?? '';
const label = (value: number) => draft.ratingScale.points.find((p) => p.value === value)?.label ?? '';
const cellOf = (key: 'rating' | 'reviewDate', i: number) =>
  `${columnLetter(areaColumn(key))}${AREA_FIRST_DATA_ROW + i}`;

/**
 * A higher-level criterion of Leadership whose theme has a lower level on another row of the
 * sheet, both below the first five rows (which the other messages use).
 */
const USED = 5;
const higher = criteria.findIndex(
  (c, i) =>
    i >= USED && c.row !== null && criteria.some((o, j) => j >= USED && o.row === c.row && o.level < c.level),
);
const lower = criteria.findIndex(
  (c, j) => j >= USED && c.row === criteria[higher]?.row && c.level < (criteria[higher]?.level ?? 0),
);

async function openCheck(doc: FakeWorkbook) {
  const pane = renderPane(doc);
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Check' }));
  await screen.findByTestId('check-summary');
  return pane;
}

/** The list item about a cell, opening its section first if it is folded. */
function itemFor(rule: string, cell: string): HTMLElement {
  const item = screen
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('data-problem') === `${rule}:'${L}'!${cell}`);
  if (!item) throw new Error(`no ${rule} problem listed for ${cell}`);
  return item;
}

describe('the words of each message form, in the Check view', () => {
  let doc: FakeWorkbook;
  beforeAll(async () => {
    expect(higher).toBeGreaterThanOrEqual(0);
    expect(lower).toBeGreaterThanOrEqual(0);
    doc = await generatedWorkbook();
    const edits: [string, string | number][] = [
      // After an apostrophe, as a paste into a cell formatted as text keeps it.
      [ratingCell(0), "'3\u200b"],
      [ratingCell(1), "'4"],
      [ratingCell(2), '4 (In place and effective)'],
      [ratingCell(3), 'n/a'],
      [ratingCell(4), '=0.1*30'],
      [cellOf('reviewDate', 0), "'01/04/2026"],
      [cellOf('reviewDate', 1), 'TBC'],
      [cellOf('reviewDate', 2), 3],
      [ratingCell(higher), 4],
      [ratingCell(lower), 1],
    ];
    for (const [cell, value] of edits) await doc.simulateEdit(L, cell, [[value]]);
  });

  it('leads with the criterion and column, names the cell after, and names each button for what it does', async () => {
    await openCheck(doc);
    const item = itemFor('rating-invalid', ratingCell(0));
    expect(item.textContent).toMatch(new RegExp(`^error ${id(0).replace('.', '\\.')}, Rating: `));
    expect(within(item).getByText(`Cell ${ratingCell(0)} on ${L}`)).toBeVisible();
    expect(within(item).getByRole('button', { name: `Go to ${id(0)} Rating` })).toBeEnabled();
    expect(within(item).getByRole('button', { name: `Fix ${id(0)}: write 3 (${label(3)})` })).toBeEnabled();
  });

  it('names an invisible character and a number stored as text, and says what each fix will write', async () => {
    await openCheck(doc);
    const invisible = itemFor('rating-invalid', ratingCell(0)).textContent ?? '';
    expect(invisible).toContain('it holds an invisible character, a zero-width space');
    expect(invisible).toMatch(/Fix writes 3 \(/);
    const asText = itemFor('rating-invalid', ratingCell(1)).textContent ?? '';
    expect(asText).toContain('"4" is not a rating (a number stored as text)');
    expect(asText).toContain('Fix writes 4 (In place and effective)');
    for (const text of [invisible, asText]) expect(text).not.toMatch(/will become|can become/);
  });

  it('recognises the add-in’s own "4 (In place and effective)" and "n/a" as certain fixes', async () => {
    await openCheck(doc);
    expect(
      within(itemFor('rating-invalid', ratingCell(2))).getByRole('button', {
        name: `Fix ${id(2)}: write 4 (In place and effective)`,
      }),
    ).toBeEnabled();
    expect(
      within(itemFor('rating-invalid', ratingCell(3))).getByRole('button', {
        name: `Fix ${id(3)}: write N/A`,
      }),
    ).toBeEnabled();
  });

  it('reads =0.1*30 as the 3 the cell shows, not as an unrecognised rating', async () => {
    await openCheck(doc);
    expect(
      screen
        .queryAllByRole('listitem')
        .some((li) => li.getAttribute('data-problem') === `rating-invalid:'${L}'!${ratingCell(4)}`),
    ).toBe(false);
    // Rated 3 and met, with no evidence: the warning says 3.
    await openWarnings();
    expect(itemFor('met-without-evidence', cellOf('evidence' as 'rating', 4)).textContent).toMatch(
      new RegExp(`${id(4).replace('.', '\\.')} is rated 3 `),
    );
  });

  it('calls a date stored as text what it is, and an invalid date and a small number not dates', async () => {
    await openCheck(doc);
    expect(itemFor('review-date-invalid', cellOf('reviewDate', 0)).textContent).toContain(
      `${id(0)}, Review date: "01/04/2026" is a date stored as text, which Excel cannot compare with today's date`,
    );
    expect(itemFor('review-date-invalid', cellOf('reviewDate', 1)).textContent).toContain(
      '"TBC" is not a date; expected a date such as 31/03/2027',
    );
    expect(itemFor('review-date-invalid', cellOf('reviewDate', 2)).textContent).toContain(
      '3 is not a date; expected a date such as 31/03/2027',
    );
  });

  it('says "the same theme" for a higher level met while a lower one is not', async () => {
    await openCheck(doc);
    await openWarnings();
    const item = itemFor('higher-met-lower-not', ratingCell(higher));
    expect(item.textContent).toContain(`${id(lower)} (`);
    expect(item.textContent).toContain('the same theme at a lower level, is rated 1');
    expect(item.textContent).not.toMatch(/same row/);
  });
});

/** Opens the warnings section if it is folded. */
async function openWarnings() {
  const heading = screen.getByRole('heading', { name: /^Warnings \(\d+\)$/ });
  const details = heading.closest('details');
  if (details && !details.open) {
    // The toggle updates the list's state: inside act, as a user's click would be.
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
  }
  await screen.findAllByRole('listitem');
}

describe('framework file problems, in Set up', () => {
  it('name the field and its position counted from one, never a JSON path counted from zero', async () => {
    const { user } = renderPane();
    await opened();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Framework' }), 'own');
    const input = screen.getByLabelText('Your framework file');
    const criteria = leadershipJson.criteria.map((c, i) => (i === 20 ? { ...c, text: 42 } : c));
    const broken = { ...leadershipJson, criteria };
    await user.upload(input, new File([JSON.stringify(broken)], 'ours.json', { type: 'application/json' }));
    const problems = await screen.findByTestId('framework-problems');
    expect(problems.textContent).toMatch(/ours\.json, criteria number 21, field "text": /);
    expect(problems.textContent).not.toMatch(/\$\.|\[20\]/);
  });
});

describe('the Excel version, in the status line and the refusal', () => {
  it('names Excel versions, with the requirement set only for IT', async () => {
    renderPane(undefined, { supportedVersion: '1.7' });
    const refusal = await screen.findByTestId('too-old');
    expect(refusal.textContent).toContain(
      'it has the add-in features of Excel 2019 or an older Microsoft 365',
    );
    expect(refusal.textContent).toContain('(For IT: Excel API 1.7; the add-in needs 1.9.)');
  });
});

/** The Check list on its own: triage, filters, folding long sections, and button names. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bundledFrameworks } from '../../src/domain/index';
import type { WorkbookProblem } from '../../src/workbook/audit';
import { IssueList } from '../../src/taskpane/components/IssueList';
import { fixLabel, goToLabel, problemPlace } from '../../src/taskpane/components/problemWords';

const draft = bundledFrameworks.draft2009;

function problem(n: number, overrides: Partial<WorkbookProblem> = {}): WorkbookProblem {
  return {
    key: `p${n}`,
    ruleId: 'met-without-evidence',
    severity: 'warning',
    area: 2,
    criterionId: `1.${n}`,
    field: 'evidence',
    cell: `'Leadership'!H${n + 5}`,
    message: `message ${n}`,
    ...overrides,
  };
}

function show(problems: readonly WorkbookProblem[]) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <IssueList problems={problems} framework={draft} />
    </FluentProvider>,
  );
  return user;
}

const manyWarnings = Array.from({ length: 14 }, (_, i) => problem(i + 4));
const oneError = problem(99, {
  key: 'err',
  severity: 'error',
  area: 5,
  criterionId: '1.23',
  field: 'rating',
  message: 'bad rating',
});

describe('IssueList', () => {
  it('shows the one error first, and folds a long list of warnings behind it', async () => {
    const user = show([...manyWarnings, oneError]);
    const regions = screen.getAllByRole('region');
    expect(regions.map((r) => within(r).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Errors (1)',
      'Warnings (14)',
    ]);
    expect(within(regions[0] as HTMLElement).getByText('bad rating')).toBeVisible();
    // Folded: the 14 warnings are not in the page until the officer opens the section.
    expect(screen.queryByText('message 4')).toBeNull();
    await user.click(within(regions[1] as HTMLElement).getByText('Warnings (14)'));
    expect(await screen.findByText('message 4')).toBeInTheDocument();
  });

  it('does not fold the first section, however long', () => {
    show(manyWarnings);
    expect(screen.getByText('message 17')).toBeInTheDocument();
  });

  it('filters by severity and by area, and says when nothing matches', async () => {
    const user = show([
      problem(1),
      oneError,
      problem(2, { area: 1, criterionId: '2.1', message: 'area one' }),
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'error');
    expect(screen.getByText('bad rating')).toBeInTheDocument();
    expect(screen.queryByText('message 1')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Area' }), '1');
    expect(screen.getByText('area one')).toBeInTheDocument();
    expect(screen.queryByText('bad rating')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'error');
    expect(screen.getByText(/Nothing matches these filters/)).toBeInTheDocument();
  });

  it('leads each problem with its criterion and column', () => {
    show([oneError]);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toMatch(/^error 1\.23, Rating: bad rating/);
    // The criterion itself follows, in its words (the draft gives no guidance, so no questions).
    const criterion = draft.criteria.find((c) => c.id === '1.23' && c.area === 5);
    expect(within(item).getByTestId('criterion-5-1.23').textContent).toBe(
      `Criterion 1.23: ${criterion?.text ?? 'missing'}`,
    );
    expect(within(item).queryByText(/Questions to ask/)).toBeNull();
  });
});

describe('IssueList focus after a fix', () => {
  const secondError = problem(98, {
    key: 'err2',
    severity: 'error',
    area: 5,
    criterionId: '1.22',
    field: 'rating',
    message: 'another bad rating',
  });

  function listWith(problems: readonly WorkbookProblem[], fixedKey: string | null) {
    return (
      <FluentProvider theme={webLightTheme}>
        <IssueList problems={problems} framework={draft} fixedKey={fixedKey} notice={<p>Fixed 1 cell.</p>} />
      </FluentProvider>
    );
  }

  it('stays in an open section when the problem after the fixed one is in a folded section', () => {
    // The last error is fixed; the next in order is the first of 14 warnings, folded away.
    const before = [secondError, oneError, ...manyWarnings];
    const view = render(listWith(before, null));
    view.rerender(listWith(before, 'err'));
    view.rerender(listWith([secondError, ...manyWarnings], 'err'));
    const active = document.activeElement;
    expect(active?.tagName).toBe('LI');
    expect(active?.getAttribute('data-problem')).toBe('err2');
    expect(active?.textContent).toContain('Fixed 1 cell.');
  });
});

describe('problem words', () => {
  it.each([
    [{ criterionId: '1.2', field: 'evidence' as const }, '1.2, Evidence', 'Go to 1.2 Evidence'],
    [{ criterionId: '3.4', field: 'reviewDate' as const }, '3.4, Review date', 'Go to 3.4 Review date'],
    [{ criterionId: '2.1' }, '2.1', 'Go to 2.1'],
    [{ cell: "'Start'!B4" }, undefined, 'Go to cell B4 on Start'],
    [{ cell: "'Knowing customers'!H6" }, undefined, 'Go to cell H6 on Knowing customers'],
  ] as [Pick<WorkbookProblem, 'criterionId' | 'field' | 'cell'>, string | undefined, string][])(
    '%j: %s, %s',
    (p, place, goTo) => {
      expect(problemPlace(p)).toBe(place);
      expect(goToLabel(p)).toBe(goTo);
    },
  );

  it('names the fix for its criterion and what it will write', () => {
    expect(fixLabel({ criterionId: '2.3' }, 'N/A')).toBe('Fix 2.3: write N/A');
    expect(fixLabel({}, '4')).toBe('Fix: write 4');
  });
});

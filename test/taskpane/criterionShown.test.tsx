/**
 * The pane's view of a criterion (in Check beside a problem, in Results beside a blocked level):
 * its wording for this workbook and the framework's questions for its level, folded; none for a
 * framework without guidance. And what Set up says before Generate about criteria the source lacks.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bundledFrameworks } from '../../src/domain/index';
import type { Criterion, Framework } from '../../src/domain/framework/types';
import { CriterionShown } from '../../src/taskpane/components/CriterionShown';
import { frameworkAbout } from '../../src/taskpane/views/frameworkAbout';

const { draft2009: draft, leadershipRevision: revision } = bundledFrameworks;

function show(framework: Framework, criterion: Criterion) {
  const { getByTestId } = render(
    <FluentProvider theme={webLightTheme}>
      <CriterionShown framework={framework} criterion={criterion} />
    </FluentProvider>,
  );
  return getByTestId(`criterion-${criterion.area}-${criterion.id}`);
}

describe('CriterionShown', () => {
  it('shows a revision criterion with its level’s questions, folded until opened', async () => {
    const c = revision.criteria.find((x) => x.level === 2);
    if (!c) throw new Error('no level 2 criterion');
    const questions = revision.questions.find((q) => q.area === c.area && q.level === 2)?.questions ?? [];
    const box = show(revision, c);
    expect(box.textContent).toContain(c.text);
    const summary = within(box).getByText(
      `Questions to ask in self assessment, Achieving (${questions.length})`,
    );
    await userEvent.click(summary);
    expect(
      within(box)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(questions);
  });

  it('shows no questions for the draft, and says when the wording is missing or the organisation’s', () => {
    const absent = draft.criteria.find((c) => c.textStatus === 'absent');
    if (!absent) throw new Error('no absent criterion');
    const box = show(draft, absent);
    expect(box.textContent).toMatch(/No wording yet: the source does not have it/);
    expect(within(box).queryByText(/Questions to ask/)).toBeNull();
    cleanup();
    const own = show(draft, { ...absent, text: 'Our words', textStatus: 'complete', ownWording: true });
    expect(own.textContent).toBe(`Criterion ${absent.id}: Our words (your organisation’s wording)`);
  });
});

describe('what Set up says about a framework', () => {
  it('counts the criteria without text and with a fragment, and says they can be completed in the workbook', () => {
    const text = frameworkAbout(draft).join(' ');
    const absent = draft.criteria.filter((c) => c.textStatus === 'absent').length;
    const fragment = draft.criteria.filter((c) => c.textStatus === 'fragment').length;
    expect(text).toContain(`${absent} criteria have no text in the source and ${fragment} only a fragment`);
    expect(text).toContain('You can complete them in the workbook');
    expect(text).toContain('no guidance questions, so the sheets have no Guidance column');
  });

  it('says nothing is missing from the revision, and where its guidance is shown', () => {
    const text = frameworkAbout(revision).join(' ');
    expect(text).not.toContain('complete them');
    expect(text).toContain('Questions to ask in self assessment are shown beside the criteria of Leadership');
  });
});

/**
 * The pane's view tabs (src/taskpane/components/ViewTabs.tsx) against the WAI-ARIA tabs pattern
 * with manual activation, which Fluent's TabList followed before them: one tab stop on the selected
 * tab, arrows and Home/End move the focus round the row without selecting, Enter, Space or a click
 * selects.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { focusTarget, tabElementId, ViewTabs } from '../../src/taskpane/components/ViewTabs';

const TABS = [
  { id: 'setup', label: 'Set up' },
  { id: 'check', label: 'Check' },
  { id: 'results', label: 'Results' },
] as const;
type Id = (typeof TABS)[number]['id'];

function Harness({ onSelect }: { onSelect: (id: Id) => void }) {
  const [selected, setSelected] = useState<Id>('check');
  return (
    <FluentProvider theme={webLightTheme}>
      <button type="button">before</button>
      <ViewTabs
        tabs={TABS}
        selected={selected}
        onSelect={(id) => {
          onSelect(id);
          setSelected(id);
        }}
        aria-label="Views"
        controls="panel"
      />
      <div role="tabpanel" id="panel" aria-labelledby={tabElementId(selected)}>
        {selected}
      </div>
      <button type="button">after</button>
    </FluentProvider>
  );
}

function show() {
  const onSelect = jest.fn<void, [Id]>();
  const user = userEvent.setup();
  render(<Harness onSelect={onSelect} />);
  return { user, onSelect };
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('ViewTabs', () => {
  it('is a named tab list whose tabs control the panel, the selected one marked', () => {
    show();
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('aria-selected'))).toEqual([
      'false',
      'true',
      'false',
    ]);
    expect(tab('Check')).toHaveAttribute('id', 'tab-check');
    for (const t of screen.getAllByRole('tab')) expect(t).toHaveAttribute('aria-controls', 'panel');
    expect(screen.getByRole('tabpanel', { name: 'Check' })).toBeInTheDocument();
  });

  it('has one tab stop, on the selected tab', async () => {
    const { user } = show();
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(tab('Check')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(tab('Check')).toHaveFocus();
  });

  it('moves the focus with the arrows, round the ends, without selecting', async () => {
    const { user, onSelect } = show();
    tab('Check').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Results')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Set up')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Results')).toHaveFocus();
    expect(onSelect).not.toHaveBeenCalled();
    expect(tab('Check')).toHaveAttribute('aria-selected', 'true');
  });

  it('goes to the first and last tab with Home and End', async () => {
    const { user } = show();
    tab('Check').focus();
    await user.keyboard('{End}');
    expect(tab('Results')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('Set up')).toHaveFocus();
  });

  it('selects with Enter, Space or a click, and the tab stop follows the selection', async () => {
    const { user, onSelect } = show();
    tab('Check').focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('results');
    expect(tab('Results')).toHaveAttribute('aria-selected', 'true');
    expect(tab('Results')).toHaveAttribute('tabindex', '0');
    expect(tab('Check')).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Home} ');
    expect(onSelect).toHaveBeenLastCalledWith('setup');
    await user.click(tab('Check'));
    expect(onSelect).toHaveBeenLastCalledWith('check');
    expect(screen.getByRole('tabpanel', { name: 'Check' })).toHaveTextContent('check');
  });

  it('leaves arrows with a modifier to the browser (Alt+Left is Back in some hosts)', async () => {
    const { user } = show();
    tab('Check').focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(tab('Check')).toHaveFocus();
  });
});

describe('focusTarget', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 4, 0],
    ['ArrowLeft', 0, 4],
    ['ArrowLeft', 3, 2],
    ['Home', 3, 0],
    ['End', 1, 4],
  ])('%s from tab %i of five goes to tab %i', (key, from, to) => {
    expect(focusTarget(key, from, 5)).toBe(to);
  });

  it('ignores other keys (Up and Down included: the row is horizontal)', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', ' ', 'a']) expect(focusTarget(key, 2, 5)).toBeNull();
  });
});

/**
 * The Check view's change-log line: on while the view is open, counting what it logged, the
 * switch writing the log's own cell, the log found edited, and a host without change events.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import { CHANGE_LOG_FIRST_ROW, CHANGE_LOG_SHEET, LOGGING_OFF } from '../../src/workbook/sheets/changeLog';
import { ChangeLogLine } from '../../src/taskpane/views/check/ChangeLogLine';
import type { ChangeLogState } from '../../src/taskpane/session/useChangeLog';
import { areaCriteria } from '../../src/workbook/sheets/area';
import { draft, opened, ratingCell, renderPane, wordedWorkbook } from './renderPane';

jest.setTimeout(60_000);

const L = draft.areas.find((a) => a.number === 2)!.shortName;
const firstId = areaCriteria(draft, 2)[0]!.id;

it('says the log is on, counts each change it logs to the sheet, and turns off from the switch', async () => {
  const doc = await wordedWorkbook();
  const pane = renderPane(doc);
  await opened();
  await pane.user.click(screen.getByRole('tab', { name: 'Check' }));
  await waitFor(() => expect(screen.getByTestId('change-log-status').textContent).toMatch(/^Change log: on/));
  await act(() => doc.simulateEdit(L, ratingCell(0), [[3]]));
  await waitFor(() =>
    expect(screen.getByTestId('change-log-status').textContent).toContain('(1 logged since the pane opened)'),
  );
  expect(doc.values(CHANGE_LOG_SHEET, `B${CHANGE_LOG_FIRST_ROW}:I${CHANGE_LOG_FIRST_ROW}`)).toEqual([
    [L, ratingCell(0), 2, firstId, 'Rating', '', '3', 'Here (this pane)'],
  ]);
  await pane.user.click(screen.getByRole('button', { name: 'Turn log off' }));
  await waitFor(() =>
    expect(screen.getByTestId('change-log-status').textContent).toMatch(/^Change log: off/),
  );
  expect(doc.value(CHANGE_LOG_SHEET, 'A3')).toBe(LOGGING_OFF);
  await act(() => doc.simulateEdit(L, ratingCell(0), [[4]]));
  expect(doc.value(CHANGE_LOG_SHEET, `A${CHANGE_LOG_FIRST_ROW + 1}`)).toBe('');
  expect(screen.getByRole('button', { name: 'Turn log on' })).toBeEnabled();
});

function renderLine(state: ChangeLogState) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ChangeLogLine state={state} busy={false} onSwitch={() => undefined} />
    </FluentProvider>,
  );
}

it('says where the log was edited and that a new section starts', () => {
  renderLine({
    status: 'on',
    logged: 0,
    damage: ['\'Change log\'!A5 should hold the date and time of the change; it holds "x".'],
  });
  expect(screen.getByTestId('change-log-damage').textContent).toMatch(
    /edited or deleted.*next change starts a new section.*'Change log'!A5 should hold/,
  );
});

it('says the log is not kept on a host without change events, and why', () => {
  renderLine({
    status: 'unavailable',
    reason: 'This version of Excel does not report changes to the add-in.',
  });
  expect(screen.getByTestId('change-log-status').textContent).toBe(
    'Change log not kept: This version of Excel does not report changes to the add-in.',
  );
  expect(screen.queryByRole('button')).toBeNull();
});

/** The Sign-off section over the Excel fake: the approval form, what must be accepted, reopening. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deserialize, serialize } from 'node:v8';
import { bundledFrameworks } from '../../../src/domain/index';
import { SignOffSection } from '../../../src/taskpane/report/SignOffSection';
import { SIGN_OFF_SHEET } from '../../../src/workbook/sheets/signOffRecord';
import { enterRatings } from '../../excel/boardHelpers';
import { generateInto } from '../../excel/generateHelpers';
import { gateway } from '../../platform/fake-excel';

configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(90_000);
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

const draft = bundledFrameworks.draft2009;
const TODAY = () => new Date(2026, 11, 3);

async function setUp() {
  const { doc, built } = await generateInto(draft);
  await enterRatings(
    doc,
    draft,
    built,
    new Map(draft.criteria.map((c, i) => [c.id, i === 0 ? 'banana' : 4])),
  );
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <SignOffSection gateway={gateway(doc)} framework={draft} today={TODAY} />
    </FluentProvider>,
  );
  return { doc, user };
}

it('lists what must be accepted, names each missing field, and finalises once everything is accepted', async () => {
  const { doc, user } = await setUp();
  await user.click(screen.getByRole('button', { name: 'Finalise this assessment' }));
  const form = await screen.findByRole('form', { name: 'Finalise this assessment' });
  // The invalid rating is an error with its own tick, and leaves its criterion unanswered; the
  // met criteria lack evidence.
  const error = within(form).getByRole('checkbox', { name: /banana/ });
  const unanswered = within(form).getByRole('checkbox', { name: 'Finalise with 1 criterion unanswered' });
  const evidence = within(form).getByRole('checkbox', { name: /lacking evidence/ });

  // Submitting empty names every field and sends nothing to Excel.
  await user.click(within(form).getByRole('button', { name: 'Finalise' }));
  expect(within(form).getByText(/^Approved by is needed/)).toBeTruthy();
  expect(within(form).getByText(/^Approving body is needed/)).toBeTruthy();
  expect(within(form).getByText(/^Date of approval is needed/)).toBeTruthy();
  expect(within(form).getByText(/^Minute reference is needed/)).toBeTruthy();
  expect(doc.sheetNames()).not.toContain(SIGN_OFF_SHEET);

  await user.type(within(form).getByRole('textbox', { name: /Approved by/ }), 'Jane Smith');
  await user.type(within(form).getByRole('textbox', { name: /Approving body/ }), 'Board');
  await user.type(within(form).getByRole('textbox', { name: /Date of approval/ }), '27/11/2026');
  await user.type(within(form).getByRole('textbox', { name: /Minute reference/ }), '2026/45');
  expect(within(form).queryByText(/is needed/)).toBeNull();

  // With the error not accepted, Excel refuses and nothing changes.
  await user.click(evidence);
  await user.click(unanswered);
  await user.click(within(form).getByRole('button', { name: 'Finalise' }));
  expect(await screen.findByText('Nothing was changed')).toBeTruthy();
  expect(screen.getByText(/^Not accepted: .*banana/)).toBeTruthy();
  expect(doc.sheetNames()).not.toContain(SIGN_OFF_SHEET);

  await user.click(error);
  await user.click(within(form).getByRole('button', { name: 'Finalise' }));
  expect(await screen.findByText(/^Finalised: the approval is recorded/)).toBeTruthy();
  expect(doc.value(SIGN_OFF_SHEET, 'C5')).toBe('Jane Smith');

  // Reopening asks for a reason, then records it.
  await user.click(screen.getByRole('button', { name: 'Reopen' }));
  const reopen = await screen.findByRole('form', { name: 'Reopen this assessment' });
  await user.type(within(reopen).getByRole('textbox', { name: /Reopened by/ }), 'Sam Lee');
  await user.click(within(reopen).getByRole('button', { name: 'Reopen' }));
  expect(within(reopen).getByText(/^Reason is needed/)).toBeTruthy();
  await user.type(
    within(reopen).getByRole('textbox', { name: /Reason for reopening/ }),
    'a rating was wrong',
  );
  await user.click(within(reopen).getByRole('button', { name: 'Reopen' }));
  expect(await screen.findByText(/^Reopened: the reason is recorded/)).toBeTruthy();
  expect(doc.value(SIGN_OFF_SHEET, 'I6')).toBe('a rating was wrong');
});

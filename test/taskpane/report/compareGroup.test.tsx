/**
 * The "Compare a group" part of the Report view: choose several assessment files, compare, and the
 * comparison workbook is handed to the host (opened in a new window where a download cannot reach
 * the officer); a bad file or the same organisation twice is refused by name and nothing is handed
 * over.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bundledFrameworks } from '../../../src/domain/index';
import type { HostFiles } from '../../../src/excel/api';
import { CompareGroup } from '../../../src/taskpane/report/CompareGroup';
import { buildPlan } from '../../../src/workbook/buildPlan';
import { withResponses } from '../../../src/workbook/filledPlan';
import { FIRST_MEMBER_ROW, GROUP_SHEET } from '../../../src/workbook/group/groupLayout';
import { writeWorkbookFile } from '../../../src/xlsx';
import { readXlsx } from '../../xlsx/readXlsx';
import { sampleResponses } from '../../xlsx/sampleResponses';

configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(90_000);

const draft = bundledFrameworks.draft2009;
const TODAY = () => new Date(2026, 11, 3);

async function assessment(name: string, organisation: string, seed: number): Promise<File> {
  const settings = { organisation, period: '2026/27', metThreshold: 3, requiredShare: 1 };
  const plan = withResponses(buildPlan(draft, settings).plan, draft, sampleResponses(draft, seed));
  const bytes = await writeWorkbookFile(plan);
  return new File([bytes as Uint8Array<ArrayBuffer>], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

function setUp() {
  const opened: string[] = [];
  const files: HostFiles = {
    canDownload: false,
    openWorkbook: (base64) => {
      opened.push(base64);
      return Promise.resolve();
    },
  };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <CompareGroup files={files} framework={draft} today={TODAY} />
    </FluentProvider>,
  );
  return { user, opened, input: screen.getByLabelText('Assessments to compare (.xlsx)') };
}

describe('Compare a group', () => {
  it('compares the chosen assessments and opens the comparison workbook', async () => {
    const { user, opened, input } = setUp();
    const button = screen.getByRole('button', { name: /^Compare/ });
    expect(button).toBeDisabled();
    await user.upload(input, [
      await assessment('riverside.xlsx', 'Riverside Homes', 1),
      await assessment('hillside.xlsx', 'Hillside Housing', 2),
      await assessment('valley.xlsx', 'Valley Trust', 3),
    ]);
    expect(screen.getByRole('list', { name: 'Chosen files' })).toHaveTextContent(
      'riverside.xlsxhillside.xlsxvalley.xlsx',
    );
    await user.click(screen.getByRole('button', { name: 'Compare 3 assessments' }));
    const done = await screen.findByTestId('group-compared');
    expect(done).toHaveTextContent(
      /Compared 3 assessments of .*\(version 2009-draft\)\. Opened Group comparison\.xlsx/,
    );
    expect(opened).toHaveLength(1);
    const file = readXlsx(new Uint8Array(Buffer.from(opened[0]!, 'base64')));
    const cells = file.cells(GROUP_SHEET);
    expect([0, 1, 2].map((i) => cells.get(`A${FIRST_MEMBER_ROW + i}`)?.value)).toEqual([
      'Riverside Homes',
      'Hillside Housing',
      'Valley Trust',
    ]);
  });

  it('refuses a file that is not a workbook, naming it, and hands nothing over', async () => {
    const { user, opened, input } = setUp();
    await user.upload(input, [
      await assessment('riverside.xlsx', 'Riverside Homes', 1),
      new File(['name,rating\n'], 'ratings.xlsx'),
    ]);
    await user.click(screen.getByRole('button', { name: 'Compare 2 assessments' }));
    const refused = await screen.findByTestId('group-refused');
    expect(refused).toHaveTextContent('The group was not compared');
    expect(refused).toHaveTextContent('ratings.xlsx cannot be read');
    expect(opened).toEqual([]);
  });

  it('refuses the same organisation and period twice, naming both files', async () => {
    const { user, opened, input } = setUp();
    await user.upload(input, [
      await assessment('riverside.xlsx', 'Riverside Homes', 1),
      await assessment('riverside-again.xlsx', 'Riverside Homes', 2),
    ]);
    await user.click(screen.getByRole('button', { name: 'Compare 2 assessments' }));
    const refused = await screen.findByTestId('group-refused');
    expect(refused).toHaveTextContent('Riverside Homes, 2026/27: riverside.xlsx, riverside-again.xlsx');
    expect(opened).toEqual([]);
  });
});

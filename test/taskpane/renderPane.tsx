/**
 * Renders the whole task pane over the Excel fake, as production does over Office.js, and the
 * workbook set-ups the view tests start from.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bundledFrameworks, type Framework } from '../../src/domain/index';
import type { ExcelGateway } from '../../src/excel/api';
import { App } from '../../src/taskpane/App';
import { buildStartSheet } from '../../src/workbook/sheets/start';
import { areaCriteria, areaLayoutOf } from '../../src/workbook/sheets/area';
import { AREA_FIRST_DATA_ROW, areaColumn } from '../../src/workbook/layout';
import { columnLetter } from '../../src/workbook/address';
import { generateInto, SETTINGS } from '../excel/generateHelpers';
import { FakeWorkbook, gateway } from '../platform/fake-excel';
import type { FakeGatewayOptions } from '../platform/fake-excel/gateway';
import { deserialize, serialize } from 'node:v8';

// jest's jsdom environment lacks structuredClone, which the fake uses to copy cell values; Node's
// serializer does the same structured clone.
// The fake recalculates with HyperFormula: under a loaded machine (npm test runs the build and the
// browser tests alongside) a read can take seconds, so waits are generous; they end as soon as the
// pane is ready.
configure({ asyncUtilTimeout: 15_000 });

globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

export const draft = bundledFrameworks.draft2009;

export interface PaneOptions {
  readonly supportedVersion?: string;
  /** Office.context.platform of the simulated host (see the fake gateway). */
  readonly platform?: FakeGatewayOptions['platform'];
  /** Receives each workbook the pane opens with Excel.createWorkbook. */
  readonly openedWorkbooks?: string[];
  /**
   * Makes every sync wait this long first, as a real Excel's round trip does. The fake works
   * synchronously, so without it React has no moment to draw the steps in between.
   */
  readonly syncDelayMs?: number;
}

export function renderPane(doc: FakeWorkbook = new FakeWorkbook(), options: PaneOptions = {}) {
  const user = userEvent.setup();
  const base = gateway(doc, {
    ...(options.supportedVersion ? { supportedVersion: options.supportedVersion } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.openedWorkbooks ? { openedWorkbooks: options.openedWorkbooks } : {}),
  });
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={options.syncDelayMs === undefined ? base : slowed(base, options.syncDelayMs)} />
    </FluentProvider>,
  );
  return { doc, user, ...result };
}

function slowed(base: ExcelGateway, delay: number): ExcelGateway {
  return {
    ...base,
    run: (fn) =>
      base.run((ctx) =>
        fn(
          new Proxy(ctx, {
            get(target, property) {
              if (property === 'sync') {
                return async () => {
                  await new Promise((resolve) => setTimeout(resolve, delay));
                  return target.sync();
                };
              }
              const value: unknown = Reflect.get(target, property, target);
              return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
            },
          }),
        ),
      ),
  };
}

/** A workbook with the framework generated into it (Riverside Homes, 2026/27, threshold 3, all criteria). */
export async function generatedWorkbook(framework: Framework = draft): Promise<FakeWorkbook> {
  const { doc } = await generateInto(framework);
  return doc;
}

/**
 * A generated workbook whose organisation has typed the wording of every criterion the source
 * lacks (absent or fragment) into its Criterion cell, as an officer would (the edit fails on a
 * locked cell): Check then has nothing to say about wording.
 */
export async function wordedWorkbook(framework: Framework = draft): Promise<FakeWorkbook> {
  const doc = await generatedWorkbook(framework);
  for (const area of framework.areas) {
    const text = columnLetter(areaLayoutOf(framework, area.number).column('text'));
    for (const [i, c] of areaCriteria(framework, area.number).entries()) {
      if (c.textStatus === 'complete') continue;
      await doc.simulateEdit(area.shortName, `${text}${AREA_FIRST_DATA_ROW + i}`, [
        [`Our wording of ${c.id}`],
      ]);
    }
  }
  return doc;
}

/** The rating cell of the n-th criterion (0-based) on an area sheet. */
export function ratingCell(index: number): string {
  return `${columnLetter(areaColumn('rating'))}${AREA_FIRST_DATA_ROW + index}`;
}

/** Types a rating for every criterion of every area, as an officer pasting a column. */
export async function rateAll(
  doc: FakeWorkbook,
  framework: Framework,
  rating: number | string,
): Promise<void> {
  for (const area of framework.areas) {
    const count = framework.criteria.filter((c) => c.area === area.number).length;
    const column = columnLetter(areaColumn('rating'));
    const evidence = columnLetter(areaColumn('evidence'));
    const last = AREA_FIRST_DATA_ROW + count - 1;
    await doc.simulateEdit(
      area.shortName,
      `${column}${AREA_FIRST_DATA_ROW}:${column}${last}`,
      Array.from({ length: count }, () => [rating]),
    );
    await doc.simulateEdit(
      area.shortName,
      `${evidence}${AREA_FIRST_DATA_ROW}:${evidence}${last}`,
      Array.from({ length: count }, () => ['Minutes of the board, March']),
    );
  }
  await doc.eventsSettled();
}

/** Where the Start sheet keeps a setting. */
export function startCell(
  framework: Framework,
  key: 'metThreshold' | 'requiredShare' | 'organisation' | 'period',
): string {
  return buildStartSheet(framework, SETTINGS).layout[key];
}

/** Waits until the pane has read the workbook and shows its opening message. */
export async function opened(): Promise<HTMLElement> {
  return screen.findByTestId('workbook-banner', {}, { timeout: 15_000 });
}

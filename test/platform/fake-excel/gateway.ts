/** An ExcelGateway over a FakeWorkbook, as production wraps Excel.run, isSetSupported and the platform. */
import type { ExcelGateway } from '../../../src/excel/api';
import { memberSet } from './apiSets';
import { FakeContext, versionAtLeast } from './context';
import { FakeOfficeError } from './errors';
import type { FakeWorkbook } from './workbook';

export interface FakeGatewayOptions {
  /** Highest ExcelApi requirement set the simulated host supports; default '1.9'. */
  readonly supportedVersion?: string;
  /**
   * Office.context.platform of the simulated host; default 'PC'. On 'Mac' and 'iOS' a download
   * from the pane does nothing in Excel, so `files.canDownload` is false there, as in officeGateway.
   */
  readonly platform?: 'PC' | 'Mac' | 'OfficeOnline' | 'iOS';
  /** Receives each workbook opened with Excel.createWorkbook (its base64), for tests to inspect. */
  readonly openedWorkbooks?: string[];
}

export function gateway(workbook: FakeWorkbook, options: FakeGatewayOptions = {}): ExcelGateway {
  const supported = options.supportedVersion ?? '1.9';
  const platform = options.platform ?? 'PC';
  return {
    /** Like Excel.run: a fresh context, a final sync of anything still queued, then the context closes. */
    async run<T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T> {
      const ctx = new FakeContext(workbook, supported, platform);
      try {
        const result = await fn(ctx);
        if (ctx.pendingOps > 0) await ctx.sync();
        return result;
      } finally {
        ctx.close();
      }
    },
    isSetSupported: (version: string) => versionAtLeast(supported, version),
    platform,
    files: {
      canDownload: platform !== 'Mac' && platform !== 'iOS',
      openWorkbook(base64: string): Promise<void> {
        const needed = memberSet('', 'createWorkbook') ?? '1.8';
        if (!versionAtLeast(supported, needed)) {
          return Promise.reject(
            new FakeOfficeError(
              'ApiNotFound',
              `Excel.createWorkbook needs ExcelApi ${needed}; this host has ${supported}.`,
            ),
          );
        }
        // Excel refuses what is not an .xlsx file (a zip: base64 of "PK\x03\x04" starts "UEsDB").
        if (!base64.startsWith('UEsDB')) {
          return Promise.reject(
            new FakeOfficeError('InvalidArgument', 'The workbook to open is not an .xlsx file.'),
          );
        }
        options.openedWorkbooks?.push(base64);
        return Promise.resolve();
      },
    },
  };
}

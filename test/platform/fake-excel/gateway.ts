/** An ExcelGateway over a FakeWorkbook, as production wraps Excel.run and isSetSupported. */
import type { ExcelGateway } from '../../../src/excel/api';
import { FakeContext, versionAtLeast } from './context';
import type { FakeWorkbook } from './workbook';

export interface FakeGatewayOptions {
  /** Highest ExcelApi requirement set the simulated host supports; default '1.9'. */
  readonly supportedVersion?: string;
}

export function gateway(workbook: FakeWorkbook, options: FakeGatewayOptions = {}): ExcelGateway {
  const supported = options.supportedVersion ?? '1.9';
  return {
    /** Like Excel.run: a fresh context, a final sync of anything still queued, then the context closes. */
    async run<T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T> {
      const ctx = new FakeContext(workbook, supported);
      try {
        const result = await fn(ctx);
        if (ctx.pendingOps > 0) await ctx.sync();
        return result;
      } finally {
        ctx.close();
      }
    },
    isSetSupported: (version: string) => versionAtLeast(supported, version),
  };
}

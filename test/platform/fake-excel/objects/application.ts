import type { XlApplication } from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import { FakeProxy } from '../proxy';

export class FakeApplication extends FakeProxy implements XlApplication {
  constructor(ctx: FakeContext) {
    super(ctx, 'application');
  }

  protected properties(): Record<string, () => unknown> {
    return { calculationMode: () => 'Automatic' };
  }

  get calculationMode(): XlApplication['calculationMode'] {
    return this.read('calculationMode');
  }

  /** The engine stops recalculating until the sync ends (a load in the batch resumes it early). */
  suspendApiCalculationUntilNextSync(): void {
    this.enqueue(
      'suspendApiCalculationUntilNextSync',
      [],
      () => {
        if (this.ctx.suspendCalculation) return;
        this.ctx.suspendCalculation = true;
        this.ctx.document.engine.suspendEvaluation();
      },
      '1.6',
    );
  }

  /** The engine is always up to date, so there is nothing to do beyond queuing the call. */
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.enqueue('calculate', [calculationType], () => undefined);
  }
}

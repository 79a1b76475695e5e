import type {
  XlEventHandlerResult,
  XlEventHandlers,
  XlWorksheetChangedEventArgs,
} from '../../../../src/excel/api';
import type { FakeContext } from '../context';
import type { ChangeHandler } from '../events';

export class FakeEventHandlerResult implements XlEventHandlerResult {
  /** Set when the sync that registers the handler runs. */
  unregister?: () => void;

  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
  ) {}

  remove(): void {
    this.ctx.enqueue({
      path: this.path,
      action: 'remove handler',
      args: [],
      apply: () => this.unregister?.(),
    });
  }
}

/** onChanged of a sheet (`sheetId` gives its id at sync) or of the whole workbook (no sheetId). */
export class FakeChangedEvent implements XlEventHandlers<XlWorksheetChangedEventArgs> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly since: string,
    private readonly sheetId?: () => string,
  ) {}

  add(handler: ChangeHandler): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.ctx, this.path);
    this.ctx.enqueue({
      path: this.path,
      action: 'add handler',
      args: ['[function]'],
      since: this.since,
      apply: () => {
        result.unregister = this.ctx.document.events.add(handler, this.sheetId?.());
      },
    });
    return result;
  }
}

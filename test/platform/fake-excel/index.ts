/** The fake Excel: a FakeWorkbook (document + test controls), FakeContext and a gateway. */
export { FakeContext } from './context';
export { FakeOfficeError } from './errors';
export { HandlerFailedError } from './events';
export { gateway, type FakeGatewayOptions } from './gateway';
export {
  FakeWorkbook,
  FakeWorkbookError,
  type BatchRecord,
  type BetweenSyncsHook,
  type FakeWorkbookOptions,
  type QueuedRemoteEdit,
} from './workbook';

/**
 * The production ExcelGateway: the real Office.js behind the same interface the fake implements,
 * so the task pane never refers to the `Excel` or `Office` globals itself.
 */
import type { ExcelGateway } from './api';

export function officeGateway(): ExcelGateway {
  return {
    // Excel.RequestContext is assignable to XlContext (api.ts proves the subset at compile time).
    run: (fn) => Excel.run((context) => fn(context)),
    isSetSupported: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}

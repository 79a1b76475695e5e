/**
 * Preview entry: the task pane over the Excel fake, so it can be looked at and tested in a plain
 * browser. Query parameters stand in for what Office would tell the pane:
 *   ?theme=dark      the dark theme (Office's dark body background)
 *   ?api=1.7         the highest ExcelApi requirement set the simulated Excel supports (default 1.9)
 *   ?sample=draft    start with the 2009 draft already generated and some ratings filled in
 * The fake workbook is on `window.previewWorkbook`, so the browser tests can type and paste
 * into cells as an officer would (FakeWorkbook.simulateEdit).
 */
import { renderTaskpane } from '../../../src/taskpane/renderTaskpane';
import { rootElement } from '../../../src/taskpane/rootElement';
import { FakeWorkbook, gateway } from '../../platform/fake-excel';
import { fillSample } from './sample';

declare global {
  interface Window {
    previewWorkbook?: FakeWorkbook;
  }
}

// The fake measures payloads with Node's Buffer.byteLength (test/platform/fake-excel/context.ts);
// the browser has no Buffer, so the preview supplies that one function over TextEncoder.
const globals = globalThis as { Buffer?: unknown };
globals.Buffer ??= {
  byteLength: (text: string) => new TextEncoder().encode(text).length,
};

const params = new URLSearchParams(window.location.search);
const api = params.get('api');
const doc = new FakeWorkbook();
const excel = gateway(doc, api ? { supportedVersion: api } : {});
window.previewWorkbook = doc;

async function start(): Promise<void> {
  if (params.get('sample') === 'draft') await fillSample(doc, excel);
  renderTaskpane(rootElement(), {
    gateway: excel,
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  });
}

void start();

/**
 * Production entry: waits for Office.js (loaded by taskpane.html from Microsoft's CDN), then
 * renders the task pane over the real Excel. The preview bundle has its own entry
 * (test/browser/preview/index.tsx) that passes the Excel fake instead. The page's bootstrap
 * (bootstrap.js) loads this bundle and is told when the pane has rendered.
 */
import { officeGateway } from '../excel/officeGateway';
import { reportRendered } from './bootstrapSignal';
import { renderTaskpane } from './renderTaskpane';
import { rootElement } from './rootElement';
import { themeForBackground } from './theme';

// User timing marks: the benchmark's trace (bench/trace.ts) reads them, and so can anyone
// profiling the pane in Office's developer tools. How long Office.js took to be ready is the gap
// between the first two.
performance.mark('pane:script-run');

void Office.onReady((info) => {
  performance.mark('pane:office-ready');
  const container = rootElement();
  if (info.host !== Office.HostType.Excel) {
    // Opened in a plain browser tab (or another Office app): say what the page is for.
    container.textContent =
      'This is the Equality Self-Assessment add-in for Excel. Open it from the Home tab in Excel.';
    reportRendered();
    return;
  }
  renderTaskpane(container, {
    gateway: officeGateway(),
    theme: themeForBackground(Office.context.officeTheme?.bodyBackgroundColor),
    onRendered: () => {
      performance.mark('pane:rendered');
      reportRendered();
    },
  });
});

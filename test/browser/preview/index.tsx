/**
 * Preview entry: the task pane over the Excel fake, so it can be looked at and tested in a plain
 * browser. Query parameters stand in for what Office would tell the pane:
 *   ?theme=dark   the dark theme (Office's dark body background)
 *   ?api=1.7      the highest ExcelApi requirement set the simulated Excel supports (default 1.9)
 */
import { renderTaskpane } from '../../../src/taskpane/renderTaskpane';
import { rootElement } from '../../../src/taskpane/rootElement';
import { FakeWorkbook, gateway } from '../../platform/fake-excel';

const params = new URLSearchParams(window.location.search);
const api = params.get('api');

renderTaskpane(rootElement(), {
  gateway: gateway(new FakeWorkbook(), api ? { supportedVersion: api } : {}),
  theme: params.get('theme') === 'dark' ? 'dark' : 'light',
});

/**
 * The floor for the first-view benchmark (bench/firstView.ts): the smallest pane this stack can
 * show, a heading and a button in React 18 and Fluent UI v9, started the way the add-in starts
 * (Office.onReady, then render, then tell the page's bootstrap it rendered). It is built with the
 * add-in's own webpack settings (bench/webpack.floor.config.js), so the add-in's first view is
 * compared with what any pane built this way costs.
 */
import { Button, FluentProvider, Subtitle1, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { reportRendered } from '../../src/taskpane/bootstrapSignal';
import { rootElement } from '../../src/taskpane/rootElement';

function Hello() {
  const [presses, setPresses] = useState(0);
  return (
    <>
      <Subtitle1 as="h1">Hello</Subtitle1>
      <Button appearance="primary" onClick={() => setPresses((n) => n + 1)}>
        Pressed {presses} times
      </Button>
    </>
  );
}

void Office.onReady(() => {
  createRoot(rootElement()).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <Hello />
    </FluentProvider>,
  );
  reportRendered();
});

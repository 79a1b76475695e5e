/**
 * Mounts the task pane into a container. The gateway is injected so that production passes the
 * real Office.js (index.tsx) and the preview and tests pass the Excel fake.
 */
import { FluentProvider } from '@fluentui/react-components';
import { StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ExcelGateway } from '../excel/api';
import { App } from './App';
import { fluentTheme, type ThemeName } from './theme';

export interface TaskpaneOptions {
  readonly gateway: ExcelGateway;
  readonly theme: ThemeName;
  /** Called once the pane's first view is on screen (committed to the page). */
  readonly onRendered?: () => void;
}

/** Renders nothing; calls `onRendered` after the first commit (twice under StrictMode: harmless). */
function RenderedSignal({ onRendered }: { readonly onRendered: () => void }): null {
  useEffect(() => onRendered(), [onRendered]);
  return null;
}

export function renderTaskpane(container: HTMLElement, options: TaskpaneOptions): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      {/* minHeight: the theme's background must fill the pane, not just the content. */}
      <FluentProvider theme={fluentTheme(options.theme)} style={{ minHeight: '100vh' }}>
        <App gateway={options.gateway} />
        {options.onRendered && <RenderedSignal onRendered={options.onRendered} />}
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}

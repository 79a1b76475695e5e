/**
 * Mounts the task pane into a container. The gateway is injected so that production passes the
 * real Office.js (index.tsx) and the preview and tests pass the Excel fake.
 */
import { FluentProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ExcelGateway } from '../excel/api';
import { App } from './App';
import { fluentTheme, type ThemeName } from './theme';

export interface TaskpaneOptions {
  readonly gateway: ExcelGateway;
  readonly theme: ThemeName;
}

export function renderTaskpane(container: HTMLElement, options: TaskpaneOptions): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      {/* minHeight: the theme's background must fill the pane, not just the content. */}
      <FluentProvider theme={fluentTheme(options.theme)} style={{ minHeight: '100vh' }}>
        <App gateway={options.gateway} />
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}

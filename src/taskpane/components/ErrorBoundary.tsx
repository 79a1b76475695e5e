/**
 * The pane must never go blank: a bug while drawing a view shows what happened and a way back,
 * instead of React unmounting everything.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** Names the part of the pane, for the message ("the Results view"). */
  readonly what: string;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Something went wrong in {this.props.what}.</MessageBarTitle>
          This is a bug in the add-in; your workbook has not been changed by it. Try again, and if it happens
          again, report it with this detail: {error.name}: {error.message}
          <div>
            <Button size="small" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}

/**
 * The pane's side of the bootstrap (src/taskpane/bootstrap.js, the page's script after Office.js): telling
 * it the pane has rendered, so that its "taking too long" message never covers a working pane.
 */
interface BootstrapWindow {
  readonly paneBootstrap?: { rendered(): void };
}

/** Tells the bootstrap the pane is on screen; nothing happens when there is no bootstrap (the preview). */
export function reportRendered(): void {
  (window as BootstrapWindow).paneBootstrap?.rendered();
}

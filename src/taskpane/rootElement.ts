/** Finds the element the task pane mounts into; taskpane.html provides it. */
export class MissingRootElementError extends Error {
  override readonly name = 'MissingRootElementError';
}

export function rootElement(id = 'root'): HTMLElement {
  const element = document.getElementById(id);
  if (!element) {
    throw new MissingRootElementError(
      `taskpane.html has no element with id "${id}" to show the task pane in.`,
    );
  }
  return element;
}

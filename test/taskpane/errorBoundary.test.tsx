/** A view that throws while drawing shows a message and a way back, never a blank pane. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';

let fail = true;
function Fragile() {
  if (fail) throw new RangeError('no area 9 in framework eqfsh');
  return <p>Drawn</p>;
}

it('shows what failed and draws the view again on Try again', async () => {
  // React reports a caught render error on the console; that is expected here.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary what="the Results view">
          <Fragile />
        </ErrorBoundary>
      </FluentProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Something went wrong in the Results view/);
    expect(alert.textContent).toContain('RangeError: no area 9 in framework eqfsh');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Drawn')).toBeVisible();
  } finally {
    quiet.mockRestore();
  }
});

/**
 * afterNextPaint (src/taskpane/afterPaint.ts): the engine and the opening views start once the
 * first view is painted, or after a short wait where frames are not drawn, once, unless cancelled.
 */
import { afterNextPaint } from '../../src/taskpane/afterPaint';

/** Resolves after the next frame and a task queued from it: after any work queued before it. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

afterEach(() => jest.restoreAllMocks());

describe('afterNextPaint', () => {
  it('runs the work after the next frame, not at once', async () => {
    const work = jest.fn();
    afterNextPaint(work);
    expect(work).not.toHaveBeenCalled();
    await nextPaint();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work after a short wait where no frame is drawn (a hidden pane)', async () => {
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const work = jest.fn();
    afterNextPaint(work);
    await wait(20);
    expect(work).not.toHaveBeenCalled();
    await wait(150);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work once when both the frame and the wait come', async () => {
    const work = jest.fn();
    afterNextPaint(work);
    await nextPaint();
    await wait(150);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never runs cancelled work', async () => {
    const work = jest.fn();
    const cancel = afterNextPaint(work);
    cancel();
    await nextPaint();
    await wait(150);
    expect(work).not.toHaveBeenCalled();
  });
});

/**
 * Work the first view does not need, started once that view is on screen (issue 25): the engine
 * (frameworks, zod schemas) and the opening views' code. Loaded at once, they arrive from the
 * cache or a fast host within milliseconds, and running them then held back the frame that shows
 * the pane's tabs by about 0.2 s with the CPU slowed four times.
 */

/** The longest the work waits for a frame: where frames are not drawn (a hidden pane), a timer starts it. */
const FRAME_WAIT_LIMIT_MS = 100;

/**
 * Runs `work` once, just after the browser has painted its next frame: a callback from
 * requestAnimationFrame runs just before the paint, so a task queued from it runs just after.
 * Returns a function that cancels the work if it has not run yet.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(once, 0);
  });
  const limit = setTimeout(once, FRAME_WAIT_LIMIT_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(limit);
  };
}

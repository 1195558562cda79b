/**
 * Runs `task` when the browser has nothing else to do (soon, where idle callbacks are missing).
 * Returns a function that calls it off, for a task that is moot by then.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}

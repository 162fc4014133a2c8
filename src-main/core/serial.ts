/**
 * Runs async tasks one at a time, in the order they were queued, whether earlier ones succeed or
 * fail: records then reach a file in the order they happen.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

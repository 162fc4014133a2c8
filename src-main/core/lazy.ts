/**
 * A module (or anything costly) made on first use and kept: `get()` starts it once and every caller
 * shares the promise. A failure is not kept: the next call tries again.
 */
export function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null
  return () =>
    (made ??= make().catch((e: unknown) => {
      made = null
      throw e
    }))
}

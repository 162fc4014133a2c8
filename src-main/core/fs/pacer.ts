/**
 * Keeps long work from holding the event loop: the work asks `due()` often and, when the slice is
 * spent, awaits `rest()` (a macrotask: timers and IPC run in between). Clock and rest are injectable
 * so a test can count the slices of a load.
 */
export interface Pacer {
  due(): boolean
  rest(): Promise<void>
}

export interface PacerClock {
  now(): number
  rest(): Promise<void>
}

export const realPacerClock: PacerClock = {
  now: () => performance.now(),
  rest: () => new Promise<void>((resolve) => setImmediate(resolve))
}

/** Slices of `budgetMs` (4 ms: a timer due mid-slice waits little, and a slow step still leaves room under the 50 ms a task may take). */
export function pacer(clock: PacerClock = realPacerClock, budgetMs = 4): Pacer {
  let start = clock.now()
  return {
    due: () => clock.now() - start >= budgetMs,
    rest: async () => {
      await clock.rest()
      start = clock.now()
    }
  }
}

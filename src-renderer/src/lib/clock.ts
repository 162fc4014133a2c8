/** The renderer's monotonic clock, shared by the round store and the countdowns. */
export const monotonicNow = (): number => performance.now()

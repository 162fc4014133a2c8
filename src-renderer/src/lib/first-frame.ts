/**
 * First screen (#11): resolves once the window's first frame is drawn, so that start-up requests
 * (app state, banks, the round, the day's review, event streams) begin after Home is on screen
 * instead of inside the mount: starting a request costs the page's main thread, and their
 * handlers compete with the first paint for the CPU. Already resolved for every later screen.
 * A window that draws no frames (hidden) still gets its data: a timer backs the frame callback.
 */
export const firstFrame: Promise<void> = new Promise((resolve) => {
  if (typeof requestAnimationFrame !== 'function') return resolve()
  const timer = setTimeout(resolve, 100)
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(timer)
      resolve()
    }, 0)
  )
})

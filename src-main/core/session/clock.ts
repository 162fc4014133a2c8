/** The time source of the session engine: monotonic milliseconds plus timers. Injectable for tests. */
export interface Clock {
  /** Monotonic milliseconds; unaffected by wall-clock changes. */
  now(): number
  /** Wall-clock time, for records that people read. */
  wallNow(): Date
  setTimer(ms: number, fn: () => void): unknown
  clearTimer(handle: unknown): void
}

interface SystemTimer {
  timeout: ReturnType<typeof setTimeout> | null
  cancelled: boolean
}

/**
 * Timers on the monotonic clock. libuv counts whole milliseconds from a cached loop time, so a bare
 * setTimeout can fire up to a millisecond before a fractional deadline; the last fraction is waited
 * out with setImmediate, so a deadline is neither missed early nor rounded up late.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  wallNow: () => new Date(),
  setTimer: (ms, fn) => {
    const due = performance.now() + ms
    const timer: SystemTimer = { timeout: null, cancelled: false }
    const check = (): void => {
      if (timer.cancelled) return
      if (performance.now() >= due) fn()
      else setImmediate(check)
    }
    timer.timeout = setTimeout(check, Math.max(0, Math.floor(ms)))
    return timer
  },
  clearTimer: (h) => {
    const timer = h as SystemTimer
    timer.cancelled = true
    if (timer.timeout) clearTimeout(timer.timeout)
  }
}

/** A clock that only moves when told to; fires due timers in order. */
export class ManualClock implements Clock {
  private t = 0
  private wall: number
  private seq = 0
  private timers = new Map<number, { at: number; fn: () => void }>()

  constructor(wallStart = Date.UTC(2026, 0, 1, 9, 0, 0)) {
    this.wall = wallStart
  }

  now(): number {
    return this.t
  }

  wallNow(): Date {
    return new Date(this.wall + this.t)
  }

  setTimer(ms: number, fn: () => void): unknown {
    const id = ++this.seq
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn })
    return id
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  pendingTimers(): number {
    return this.timers.size
  }

  /** Moves time forward, firing timers that fall due on the way. */
  advance(ms: number): void {
    const end = this.t + ms
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry
      if (!next) break
      this.timers.delete(next[0])
      this.t = next[1].at
      next[1].fn()
    }
    this.t = end
  }
}

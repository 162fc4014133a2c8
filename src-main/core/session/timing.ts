import type { Clock } from './clock'
import { CHECKPOINT_MS } from './limits'
import type { LiveTime } from './view'
import { totalLimitMs } from './view'
import type { RoundState } from './types'

export type Deadline = 'question' | 'round'

/**
 * The engine's time accounting on main's monotonic clock: the running segment (time not yet
 * written to a record), and the timers for the question's deadline, the round's deadline and the
 * periodic clock checkpoint. It never changes the round's state: records do.
 */
export class RoundTiming {
  /** Monotonic time the current running segment began; null while paused or finished. */
  private segmentStart: number | null = null
  private timers: Partial<Record<Deadline | 'checkpoint', unknown>> = {}

  constructor(private readonly clock: Clock) {}

  wall(): string {
    return this.clock.wallNow().toISOString()
  }

  /** The clocks as they stand now: the state's written time plus the running segment. */
  live(s: RoundState): LiveTime {
    const a = s.attempts[s.index]
    const dt = this.segmentStart === null ? 0 : this.clock.now() - this.segmentStart
    return { usedMs: a.revealed ? a.usedMs : a.usedMs + dt, roundUsedMs: s.roundUsedMs + dt }
  }

  /** Starts counting from now (after a record that carries the live time was applied). */
  restart(): void {
    this.segmentStart = this.clock.now()
  }

  stop(): void {
    this.segmentStart = null
    this.clear()
  }

  clear(): void {
    for (const h of Object.values(this.timers)) if (h !== undefined) this.clock.clearTimer(h)
    this.timers = {}
  }

  /** Arms the deadline and checkpoint timers for what is on screen now. */
  schedule(s: RoundState, fire: (what: Deadline | 'checkpoint', index: number) => void): void {
    this.clear()
    if (s.status !== 'running' || s.paused || this.segmentStart === null) return
    // The checkpoint first: the deadlines are the timers armed last (a bench's probe reads the last one).
    this.timers.checkpoint = this.clock.setTimer(CHECKPOINT_MS, () => fire('checkpoint', s.index))
    const { usedMs, roundUsedMs } = this.live(s)
    const a = s.attempts[s.index]
    if (!a.revealed && !a.expired) {
      this.timers.question = this.clock.setTimer(s.questions[s.index].timeLimitMs - usedMs, () => fire('question', s.index))
    }
    const total = totalLimitMs(s)
    if (total !== null && !s.totalExpired) this.timers.round = this.clock.setTimer(total - roundUsedMs, () => fire('round', s.index))
  }

  /** Milliseconds left before a deadline; Node may fire a timer up to a millisecond early. */
  left(s: RoundState, what: Deadline): number {
    const { usedMs, roundUsedMs } = this.live(s)
    return what === 'question' ? s.questions[s.index].timeLimitMs - usedMs : (totalLimitMs(s) ?? 0) - roundUsedMs
  }

  rearm(what: Deadline, ms: number, fn: () => void): void {
    this.timers[what] = this.clock.setTimer(ms, fn)
  }
}

/**
 * The clock-first rows of the history bench (issue #12): how long the event loop stalls while
 * history loads, searches or rebuilds (perf_hooks.monitorEventLoopDelay), and how late the real
 * RoundEngine's expiry fires during a cold history load next to a bare setTimeout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Bank } from '../src-main/core/bank/types'
import { HistoryStore } from '../src-main/core/history/store'
import { systemClock, type Clock } from '../src-main/core/session/clock'
import { RoundEngine } from '../src-main/core/session/engine'
import type { RoundSetup } from '../src-main/core/session/types'
import { MIN_P95, MIN_P99, type Stats } from './bench-stats'

/**
 * Runs `fn` while sampling the event loop every millisecond. `max` is the longest time the loop
 * could not run a timer (the longest stall); the histogram's samples are the count `n`.
 */
export async function loopDelayDuring(fn: () => Promise<unknown>): Promise<{ ms: number; delay: Stats }> {
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  const t = performance.now()
  try {
    await fn()
  } finally {
    h.disable()
  }
  const ms = performance.now() - t
  const n = h.count
  const p = (q: number): number => h.percentile(q) / 1e6
  return { ms, delay: { n, p50: p(50), p95: n >= MIN_P95 ? p(95) : undefined, p99: n >= MIN_P99 ? p(99) : undefined, max: h.max / 1e6 } }
}

/** One timer: when it was due (performance.now()) and how late it fired, in ms. */
export interface Lateness {
  due: number
  late: number
}
/** Arms one timer; resolves once it is armed, with its firing. */
export type TimerProbe = (delayMs: number) => Promise<{ fired: Promise<Lateness> }>

export const bareTimer: TimerProbe = async (d) => {
  const due = performance.now() + d
  const fired = new Promise<Lateness>((resolve) => setTimeout(() => resolve({ due, late: performance.now() - due }), d))
  return { fired }
}

/** Questions of a probe round: each sample is one question's expiry; `next` arms the next question's timer. */
const ROUND_QUESTIONS = 50

const setup = (secondsPerQuestion: number): RoundSetup => ({
  bankIds: [],
  topics: [],
  difficulties: [],
  questionCount: ROUND_QUESTIONS,
  secondsPerQuestion,
  order: 'random',
  totalMinutes: null,
  allowOvertime: false
})

/**
 * The real engine on the real clock, writing to its own history folder; only the deadlines are
 * short. A round of 50 questions is played as a user in a hurry plays it: each question expires
 * (the engine writes the reveal), is graded, then Next shows the next one and arms its timer.
 */
export async function engineTimer(dataDir: string, banks: Bank[]): Promise<TimerProbe> {
  // The due time of the timer whose callback is running: the expiry event is emitted inside it.
  let due = 0
  const clock: Clock = {
    ...systemClock,
    setTimer: (ms, fn) => {
      const at = performance.now() + Math.max(0, ms)
      return systemClock.setTimer(ms, () => ((due = at), fn()))
    }
  }
  const store = new HistoryStore(dataDir)
  await store.open()
  let onExpired: ((l: Lateness) => void) | null = null
  const engine = new RoundEngine({
    log: store,
    clock,
    banks: () => banks,
    emit: (e) => e.type === 'expired' && onExpired?.({ due, late: performance.now() - due })
  })
  let round: { id: string; deadlineMs: number; left: number } | null = null
  return async (d) => {
    const fired = new Promise<Lateness>((resolve) => (onExpired = resolve))
    if (round && round.deadlineMs === d && round.left > 0) {
      // After the reveal the expiry wrote (the engine's queue): a grade, then the next question.
      const index = ROUND_QUESTIONS - round.left - 1
      await engine.grade({ roundId: round.id, index, rating: 3, keyPoints: [], note: '' })
      await engine.next({ roundId: round.id })
    } else {
      if (round) await engine.end({ roundId: round.id })
      const v = await engine.start(setup(d / 1000)) // its first question's timer is armed when start returns
      round = { id: v.id, deadlineMs: d, left: ROUND_QUESTIONS }
    }
    round.left--
    return { fired }
  }
}

/** How many loads `latenessDuring` runs: at least one, more while samples are few and time is left. */
export interface LoadPlan {
  minSamples: number
  maxLoads: number
  budgetMs: number
  /** Runs before each load, outside the measured window (the cold child collects garbage here). */
  before?: () => void
}

/**
 * Fires timers one after another (5–20 ms deadlines: many samples, each spanning a few of the
 * load's slices) for as long as each load runs, and keeps the lateness of those that fell due before
 * the load finished. The load starts once the first timer is
 * armed, so every load yields at least one sample. Loads again until the plan is met.
 */
export async function latenessDuring(load: () => Promise<unknown>, probe: TimerProbe, plan: LoadPlan): Promise<number[]> {
  const out: number[] = []
  const start = performance.now()
  let k = 0
  for (
    let loads = 0;
    loads < plan.maxLoads && (loads === 0 || (out.length < plan.minSamples && performance.now() - start < plan.budgetMs));
    loads++
  ) {
    plan.before?.()
    let end = Infinity
    let done: Promise<unknown> | null = null
    while (end === Infinity) {
      const timer = await probe(5 + (Math.floor(k++ / 50) % 4) * 5) // 5, 10, 15, 20 ms: one deadline a round
      if (!done) {
        done = load().finally(() => (end = performance.now()))
        done.catch(() => undefined) // awaited below; a failed load ends the loop and is thrown there
      }
      const l = await timer.fired
      if (l.due <= end) out.push(l.late)
    }
    await done
  }
  return out
}

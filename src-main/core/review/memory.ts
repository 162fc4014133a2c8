import { clamp, createEmptyCard, fsrs, generatorParameters, Rating, roundTo, S_MIN, State, type Card, type Grade } from 'ts-fsrs'
import { toFsrsGrade } from './grade-map'
import { DAY_MS, dayNumber } from './types'

/** The scheduler: FSRS defaults, whole-day intervals, no fuzz (the same input gives the same dates). */
const PARAMS = generatorParameters({ enable_short_term: false, enable_fuzz: false })
export const scheduler = fsrs(PARAMS)
/** The weights as a plain array: ts-fsrs reads them through a Proxy, which is most of its cost per step. */
const w = [...PARAMS.w]

const initDifficulty = (g: number): number => roundTo(w[4] - Math.exp((g - 1) * w[5]) + 1, 8)

/**
 * ts-fsrs's `next_state` (FSRS-6, long-term scheduler) on plain numbers: the same formulas, the same
 * rounding. `memory.test.ts` checks it against `scheduler.next` grade by grade, due dates included.
 */
function nextState(prev: { stability: number; difficulty: number } | null, t: number, g: Grade): { stability: number; difficulty: number } {
  if (!prev) return { difficulty: clamp(initDifficulty(g), 1, 10), stability: Math.max(w[g - 1], 0.1) }
  const { difficulty: d, stability: s } = prev
  const r = scheduler.forgetting_curve(t, s)
  let stability: number
  if (g === Rating.Again) {
    const afterFail = roundTo(
      clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]), S_MIN, 36500),
      8
    )
    stability = clamp(roundTo(s, 8), S_MIN, afterFail)
  } else {
    const hard = g === Rating.Hard ? w[15] : 1
    const easy = g === Rating.Easy ? w[16] : 1
    stability = roundTo(
      clamp(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hard * easy), S_MIN, 36500),
      8
    )
  }
  const next = d + roundTo((-w[6] * (g - 3) * (10 - d)) / 9, 8)
  return { stability, difficulty: clamp(roundTo(w[7] * initDifficulty(Rating.Easy) + (1 - w[7]) * next, 8), 1, 10) }
}

/** What FSRS knows about one question after its grades so far. Derived; never written to disk. */
export interface Memory {
  stability: number
  difficulty: number
  reps: number
  lapses: number
  /** Time of the last scheduled grade. */
  lastMs: number
  lastGrade: Grade
  /** The state before the last grade: with it, the due date is computed exactly as ts-fsrs does. */
  before: Omit<Memory, 'before' | 'lastGrade'> | null
}

/**
 * One grade applied to a memory state, on numbers (no Date or log objects per step), which makes
 * replaying 200,000 grades cheap; `memory.test.ts` checks that it equals `scheduler.next` step by step.
 */
export function step(m: Memory | null, atMs: number, rating: number): Memory {
  const grade = toFsrsGrade(rating)
  if (!m) {
    const s = nextState(null, 0, grade)
    return { stability: s.stability, difficulty: s.difficulty, reps: 1, lapses: 0, lastMs: atMs, lastGrade: grade, before: null }
  }
  const t = Math.max(0, dayNumber(atMs) - dayNumber(m.lastMs))
  const s = nextState(m, t, grade)
  return {
    stability: s.stability,
    difficulty: s.difficulty,
    reps: m.reps + 1,
    lapses: m.lapses + (grade === Rating.Again ? 1 : 0),
    lastMs: atMs,
    lastGrade: grade,
    before: { stability: m.stability, difficulty: m.difficulty, reps: m.reps, lapses: m.lapses, lastMs: m.lastMs }
  }
}

/** Replays grades (already in time order) from nothing. */
export function replay(grades: readonly { atMs: number; rating: number }[]): Memory | null {
  let m: Memory | null = null
  for (const g of grades) m = step(m, g.atMs, g.rating)
  return m
}

/** The question's next due time, as ts-fsrs schedules it after the last grade. */
export function dueMs(m: Memory): number {
  const b = m.before
  const card: Card = b
    ? {
        due: new Date(b.lastMs),
        stability: b.stability,
        difficulty: b.difficulty,
        elapsed_days: 0,
        scheduled_days: 0,
        reps: b.reps,
        lapses: b.lapses,
        learning_steps: 0,
        state: State.Review,
        last_review: new Date(b.lastMs)
      }
    : createEmptyCard(new Date(m.lastMs))
  return scheduler.next(card, new Date(m.lastMs), m.lastGrade).card.due.getTime()
}

/** Predicted chance of recalling the question on the UTC day of `atMs` (1 right after a grade). */
export function recallAt(m: Memory | null, atMs: number): number {
  if (!m) return 0
  const t = Math.max(0, dayNumber(atMs) - dayNumber(m.lastMs))
  return scheduler.forgetting_curve(t, m.stability)
}

export { DAY_MS }

import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs'
import { toFsrsGrade } from './grade-map'
import { DAY_MS, dayNumber } from './types'

/** The scheduler: FSRS defaults, whole-day intervals, no fuzz (the same input gives the same dates). */
export const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false })

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
 * One grade applied to a memory state. This is ts-fsrs's own `next_state` on numbers (no Date or
 * log objects per step), which makes replaying 200,000 grades cheap; `memory.test.ts` checks that
 * it equals `scheduler.next` step by step.
 */
export function step(m: Memory | null, atMs: number, rating: number): Memory {
  const grade = toFsrsGrade(rating)
  if (!m) {
    const s = scheduler.next_state(null, 0, grade)
    return { stability: s.stability, difficulty: s.difficulty, reps: 1, lapses: 0, lastMs: atMs, lastGrade: grade, before: null }
  }
  const t = Math.max(0, dayNumber(atMs) - dayNumber(m.lastMs))
  const r = scheduler.forgetting_curve(t, m.stability)
  const s = scheduler.next_state({ stability: m.stability, difficulty: m.difficulty }, t, grade, r)
  const { before: _b, lastGrade: _g, ...prev } = m
  return {
    stability: s.stability,
    difficulty: s.difficulty,
    reps: m.reps + 1,
    lapses: m.lapses + (grade === Rating.Again ? 1 : 0),
    lastMs: atMs,
    lastGrade: grade,
    before: prev
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

import type { Difficulty } from '../bank/types'

/**
 * One grade as the review index sees it: the raw 1–5 self-grade and the evidence around it, with the
 * question's bank, topics and difficulty as they were when it was graded (from the session's
 * question snapshot), so that a question edited later still counts where it was graded.
 */
export interface ReviewGrade {
  /** The round and the question's place in it: a re-grade of the same pair replaces the grade. */
  sessionId: string
  questionIndex: number
  questionId: string
  /** When it was graded (ms since the epoch). */
  atMs: number
  rating: 1 | 2 | 3 | 4 | 5
  bankId: string
  topics: string[]
  difficulty: Difficulty
  /** Key points ticked / offered; null when unknown (older grade-log lines). */
  keyPointsHit: number | null
  keyPointsTotal: number | null
  /** Answering time; null when unknown. */
  usedMs: number | null
  /** Whether the answer ran over its time; null when unknown. */
  overtime: boolean | null
  /** A practice (cram) round: recorded, counted as activity, skipped by the scheduler. */
  practice: boolean
}

/** A question of the banks loaded now: what "never tried" and the drill sources choose from. */
export interface CatalogueQuestion {
  id: string
  bankId: string
  text: string
  topics: string[]
  difficulty: Difficulty
}

export const DAY_MS = 86_400_000

/** Calendar days are UTC days, the same days the FSRS scheduler (ts-fsrs) counts in. */
export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS)
}

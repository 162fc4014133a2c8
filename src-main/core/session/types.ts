import type { Difficulty } from '../bank/types'
import type { RoundSummary } from './summary'

export type Rating = 1 | 2 | 3 | 4 | 5

export const RATING_LABELS: Record<Rating, string> = {
  1: 'blank',
  2: 'vague',
  3: 'partial',
  4: 'solid',
  5: 'interview-ready'
}

export interface RoundSetup {
  /** Banks to draw from; empty means every bank. */
  bankIds: string[]
  /** Topics to draw from; empty means every topic. */
  topics: string[]
  /** Difficulties to draw from; empty means all. */
  difficulties: Difficulty[]
  questionCount: number
  /** Seconds per question; null uses each question's suggested time. */
  secondsPerQuestion: number | null
  order: 'random' | 'as-written'
  /** Optional limit for the whole round, in minutes of active (unpaused) time. */
  totalMinutes: number | null
  /** When time is up, keep answering and record overtime instead of revealing. */
  allowOvertime: boolean
  // ---- review (issue #8) ----
  /** Questions chosen by main from a review source (weakest, due, never tried); in this order. */
  questionIds?: string[]
  /** Practice (cram): recorded in history, skipped by the review schedule. */
  practice?: boolean
}

/** A question as it was when the round began: history stays readable when banks change later. */
export interface RoundQuestion {
  questionId: string
  bankId: string
  bankTitle: string
  text: string
  topics: string[]
  difficulty: Difficulty
  answer: string
  keyPoints: string[]
  timeLimitMs: number
}

export interface Grade {
  rating: Rating
  /** Indexes into the question's key points that the user ticked. */
  keyPoints: number[]
  note: string
  gradedAt: string
}

export interface Attempt {
  draft: string
  /** Answering time up to the reveal (or so far), excluding pauses. */
  usedMs: number
  overtimeMs: number
  expired: boolean
  revealed: boolean
  openedAt: string | null
  revealedAt: string | null
  grade: Grade | null
}

export type RoundStatus = 'running' | 'finished' | 'ended-early' | 'abandoned'

/** Everything a session file says, replayed. */
export interface RoundState {
  id: string
  schemaVersion: number
  startedAt: string
  endedAt: string | null
  status: RoundStatus
  setup: RoundSetup
  questions: RoundQuestion[]
  attempts: Attempt[]
  /** The question on screen. */
  index: number
  paused: boolean
  /** Active time of the whole round so far, excluding pauses. */
  roundUsedMs: number
  totalExpired: boolean
}

/** The records of a session file, one per line, in order. */
export type SessionRecord =
  | { t: 'start'; v: number; id: string; at: string; setup: RoundSetup; questions: RoundQuestion[] }
  | { t: 'open'; i: number; at: string; roundUsedMs: number }
  | { t: 'draft'; i: number; draft: string; usedMs: number; roundUsedMs: number }
  | { t: 'pause'; i: number; at: string; usedMs: number; roundUsedMs: number }
  | { t: 'resume'; i: number; at: string }
  | {
      t: 'reveal'
      i: number
      at: string
      usedMs: number
      overtimeMs: number
      expired: boolean
      draft: string
      roundUsedMs: number
      totalExpired: boolean
    }
  | { t: 'grade'; i: number; rating: Rating; keyPoints: number[]; note: string; at: string; roundUsedMs: number }
  | { t: 'finish'; at: string; status: Exclude<RoundStatus, 'running'>; roundUsedMs: number }

export const SESSION_SCHEMA_VERSION = 1

export interface QuestionView {
  index: number
  questionId: string
  bankTitle: string
  text: string
  topics: string[]
  difficulty: Difficulty
  timeLimitMs: number
  usedMs: number
  /** Negative in overtime. */
  remainingMs: number
  expired: boolean
  overtimeMs: number
  draft: string
  revealed: boolean
  /** The model answer and key points are only sent once revealed. */
  answer: string | null
  keyPoints: string[] | null
  grade: { rating: Rating; keyPoints: number[]; note: string } | null
}

export interface RoundView {
  id: string
  status: RoundStatus
  startedAt: string
  paused: boolean
  /** True while the current question's clock runs (not paused, not revealed, not finished). */
  ticking: boolean
  index: number
  count: number
  allowOvertime: boolean
  totalLimitMs: number | null
  totalRemainingMs: number | null
  totalExpired: boolean
  question: QuestionView
  summary: RoundSummary | null
}

export interface InterruptedRound {
  id: string
  startedAt: string
  questionCount: number
  gradedCount: number
  index: number
}

export type RoundEvent =
  { type: 'changed'; view: RoundView } | { type: 'expired'; roundId: string; index: number; scope: 'question' | 'round' }

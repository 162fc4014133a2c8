import type { Difficulty, FollowUp } from '../bank/types'
import type { RoundSummary } from './summary'
import type { Rating, RoundSetup, RoundStatus } from './schema'

export type { Rating, RoundSetup, RoundStatus } from './schema'

export { RATING_LABELS } from './limits'

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
  // ---- #13: spoken answer, follow-ups, and the parent of a derived follow-up question ----
  spoken?: string
  followUps?: FollowUp[]
  followUpOf?: { id: string; text: string }
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
  /** A clock checkpoint while a question runs (every few seconds), and the moments time runs out. */
  | { t: 'clock'; i: number; usedMs: number; roundUsedMs: number; expired?: boolean; totalExpired?: boolean }

export type StartRecord = Extract<SessionRecord, { t: 'start' }>

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
  // ---- #13 (set by the engine; optional so that older views still type-check) ----
  /** The spoken answer; null until revealed, or when the question has none. */
  spoken?: string | null
  /** The interviewer's follow-ups with their answers; null until revealed. */
  followUps?: FollowUp[] | null
  /** For a follow-up drilled on its own, the question it follows (shown from the start). */
  followUpOf?: { id: string; text: string } | null
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

import type { Difficulty } from '../bank/types'
import type { RoundState, RoundStatus } from '../session/types'

export interface SessionSummary {
  id: string
  startedAt: string
  endedAt: string | null
  status: RoundStatus
  bankIds: string[]
  topics: string[]
  /** #11: the difficulties of its questions. Absent on index lines written before; the index is then rebuilt once. */
  difficulties?: Difficulty[]
  questionCount: number
  gradedCount: number
  /** Mean rating of the graded questions, 1–5; null when nothing was graded. */
  averageRating: number | null
  /** Active time of the round, excluding pauses. */
  durationMs: number
}

/** A session as the History list shows it: the summary plus the titles of its banks. */
export interface SessionListItem extends SessionSummary {
  bankTitles: string[]
}

/** What history needs from the banks loaded now, to search question texts and name banks. */
export interface ContentLookup {
  questionText(questionId: string): string | undefined
  bankTitle(bankId: string): string | undefined
}

export type { HistoryQuery, HistorySortKey } from './schema'

export interface HistoryPage {
  total: number
  /** Sessions in history before filters. */
  all: number
  items: SessionListItem[]
}

export interface QuestionAttemptRecord {
  sessionId: string
  questionIndex: number
  questionId: string
  rating: number
  at: string
  draft: string
  note: string
  // ---- review (issue #8): the question as graded, from its snapshot, and the evidence; optional
  // because older grade-log lines lack them ----
  bankId?: string
  topics?: string[]
  difficulty?: 'easy' | 'medium' | 'hard'
  keyPointsHit?: number
  keyPointsTotal?: number
  usedMs?: number
  overtimeMs?: number
  /** The round was practice (cram): recorded, but the review schedule skips it. */
  practice?: boolean
}

/** A file that was damaged, missing or from a newer version, and what was done about it. */
export interface StorageProblem {
  file: string
  /** Where the damaged file was kept, when it was moved aside. */
  keptAt: string | null
  message: string
}

export type { RoundState }

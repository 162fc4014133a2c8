import type { Difficulty } from '../bank/types'
import { summarizeRound } from '../session/summary'
import { RATING_LABELS, type Rating, type RoundState, type RoundStatus } from '../session/types'
import { adviceFor, type Advice } from './advice'

/** What the user chose to include besides the grades. */
export interface ScorecardOptions {
  drafts: boolean
  answers: boolean
}

export interface ScorecardQuestion {
  /** 1-based, as the round showed it. */
  number: number
  questionId: string
  text: string
  bank: string
  topics: string[]
  difficulty: Difficulty
  rating: Rating | null
  /** The grade's meaning ("solid"); null when not graded. */
  ratingLabel: string | null
  keyPointsHit: string[]
  keyPointsMissed: string[]
  usedMs: number
  limitMs: number
  overtimeMs: number
  expired: boolean
  note: string
  /** Only when the user asked for drafts / model answers. */
  draft?: string
  answer?: string
}

export interface ScorecardTopic {
  topic: string
  questions: number
  graded: number
  averageRating: number | null
  timeMs: number
}

/** One session, as exported: every format (Markdown, CSV, JSON, PDF) is written from this. */
export interface Scorecard {
  sessionId: string
  startedAt: string
  endedAt: string | null
  status: RoundStatus
  banks: string[]
  topics: string[]
  /** Active time of the round, pauses excluded. */
  durationMs: number
  answeringMs: number
  questionCount: number
  gradedCount: number
  averageRating: number | null
  scorePercent: number | null
  topicBreakdown: ScorecardTopic[]
  advice: Advice
  questions: ScorecardQuestion[]
}

export function buildScorecard(state: RoundState, opts: ScorecardOptions): Scorecard {
  const summary = summarizeRound(state)
  const questions: ScorecardQuestion[] = state.questions.map((q, i) => {
    const a = state.attempts[i]
    const hit = new Set(a.grade?.keyPoints ?? [])
    const rating = a.grade?.rating ?? null
    const out: ScorecardQuestion = {
      number: i + 1,
      questionId: q.questionId,
      text: q.text,
      bank: q.bankTitle,
      topics: q.topics,
      difficulty: q.difficulty,
      rating,
      ratingLabel: rating === null ? null : RATING_LABELS[rating],
      keyPointsHit: q.keyPoints.filter((_, k) => hit.has(k)),
      keyPointsMissed: a.grade ? q.keyPoints.filter((_, k) => !hit.has(k)) : [],
      usedMs: Math.round(a.usedMs),
      limitMs: q.timeLimitMs,
      overtimeMs: Math.round(a.overtimeMs),
      expired: a.expired,
      note: a.grade?.note ?? ''
    }
    if (opts.drafts) out.draft = a.draft
    if (opts.answers) out.answer = q.answer
    return out
  })
  const timeByTopic = new Map<string, number>()
  for (const q of questions) for (const t of q.topics) timeByTopic.set(t, (timeByTopic.get(t) ?? 0) + q.usedMs)
  const topicBreakdown = summary.topics.map((t) => ({ ...t, timeMs: timeByTopic.get(t.topic) ?? 0 }))
  return {
    sessionId: state.id,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    status: state.status,
    banks: [...new Set(state.questions.map((q) => q.bankTitle))],
    topics: [...new Set(state.questions.flatMap((q) => q.topics))].sort(),
    durationMs: summary.roundMs,
    answeringMs: summary.answeringMs,
    questionCount: summary.questionCount,
    gradedCount: summary.gradedCount,
    averageRating: summary.averageRating,
    scorePercent: summary.scorePercent,
    topicBreakdown,
    advice: adviceFor(topicBreakdown, questions),
    questions
  }
}

/** "1:05" from milliseconds. */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

/** "4 — solid" / "not graded". */
export function gradeText(q: Pick<ScorecardQuestion, 'rating' | 'ratingLabel'>): string {
  return q.rating === null ? 'not graded' : `${q.rating} — ${q.ratingLabel}`
}

/** "1:05 of 2:00, 0:10 over" */
export function timeText(q: Pick<ScorecardQuestion, 'usedMs' | 'limitMs' | 'overtimeMs' | 'expired'>): string {
  const over = q.overtimeMs > 0 ? `, ${clock(q.overtimeMs)} over` : q.expired ? ', time ran out' : ''
  return `${clock(q.usedMs)} of ${clock(q.limitMs)}${over}`
}

/** A file-name-safe date from an ISO time: 2026-11-30-2231. */
export function fileStamp(iso: string): string {
  return iso.slice(0, 16).replace('T', '-').replace(':', '')
}

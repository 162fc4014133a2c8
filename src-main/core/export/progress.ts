import { summarizeRound } from '../session/summary'
import type { RoundState } from '../session/types'

export interface ProgressRange {
  /** ISO dates, inclusive; null: open-ended. */
  from: string | null
  to: string | null
  /** Only the newest N sessions of the range; null: all of them. */
  lastN: number | null
}

export interface TrendPoint {
  sessionId: string
  startedAt: string
  averageRating: number | null
  scorePercent: number | null
  questions: number
}

export interface TopicMastery {
  topic: string
  attempts: number
  averageRating: number
  /** 0–100: the average grade mapped from 1–5. */
  masteryPercent: number
  /** Average of the later half of the range minus the earlier half; null with fewer than 2 attempts. */
  change: number | null
}

export interface WeakQuestion {
  questionId: string
  text: string
  attempts: number
  averageRating: number
  lastRating: number
}

// ---- OPTIONAL SLOT: due load and readiness (issue #8, review module) ---------------------------
/**
 * Filled by the review module when it has landed (services pass `review` to the report); until
 * then it is null and every format says "not available yet".
 */
export interface ReviewReadiness {
  dueToday: number
  dueNext7Days: number
  /** The interview date the user set, ISO day; null when none. */
  interviewDate: string | null
  /** 0–100, the review module's estimate for the interview date; null when it cannot say. */
  readinessPercent: number | null
}
// ---- end of optional slot ----------------------------------------------------------------------

export interface ProgressReport {
  range: ProgressRange
  /** First and last session start in the report; null when it is empty. */
  firstAt: string | null
  lastAt: string | null
  sessions: number
  gradedQuestions: number
  /** Active time of all sessions, pauses excluded. */
  totalMs: number
  averageRating: number | null
  trend: TrendPoint[]
  topics: TopicMastery[]
  weakest: WeakQuestion[]
  review: ReviewReadiness | null
}

const round2 = (n: number): number => Math.round(n * 100) / 100
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/** Builds the report from replayed sessions (any order); sessions still running are left out. */
export function buildProgressReport(states: RoundState[], range: ProgressRange, review: ReviewReadiness | null = null): ProgressReport {
  const done = states.filter((s) => s.status !== 'running').sort((a, b) => a.startedAt.localeCompare(b.startedAt))
  const trend: TrendPoint[] = []
  const byTopic = new Map<string, number[]>()
  const byQuestion = new Map<string, { text: string; ratings: number[] }>()
  let totalMs = 0
  const all: number[] = []
  for (const s of done) {
    const r = summarizeRound(s)
    totalMs += r.roundMs
    trend.push({
      sessionId: s.id,
      startedAt: s.startedAt,
      averageRating: r.averageRating,
      scorePercent: r.scorePercent,
      questions: r.questionCount
    })
    for (const q of r.questions) {
      if (q.rating === null) continue
      all.push(q.rating)
      for (const t of q.topics) {
        const rs = byTopic.get(t)
        if (rs) rs.push(q.rating)
        else byTopic.set(t, [q.rating])
      }
      const entry = byQuestion.get(q.questionId) ?? { text: q.text, ratings: [] }
      entry.text = q.text
      entry.ratings.push(q.rating)
      byQuestion.set(q.questionId, entry)
    }
  }
  const topics = [...byTopic.entries()]
    .map(([topic, rs]): TopicMastery => {
      const average = mean(rs)
      const half = Math.floor(rs.length / 2)
      const change = rs.length >= 2 ? round2(mean(rs.slice(rs.length - half)) - mean(rs.slice(0, half))) : null
      return { topic, attempts: rs.length, averageRating: round2(average), masteryPercent: Math.round(((average - 1) / 4) * 100), change }
    })
    .sort((a, b) => a.averageRating - b.averageRating || a.topic.localeCompare(b.topic))
  const weakest = [...byQuestion.entries()]
    .map(([questionId, e]) => ({
      questionId,
      text: e.text,
      attempts: e.ratings.length,
      averageRating: round2(mean(e.ratings)),
      lastRating: e.ratings[e.ratings.length - 1]
    }))
    .sort((a, b) => a.averageRating - b.averageRating || b.attempts - a.attempts || a.questionId.localeCompare(b.questionId))
    .slice(0, 10)
  return {
    range,
    firstAt: done[0]?.startedAt ?? null,
    lastAt: done[done.length - 1]?.startedAt ?? null,
    sessions: done.length,
    gradedQuestions: all.length,
    totalMs,
    averageRating: all.length ? round2(mean(all)) : null,
    trend,
    topics,
    weakest,
    review
  }
}

import type { RoundState } from './types'

export interface QuestionResult {
  index: number
  questionId: string
  text: string
  topics: string[]
  rating: number | null
  keyPointsHit: number
  keyPointsTotal: number
  usedMs: number
  overtimeMs: number
  expired: boolean
}

export interface TopicResult {
  topic: string
  questions: number
  graded: number
  averageRating: number | null
}

export interface RoundSummary {
  questionCount: number
  gradedCount: number
  /** Mean rating, 1–5, of the graded questions. */
  averageRating: number | null
  /** Sum of ratings over the best possible for the graded questions, 0–100. */
  scorePercent: number | null
  answeringMs: number
  roundMs: number
  questions: QuestionResult[]
  topics: TopicResult[]
}

const round2 = (n: number): number => Math.round(n * 100) / 100
const mean = (xs: number[]): number | null => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null)

/** Score, time per question and per-topic breakdown of a round. */
export function summarizeRound(state: RoundState): RoundSummary {
  const questions: QuestionResult[] = state.questions.map((q, index) => {
    const a = state.attempts[index]
    return {
      index,
      questionId: q.questionId,
      text: q.text,
      topics: q.topics,
      rating: a.grade?.rating ?? null,
      keyPointsHit: a.grade?.keyPoints.length ?? 0,
      keyPointsTotal: q.keyPoints.length,
      usedMs: Math.round(a.usedMs),
      overtimeMs: Math.round(a.overtimeMs),
      expired: a.expired
    }
  })
  const ratings = questions.flatMap((q) => (q.rating === null ? [] : [q.rating]))
  const byTopic = new Map<string, QuestionResult[]>()
  for (const q of questions) for (const t of q.topics) byTopic.set(t, [...(byTopic.get(t) ?? []), q])
  const topics = [...byTopic.entries()]
    .map(([topic, qs]) => {
      const r = qs.flatMap((q) => (q.rating === null ? [] : [q.rating]))
      return { topic, questions: qs.length, graded: r.length, averageRating: mean(r) }
    })
    .sort((a, b) => (a.averageRating ?? 99) - (b.averageRating ?? 99) || a.topic.localeCompare(b.topic))
  return {
    questionCount: questions.length,
    gradedCount: ratings.length,
    averageRating: mean(ratings),
    // The mean grade on a 0–100 scale: all 1s is 0%, all 5s is 100% (not sum ÷ 5n, which never went below 20%).
    scorePercent: ratings.length ? Math.round(((ratings.reduce((a, b) => a + b, 0) / ratings.length - 1) / 4) * 100) : null,
    answeringMs: questions.reduce((a, q) => a + q.usedMs, 0),
    roundMs: Math.round(state.roundUsedMs),
    questions,
    topics
  }
}

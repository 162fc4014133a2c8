import { DIFFICULTIES } from '../bank/types'
import type { RoundState } from '../session/types'
import type { QuestionAttemptRecord, SessionSummary } from './types'

export function summarize(state: RoundState): SessionSummary {
  const ratings = state.attempts.flatMap((a) => (a.grade ? [a.grade.rating] : []))
  const unique = <T>(xs: T[]): T[] => [...new Set(xs)]
  return {
    id: state.id,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    status: state.status,
    bankIds: unique(state.questions.map((q) => q.bankId)),
    topics: unique(state.questions.flatMap((q) => q.topics)).sort(),
    difficulties: DIFFICULTIES.filter((d) => state.questions.some((q) => q.difficulty === d)), // #11
    questionCount: state.questions.length,
    gradedCount: ratings.length,
    averageRating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null,
    durationMs: Math.round(state.roundUsedMs)
  }
}

/** The grade-log lines of a session: one per graded question, with the draft and note for search. */
export function gradeRecords(state: RoundState, only?: number): QuestionAttemptRecord[] {
  return state.attempts.flatMap((a, i) =>
    a.grade && (only === undefined || only === i)
      ? [
          {
            sessionId: state.id,
            questionIndex: i,
            questionId: state.questions[i].questionId,
            rating: a.grade.rating,
            at: a.grade.gradedAt,
            draft: a.draft,
            note: a.grade.note,
            // ---- review (issue #8) ----
            bankId: state.questions[i].bankId,
            topics: state.questions[i].topics,
            difficulty: state.questions[i].difficulty,
            keyPointsHit: a.grade.keyPoints.length,
            keyPointsTotal: state.questions[i].keyPoints.length,
            usedMs: Math.round(a.usedMs),
            overtimeMs: Math.round(a.overtimeMs),
            ...(state.setup.practice ? { practice: true } : {})
          }
        ]
      : []
  )
}

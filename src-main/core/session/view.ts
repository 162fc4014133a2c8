import { summarizeRound } from './summary'
import type { InterruptedRound, RoundState, RoundView } from './types'
import { answerPartsView } from './answer-parts' // #13

/** Time not yet written: what the running segment adds to the state's clocks. */
export interface LiveTime {
  usedMs: number
  roundUsedMs: number
}

export const totalLimitMs = (s: RoundState): number | null => (s.setup.totalMinutes ? s.setup.totalMinutes * 60_000 : null)

/** The pure projection of a round to what the renderer draws; answers stay hidden until revealed. */
export function projectView(s: RoundState, live: LiveTime): RoundView {
  const { usedMs, roundUsedMs } = live
  const q = s.questions[s.index]
  const a = s.attempts[s.index]
  const total = totalLimitMs(s)
  const finished = s.status !== 'running'
  return {
    id: s.id,
    status: s.status,
    startedAt: s.startedAt,
    paused: s.paused,
    ticking: !finished && !s.paused && !a.revealed,
    index: s.index,
    count: s.questions.length,
    allowOvertime: s.setup.allowOvertime,
    totalLimitMs: total,
    totalRemainingMs: total === null ? null : Math.max(0, total - roundUsedMs),
    totalExpired: s.totalExpired,
    question: {
      index: s.index,
      questionId: q.questionId,
      bankTitle: q.bankTitle,
      text: q.text,
      topics: q.topics,
      difficulty: q.difficulty,
      timeLimitMs: q.timeLimitMs,
      usedMs: Math.round(usedMs),
      remainingMs: Math.round(q.timeLimitMs - usedMs),
      expired: a.expired || usedMs >= q.timeLimitMs,
      overtimeMs: Math.round(a.revealed ? a.overtimeMs : Math.max(0, usedMs - q.timeLimitMs)),
      draft: a.draft,
      revealed: a.revealed,
      answer: a.revealed || finished ? q.answer : null,
      keyPoints: a.revealed || finished ? q.keyPoints : null,
      ...answerPartsView(q, a.revealed || finished), // #13: spoken answer and follow-ups after the reveal
      grade: a.grade ? { rating: a.grade.rating, keyPoints: a.grade.keyPoints, note: a.grade.note } : null
    },
    summary: finished ? summarizeRound(s) : null
  }
}

export function describeInterrupted(s: RoundState): InterruptedRound {
  return {
    id: s.id,
    startedAt: s.startedAt,
    questionCount: s.questions.length,
    gradedCount: s.attempts.filter((a) => a.grade).length,
    index: s.index
  }
}

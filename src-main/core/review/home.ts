import { forecast } from './forecast'
import type { ReviewIndex } from './review-index'
import { groupRows } from './mastery'
import { dueForecast, type ReviewContext } from './schedule'
import { SOURCE_LABELS } from './sources'
import { streaks } from './stats'
import { dayNumber } from './types'
import type { Forecast, GroupRow, HomeSummary, RoundSource } from './results'
export type { HomeSummary } from './results'

export function homeSummary(index: ReviewIndex, ctx: ReviewContext): HomeSummary {
  const next14 = dueForecast(index, ctx, 14)
  const topics = groupRows(index, ctx, 'topic')
  const weakest = topics.filter((r) => r.mastery !== null).slice(0, 3)
  const f = forecast(index, ctx)
  return {
    graded: index.size,
    dueToday: next14[0].count,
    next14,
    streak: streaks(index, dayNumber(ctx.nowMs)),
    weakest,
    interview: f && { interviewDate: f.interviewDate, daysLeft: f.daysLeft, summary: f.summary },
    best: best(index, next14[0].count, weakest, topics, f)
  }
}

function best(index: ReviewIndex, due: number, weakest: GroupRow[], topics: GroupRow[], f: Forecast | null): HomeSummary['best'] {
  const pick = (source: RoundSource, reason: string): HomeSummary['best'] => ({ source, label: SOURCE_LABELS[source.kind], reason })
  if (index.size === 0)
    return { source: null, label: 'Start a first round', reason: 'Nothing graded yet: a first round shows where you stand.' }
  if (f && f.daysLeft > 0 && f.plan.today.length) return pick({ kind: 'interview-plan' }, f.plan.summary)
  if (due > 0)
    return pick({ kind: 'due' }, `${due} ${due === 1 ? 'question is' : 'questions are'} due: reviewing them now keeps what you know.`)
  if (weakest[0] && (weakest[0].mastery ?? 1) < 0.8)
    return pick({ kind: 'weak-topics', topics: 3 }, `Your weakest topic is ${weakest[0].key}: ${weakest[0].meaning}`)
  const fresh = topics.find((t) => t.neverTried > 0)
  if (fresh) return pick({ kind: 'never-tried', topic: fresh.key }, `${fresh.neverTried} questions of ${fresh.key} are still new to you.`)
  return pick({ kind: 'weak-questions' }, 'Everything is in good shape: sharpen the weakest questions.')
}

import { PlanError } from '../session/plan'
import { forecast } from './forecast'
import type { ReviewIndex } from './review-index'
import { isLeech } from './leeches'
import { groupRows, questionRows, weakestFirst } from './mastery'
import { recallAt } from './memory'
import { dueToday, type ReviewContext } from './schedule'
import { DAY_MS } from './types'

import type { SourceKind } from './source-kinds'
import type { RoundSource } from './results'
export type { RoundSource } from './results'

export { SOURCE_KINDS, type SourceKind } from './source-kinds'

export const SOURCE_LABELS: Record<SourceKind, string> = {
  'weak-topics': 'Weakest topics',
  'weak-questions': 'Weakest questions',
  'never-tried': 'Never tried',
  due: 'Due today',
  leeches: 'Leeches',
  'interview-plan': "Today's interview plan",
  topic: 'One topic, weakest first'
}

/** The question ids of a drill round from `source`, best first, at most `limit`. */
export function chooseQuestions(index: ReviewIndex, ctx: ReviewContext, source: RoundSource, limit: number): string[] {
  let ids: string[]
  switch (source.kind) {
    case 'weak-topics': {
      const topics = groupRows(index, ctx, 'topic')
        .filter((r) => r.mastery !== null)
        .slice(0, source.topics ?? 3)
      const rows = topics.flatMap((t) => questionRows(index, ctx, 'topic', t.key))
      ids = rows.sort((a, b) => (a.mastery ?? -1) - (b.mastery ?? -1)).map((r) => r.id)
      break
    }
    case 'weak-questions':
      ids = [...index.questions.values()]
        .filter((t) => t.memory)
        .map((t) => ({ id: t.id, mastery: recallAt(t.memory, ctx.nowMs + DAY_MS), averageGrade: t.ratingSum / t.attempts }))
        .sort(weakestFirst)
        .map((r) => r.id)
      break
    case 'never-tried':
      ids = ctx.catalogue.filter((q) => !index.questions.has(q.id) && (!source.topic || q.topics.includes(source.topic))).map((q) => q.id)
      break
    case 'due':
      ids = dueToday(index, ctx).map((t) => t.id)
      break
    case 'leeches':
      ids = [...index.questions.values()].filter(isLeech).map((t) => t.id)
      break
    case 'interview-plan':
      ids = forecast(index, ctx)?.plan.today ?? []
      break
    case 'topic':
      ids = source.topic ? questionRows(index, ctx, 'topic', source.topic).map((r) => r.id) : []
      break
  }
  const known = new Set(ctx.catalogue.map((q) => q.id))
  const out = [...new Set(ids)].filter((id) => known.has(id)).slice(0, limit)
  if (out.length === 0) throw new PlanError(emptyMessage(source))
  return out
}

function emptyMessage(source: RoundSource): string {
  switch (source.kind) {
    case 'due':
      return 'Nothing is due today. Try your weakest questions, or something new.'
    case 'never-tried':
      return source.topic ? `You have tried every question of ${source.topic}.` : 'You have tried every question.'
    case 'leeches':
      return 'No leeches: no question has been forgotten again and again.'
    case 'interview-plan':
      return 'Set an interview date first (on the Review screen).'
    case 'topic':
      return source.topic ? `No question of ${source.topic} is in the banks loaded now.` : 'Choose a topic to drill.'
    default:
      return 'Grade a few answers first: there is nothing weak to drill yet.'
  }
}

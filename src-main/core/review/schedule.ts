import type { QuestionTrack, ReviewIndex } from './review-index'
import { DAY_MS, dayNumber, type CatalogueQuestion } from './types'

/** What every review query needs besides the index: the time now, the banks now, the interview. */
export interface ReviewContext {
  nowMs: number
  catalogue: CatalogueQuestion[]
  /** The interview day (UTC midnight, ms) and the topics it covers (empty: all). */
  interview: { dayMs: number; topics: string[] } | null
}

/** The end of the UTC day that contains `ms`. */
export function endOfDay(ms: number): number {
  return (dayNumber(ms) + 1) * DAY_MS - 1
}

/**
 * A question's due time as the app shows it. With an interview ahead, a question whose next review
 * FSRS would put after the interview is pulled forward to the day before it, so that nothing you
 * have practised is first due once it is too late.
 */
export function effectiveDue(index: ReviewIndex, t: QuestionTrack, ctx: ReviewContext): number | null {
  const due = index.dueOf(t)
  if (due === null || !ctx.interview) return due
  const eve = ctx.interview.dayMs - DAY_MS
  if (eve <= ctx.nowMs) return due
  const covered = ctx.interview.topics.length === 0 || topicsOf(t).some((x) => ctx.interview!.topics.includes(x))
  return covered && due > eve ? Math.max(eve, t.memory!.lastMs + DAY_MS) : due
}

/** The topics a question counts under: those of its latest grade (its snapshot). */
export function topicsOf(t: QuestionTrack): string[] {
  return t.grades.last()?.topics ?? []
}

/** Questions due by the end of today, most overdue first. */
export function dueToday(index: ReviewIndex, ctx: ReviewContext): QuestionTrack[] {
  const end = endOfDay(ctx.nowMs)
  const out: [number, QuestionTrack][] = []
  for (const t of index.questions.values()) {
    const d = effectiveDue(index, t, ctx)
    if (d !== null && d <= end) out.push([d, t])
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, t]) => t)
}

/** How many questions fall due on each of the next `days` days; day 0 (today) includes overdue ones. */
export function dueForecast(index: ReviewIndex, ctx: ReviewContext, days = 14): { date: string; count: number }[] {
  const today = dayNumber(ctx.nowMs)
  const counts = new Array<number>(days).fill(0)
  for (const t of index.questions.values()) {
    const d = effectiveDue(index, t, ctx)
    if (d === null) continue
    const i = Math.max(0, dayNumber(d) - today)
    if (i < days) counts[i]++
  }
  return counts.map((count, i) => ({ date: new Date((today + i) * DAY_MS).toISOString().slice(0, 10), count }))
}

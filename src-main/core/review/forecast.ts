import type { ReviewIndex } from './review-index'
import { recallAt, step, type Memory } from './memory'
import { topicsOf, type ReviewContext } from './schedule'
import { DAY_MS, dayKey, dayNumber } from './types'
import type { Forecast } from './results'
export type { Forecast, TopicReadiness } from './results'

export const DEFAULT_TARGET = 0.8
/** Reviews per day the plan may ask for at most. */
export const MAX_PER_DAY = 60
export const MAX_DAYS_AHEAD = 365
/** The recent pace is measured over this many days. */
export const PACE_DAYS = 14
/** What the simulation assumes you answer in a planned review: Good (self-grade 4). */
const PLANNED_RATING = 4

interface Item {
  id: string
  topics: string[]
  memory: Memory | null
}

/**
 * The readiness forecast. Each day until the interview, a simulated you answers `perDay` questions
 * of the interview's topics, always those with the lowest predicted recall that day (never-tried
 * first), each as Good; recall on the interview day is then read off FSRS's forgetting curve. "At
 * your pace" uses your recent number of grades per day; the plan is the smallest number per day that
 * lifts every topic to the target (or the most we would ask, MAX_PER_DAY, when none does).
 */
export function forecast(index: ReviewIndex, ctx: ReviewContext, target = DEFAULT_TARGET): Forecast | null {
  if (!ctx.interview) return null
  const today = dayNumber(ctx.nowMs)
  const day = dayNumber(ctx.interview.dayMs)
  const daysLeft = day - today
  const wanted = ctx.interview.topics
  const inScope = (topics: string[]): boolean => wanted.length === 0 || topics.some((t) => wanted.includes(t))

  const items = new Map<string, Item>()
  for (const q of ctx.catalogue) if (inScope(q.topics)) items.set(q.id, { id: q.id, topics: q.topics, memory: null })
  for (const t of index.questions.values()) {
    const topics = topicsOf(t)
    if (t.memory && inScope(topics)) items.set(t.id, { id: t.id, topics, memory: t.memory })
  }
  const list = [...items.values()]
  const topicNames = [...new Set(list.flatMap((i) => i.topics))].filter((t) => wanted.length === 0 || wanted.includes(t)).sort()

  let recent = 0
  for (const { grades: g } of index.questions.values())
    for (let i = g.length - 1; i >= 0 && dayNumber(g.atMs(i)) > today - PACE_DAYS; i--) if (!g.practice(i)) recent++
  const pace = Math.round((recent / PACE_DAYS) * 10) / 10

  const horizon = Math.max(0, Math.min(daysLeft, MAX_DAYS_AHEAD))
  const now = byTopic(list, topicNames, (i) => recallAt(i.memory, ctx.nowMs))
  const atPace = byTopic(list, topicNames, simulate(list, today, horizon, Math.round(pace), day).recall)
  const lowest = (r: Map<string, number>): number => Math.min(1, ...r.values())

  let perDay = MAX_PER_DAY
  let plan = simulate(list, today, horizon, perDay, day)
  let feasible = lowest(byTopic(list, topicNames, plan.recall)) >= target
  if (feasible) {
    let lo = 1
    let hi = MAX_PER_DAY
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (lowest(byTopic(list, topicNames, simulate(list, today, horizon, mid, day).recall)) >= target) hi = mid
      else lo = mid + 1
    }
    perDay = lo
    plan = simulate(list, today, horizon, perDay, day)
  }
  if (horizon === 0) feasible = false
  const withPlan = byTopic(list, topicNames, plan.recall)

  const topics = topicNames.map((topic) => ({
    topic,
    questions: list.filter((i) => i.topics.includes(topic)).length,
    practised: list.filter((i) => i.topics.includes(topic) && i.memory).length,
    recallNow: round(now.get(topic)!),
    recallAtPace: round(atPace.get(topic)!),
    recallWithPlan: round(withPlan.get(topic)!),
    readyAtPace: atPace.get(topic)! >= target
  }))
  const behind = topics.filter((t) => !t.readyAtPace)
  const pct = (x: number): string => `${Math.round(x * 100)} %`
  return {
    interviewDate: dayKey(day * DAY_MS),
    daysLeft,
    target,
    pace,
    topics,
    plan: {
      perDay: horizon === 0 ? 0 : perDay,
      feasible,
      today: plan.firstDay,
      summary:
        horizon === 0
          ? 'The interview day has come: no plan is left to make. Good luck!'
          : feasible
            ? `Answer ${perDay} ${perDay === 1 ? 'question' : 'questions'} a day (the drill “Interview plan” picks them) and every topic should be above ${pct(target)} recall on the day.`
            : `Even ${MAX_PER_DAY} questions a day would not lift every topic above ${pct(target)} by then; this plan gets as close as it can.`
    },
    summary:
      horizon === 0
        ? `Your interview is ${daysLeft === 0 ? 'today' : 'past'}.`
        : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} to the interview. At your pace (${pace} a day), ${topics.length - behind.length} of ${topics.length} topics would be above ${pct(target)} recall on the day${
            behind.length
              ? `; behind: ${behind
                  .slice(0, 5)
                  .map((t) => t.topic)
                  .join(', ')}${behind.length > 5 ? '…' : ''}`
              : ''
          }.`
  }
}

/** Plays the days until the interview; returns each item's recall on the day and the first day's picks. */
function simulate(
  list: Item[],
  today: number,
  days: number,
  perDay: number,
  interviewDay: number
): { recall: (i: Item) => number; firstDay: string[] } {
  const state = new Map<Item, Memory | null>(list.map((i) => [i, i.memory]))
  let firstDay: string[] = []
  for (let d = 0; d < days && perDay > 0; d++) {
    const at = (today + d) * DAY_MS + DAY_MS / 2
    const ranked = list.map((i) => [recallAt(state.get(i)!, at), i] as const).sort((a, b) => a[0] - b[0] || (a[1].id < b[1].id ? -1 : 1))
    const picks = ranked.slice(0, perDay).map(([, i]) => i)
    if (d === 0) firstDay = picks.map((i) => i.id)
    for (const i of picks) state.set(i, step(state.get(i)!, at, PLANNED_RATING))
  }
  const onDay = interviewDay * DAY_MS + DAY_MS / 2
  return { recall: (i) => recallAt(state.get(i)!, onDay), firstDay }
}

function byTopic(list: Item[], topics: string[], recall: (i: Item) => number): Map<string, number> {
  const sum = new Map<string, { s: number; n: number }>(topics.map((t) => [t, { s: 0, n: 0 }]))
  for (const i of list) {
    const r = recall(i)
    for (const t of i.topics) {
      const a = sum.get(t)
      if (a) {
        a.s += r
        a.n++
      }
    }
  }
  return new Map([...sum].map(([t, a]) => [t, a.n ? a.s / a.n : 0]))
}

const round = (x: number): number => Math.round(x * 1000) / 1000

import type { ReviewIndex } from './review-index'
import { groupRows } from './mastery'
import { dueForecast, type ReviewContext } from './schedule'
import { DAY_MS, dayKey, dayNumber } from './types'
import type { Statistics } from './results'
export type { Statistics } from './results'

export const HEATMAP_DAYS = 365
export const WEEKS = 12
export const RETENTION_DAYS = 30

const pct = (x: number): string => `${Math.round(x * 100)} %`

export function statistics(index: ReviewIndex, ctx: ReviewContext): Statistics {
  const today = dayNumber(ctx.nowMs)
  const days: Statistics['heatmap']['days'] = []
  for (let d = today - HEATMAP_DAYS + 1; d <= today; d++) {
    const b = index.days.get(dayKey(d * DAY_MS))
    if (b) days.push({ date: dayKey(d * DAY_MS), grades: b.grades, minutes: Math.round(b.usedMs / 60_000) })
  }
  const activeDays = days.length
  const totalGrades = days.reduce((s, d) => s + d.grades, 0)

  const streak = streaks(index, today)
  const weeks: Statistics['weeks'] = []
  for (let w = WEEKS - 1; w >= 0; w--) {
    const start = today - w * 7 - 6
    let minutes = 0
    let grades = 0
    let sum = 0
    for (let d = start; d < start + 7; d++) {
      const b = index.days.get(dayKey(d * DAY_MS))
      if (!b) continue
      minutes += b.usedMs / 60_000
      grades += b.grades
      sum += b.ratingSum
    }
    weeks.push({
      week: dayKey(start * DAY_MS),
      minutes: Math.round(minutes),
      grades,
      averageGrade: grades ? Math.round((sum / grades) * 100) / 100 : null
    })
  }
  const busiest = weeks.reduce((m, w) => (w.minutes > m.minutes ? w : m), weeks[0])
  const graded = weeks.filter((w) => w.averageGrade !== null)

  let reviews = 0
  let recalled = 0
  for (let d = today - RETENTION_DAYS + 1; d <= today; d++) {
    const b = index.days.get(dayKey(d * DAY_MS))
    if (b) {
      reviews += b.reviews
      recalled += b.recalled
    }
  }
  const share = reviews ? Math.round((recalled / reviews) * 1000) / 1000 : null

  const due = dueForecast(index, ctx, 14)
  const dueTotal = due.reduce((s, d) => s + d.count, 0)
  const topics = groupRows(index, ctx, 'topic').map((r) => ({ topic: r.key, mastery: r.mastery }))
  const practised = topics.filter((t) => t.mastery !== null)

  return {
    heatmap: {
      from: dayKey((today - HEATMAP_DAYS + 1) * DAY_MS),
      to: dayKey(today * DAY_MS),
      days,
      summary: `In the last ${HEATMAP_DAYS} days you practised on ${activeDays} days and graded ${totalGrades} answers.`
    },
    streak: {
      ...streak,
      summary: `Current streak: ${streak.current} ${plural(streak.current, 'day')} in a row; longest: ${streak.longest}.`
    },
    weeks,
    weeksSummary: busiest.minutes
      ? `Over the last ${WEEKS} weeks you spent ${weeks.reduce((s, w) => s + w.minutes, 0)} minutes answering; the busiest week began ${busiest.week} (${busiest.minutes} minutes).`
      : `No answering time in the last ${WEEKS} weeks.`,
    gradeTrendSummary: graded.length
      ? `Average grade per week went from ${graded[0].averageGrade} (week of ${graded[0].week}) to ${graded[graded.length - 1].averageGrade} (week of ${graded[graded.length - 1].week}), on a scale of 1 to 5.`
      : `No grades in the last ${WEEKS} weeks.`,
    due: {
      days: due,
      summary: `${due[0].count} ${plural(due[0].count, 'question')} due today (overdue included), ${dueTotal} in the next 14 days.`
    },
    retention: {
      share,
      reviews,
      days: RETENTION_DAYS,
      summary:
        share === null
          ? `No reviews of questions met before in the last ${RETENTION_DAYS} days yet.`
          : `True retention: of ${reviews} reviews of questions you had met before, in the last ${RETENTION_DAYS} days, you recalled ${pct(share)} (graded 3 or better).`
    },
    topics,
    topicsSummary: practised.length
      ? `Weakest topic: ${practised[0].topic} (${pct(practised[0].mastery!)}); strongest: ${practised[practised.length - 1].topic} (${pct(practised[practised.length - 1].mastery!)}); ${topics.length - practised.length} not practised yet.`
      : 'No topic practised yet.'
  }
}

/** Days in a row with at least one grade: ending today (or yesterday, if today has none yet), and the longest. */
export function streaks(index: ReviewIndex, today: number): { current: number; longest: number } {
  const active = [...index.days.keys()].map((k) => dayNumber(Date.parse(k))).sort((a, b) => a - b)
  let longest = 0
  let run = 0
  for (let i = 0; i < active.length; i++) {
    run = i > 0 && active[i] === active[i - 1] + 1 ? run + 1 : 1
    longest = Math.max(longest, run)
  }
  const has = new Set(active)
  let d = has.has(today) ? today : today - 1
  let current = 0
  while (has.has(d)) {
    current++
    d--
  }
  return { current, longest }
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`)

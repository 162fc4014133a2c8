import type { Difficulty } from '../bank/types'
import type { QuestionTrack, ReviewIndex } from './review-index'
import { isLeech } from './leeches'
import { recallAt } from './memory'
import { effectiveDue, endOfDay, type ReviewContext } from './schedule'
import { DAY_MS, type CatalogueQuestion } from './types'
import type { Figures, GroupKind, GroupRow, QuestionRow } from './results'
export type { Figures, GroupKind, GroupRow, QuestionRow } from './results'

export const TREND_WEEKS = 6

interface Acc {
  recall: number
  practised: number
  attempts: number
  ratingSum: number
  kpHit: number
  kpTotal: number
  overtime: number
  timed: number
  last: number
  due: number
  leeches: number
  weeks: { n: number; sum: number }[]
}

const emptyAcc = (): Acc => ({
  recall: 0,
  practised: 0,
  attempts: 0,
  ratingSum: 0,
  kpHit: 0,
  kpTotal: 0,
  overtime: 0,
  timed: 0,
  last: -Infinity,
  due: 0,
  leeches: 0,
  weeks: Array.from({ length: TREND_WEEKS }, () => ({ n: 0, sum: 0 }))
})

function accumulate(a: Acc, t: QuestionTrack, index: ReviewIndex, ctx: ReviewContext): void {
  if (t.memory) {
    a.recall += recallAt(t.memory, ctx.nowMs + DAY_MS)
    a.practised++
    const d = effectiveDue(index, t, ctx)
    if (d !== null && d <= endOfDay(ctx.nowMs)) a.due++
    if (isLeech(t)) a.leeches++
  }
  a.attempts += t.attempts
  a.ratingSum += t.ratingSum
  a.kpHit += t.keyPointsHit
  a.kpTotal += t.keyPointsTotal
  a.overtime += t.overtime
  a.timed += t.timed
  const g = t.grades
  if (g.length && g.atMs(g.length - 1) > a.last) a.last = g.atMs(g.length - 1)
  const from = ctx.nowMs - TREND_WEEKS * 7 * DAY_MS
  for (let i = g.length - 1; i >= 0 && g.atMs(i) > from; i--) {
    const w = Math.min(TREND_WEEKS - 1, Math.floor((g.atMs(i) - from) / (7 * DAY_MS)))
    a.weeks[w].n++
    a.weeks[w].sum += g.rating(i)
  }
}

const round = (x: number, places = 3): number => Math.round(x * 10 ** places) / 10 ** places

function figures(a: Acc, noun: string): Figures {
  const mastery = a.practised ? round(a.recall / a.practised) : null
  const trend = a.weeks.map((w) => (w.n ? round(w.sum / w.n, 2) : null))
  const known = trend.filter((x): x is number => x !== null)
  let trendWord: Figures['trendWord'] = 'not enough data'
  if (known.length >= 2) {
    const half = Math.floor(known.length / 2)
    const early = known.slice(0, half).reduce((s, x) => s + x, 0) / half
    const late = known.slice(half).reduce((s, x) => s + x, 0) / (known.length - half)
    trendWord = late - early > 0.25 ? 'improving' : early - late > 0.25 ? 'slipping' : 'steady'
  }
  return {
    mastery,
    meaning: meaning(mastery, a.practised, noun),
    attempts: a.attempts,
    averageGrade: a.attempts ? round(a.ratingSum / a.attempts, 2) : null,
    keyPointShare: a.kpTotal ? round(a.kpHit / a.kpTotal) : null,
    overtimeRate: a.timed ? round(a.overtime / a.timed) : null,
    lastPractised: Number.isFinite(a.last) ? new Date(a.last).toISOString() : null,
    trend,
    trendWord,
    due: a.due,
    leeches: a.leeches
  }
}

/** The mastery figure in words: what it predicts about being asked today. */
export function meaning(mastery: number | null, practised: number, noun: string): string {
  if (mastery === null) return `Not practised yet: no ${noun} here has been graded outside practice rounds.`
  const tenths = Math.round(mastery * 10)
  if (practised === 1)
    return `If asked this ${noun} tomorrow, you would answer it well with a chance of about ${Math.round(mastery * 100)} %.`
  return `If asked tomorrow, you would likely answer about ${tenths} in 10 of the ${practised} ${noun}s you have practised here well.`
}

function groupKeys(kind: GroupKind, topics: string[], bankId: string, difficulty: Difficulty): string[] {
  return kind === 'topic' ? topics : kind === 'bank' ? [bankId] : [difficulty]
}

/** One row per topic, bank or difficulty, weakest first; groups never practised come last. */
export function groupRows(index: ReviewIndex, ctx: ReviewContext, kind: GroupKind): GroupRow[] {
  const acc = new Map<string, Acc & { questions: number; tried: number }>()
  const get = (k: string): Acc & { questions: number; tried: number } => {
    let a = acc.get(k)
    if (!a) acc.set(k, (a = { ...emptyAcc(), questions: 0, tried: 0 }))
    return a
  }
  for (const q of ctx.catalogue) {
    for (const k of groupKeys(kind, q.topics, q.bankId, q.difficulty)) {
      const a = get(k)
      a.questions++
      if (index.questions.has(q.id)) a.tried++
    }
  }
  for (const t of index.questions.values()) {
    const last = t.grades.last()!
    for (const k of groupKeys(kind, last.topics, last.bankId, last.difficulty)) accumulate(get(k), t, index, ctx)
  }
  const rows = [...acc].map(([key, a]) => ({
    kind,
    key,
    questions: a.questions,
    practised: a.practised,
    neverTried: a.questions - a.tried,
    ...figures(a, 'question')
  }))
  return rows.sort(weakestFirst)
}

/** Lowest mastery first, then lowest average grade; never practised last. */
export function weakestFirst(a: { mastery: number | null; averageGrade: number | null; key?: string; id?: string }, b: typeof a): number {
  if (a.mastery === null || b.mastery === null) {
    if (a.mastery !== b.mastery) return a.mastery === null ? 1 : -1
  } else if (a.mastery !== b.mastery) return a.mastery - b.mastery
  if ((a.averageGrade ?? 6) !== (b.averageGrade ?? 6)) return (a.averageGrade ?? 6) - (b.averageGrade ?? 6)
  return (a.key ?? a.id ?? '').localeCompare(b.key ?? b.id ?? '')
}

/** The questions of one group with their figures: practised ones weakest first, then never tried. */
export function questionRows(index: ReviewIndex, ctx: ReviewContext, kind: GroupKind, key: string): QuestionRow[] {
  const ids = new Set<string>()
  for (const q of ctx.catalogue) if (groupKeys(kind, q.topics, q.bankId, q.difficulty).includes(key)) ids.add(q.id)
  for (const t of index.questions.values()) {
    const last = t.grades.last()!
    if (groupKeys(kind, last.topics, last.bankId, last.difficulty).includes(key)) ids.add(t.id)
  }
  return [...ids].map((id) => questionRow(index, ctx, id)).sort(weakestFirst)
}

export function questionRow(index: ReviewIndex, ctx: ReviewContext, id: string): QuestionRow {
  const t = index.questions.get(id)
  const q = catalogueById(ctx.catalogue).get(id)
  const a = emptyAcc()
  if (t) accumulate(a, t, index, ctx)
  const last = t?.grades.last()
  const due = t ? effectiveDue(index, t, ctx) : null
  return {
    id,
    text: q?.text ?? `(question ${id}, no longer in the banks)`,
    bankId: last?.bankId ?? q?.bankId ?? '',
    topics: last?.topics ?? q?.topics ?? [],
    difficulty: last?.difficulty ?? q?.difficulty ?? 'medium',
    ...figures(a, 'question'),
    meaning: t?.memory ? meaningOne(recallAt(t.memory, ctx.nowMs + DAY_MS)) : 'Never graded outside practice: no prediction yet.',
    dueAt: due === null ? null : new Date(due).toISOString(),
    stabilityDays: t?.memory ? round(t.memory.stability, 1) : null,
    leech: t ? isLeech(t) : false
  }
}

const byIdCache = new WeakMap<CatalogueQuestion[], Map<string, CatalogueQuestion>>()
function catalogueById(catalogue: CatalogueQuestion[]): Map<string, CatalogueQuestion> {
  let m = byIdCache.get(catalogue)
  if (!m) byIdCache.set(catalogue, (m = new Map(catalogue.map((q) => [q.id, q]))))
  return m
}

function meaningOne(r: number): string {
  return `If asked this question tomorrow, you would answer it well with a chance of about ${Math.round(r * 100)} %.`
}

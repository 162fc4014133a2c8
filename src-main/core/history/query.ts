import type { ContentLookup, HistoryPage, HistoryQuery, QuestionAttemptRecord, SessionSummary } from './types'

/** Filters, sorts and pages session summaries; the text search also looks at grades (drafts, notes, question texts). */
export function queryHistory(
  all: SessionSummary[],
  query: HistoryQuery,
  grades: Map<string, QuestionAttemptRecord> | null,
  lookup: ContentLookup
): HistoryPage {
  const text = query.text.trim().toLowerCase()
  let matchingSessions: Set<string> | null = null
  if (text && grades) {
    matchingSessions = new Set()
    const textHit = new Map<string, boolean>()
    for (const g of grades.values()) {
      if (matchingSessions.has(g.sessionId)) continue
      let hit = g.draft.toLowerCase().includes(text) || g.note.toLowerCase().includes(text)
      if (!hit) {
        let q = textHit.get(g.questionId)
        if (q === undefined) {
          q = (lookup.questionText(g.questionId) ?? '').toLowerCase().includes(text)
          textHit.set(g.questionId, q)
        }
        hit = q
      }
      if (hit) matchingSessions.add(g.sessionId)
    }
  }
  const from = query.from ? Date.parse(query.from) : null
  const to = query.to ? Date.parse(query.to) + (query.to.length <= 10 ? 86_400_000 - 1 : 0) : null
  const items = all.filter((s) => {
    if (matchingSessions && !matchingSessions.has(s.id)) return false
    if (query.statuses.length && !query.statuses.includes(s.status)) return false
    if (query.topics.length && !s.topics.some((t) => query.topics.includes(t))) return false
    // ---- bank and difficulty filters (#11) ----
    if (query.bankIds?.length && !s.bankIds.some((b) => query.bankIds!.includes(b))) return false
    if (query.difficulties?.length && !(s.difficulties ?? []).some((d) => query.difficulties!.includes(d))) return false
    const started = Date.parse(s.startedAt)
    if (from !== null && started < from) return false
    if (to !== null && started > to) return false
    if (query.minRating !== null && (s.averageRating ?? 0) < query.minRating) return false
    if (query.maxRating !== null && (s.averageRating ?? 0) > query.maxRating) return false
    return true
  })
  const { key, dir } = query.sort
  const sign = dir === 'asc' ? 1 : -1
  items.sort((a, b) => {
    const x = a[key] ?? -1
    const y = b[key] ?? -1
    const c = x < y ? -1 : x > y ? 1 : 0
    return c === 0 ? b.startedAt.localeCompare(a.startedAt) : c * sign
  })
  const page = items.slice(query.offset, query.offset + query.limit)
  return {
    total: items.length,
    all: all.length,
    items: page.map((s) => ({ ...s, bankTitles: s.bankIds.map((id) => lookup.bankTitle(id) ?? id) }))
  }
}

/** A query for the newest sessions, with no filter; pass what differs. */
export function historyQuery(overrides: Partial<HistoryQuery> = {}): HistoryQuery {
  return {
    offset: 0,
    limit: 25,
    sort: { key: 'startedAt', dir: 'desc' },
    topics: [],
    statuses: [],
    from: null,
    to: null,
    minRating: null,
    maxRating: null,
    text: '',
    ...overrides
  }
}

// ---- issue-10: per-question attempts and last grade, for the Questions screen ----
export interface GradeStat {
  attempts: number
  lastRating: number | null
  lastAt: string | null
}

/** Attempts and the latest grade of each question, over the sessions history still lists. */
export function gradeStats(grades: Map<string, QuestionAttemptRecord>, live: Map<string, SessionSummary>): Map<string, GradeStat> {
  const out = new Map<string, GradeStat>()
  for (const g of grades.values()) {
    if (!live.has(g.sessionId)) continue
    const s = out.get(g.questionId) ?? { attempts: 0, lastRating: null, lastAt: null }
    s.attempts++
    if (!s.lastAt || g.at > s.lastAt) Object.assign(s, { lastRating: g.rating, lastAt: g.at })
    out.set(g.questionId, s)
  }
  return out
}

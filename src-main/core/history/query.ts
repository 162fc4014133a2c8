import type { GradeTable } from './grade-table'
import { matches, type SearchHits } from './search'
import type { Entry, SummaryList } from './summary-list'
import type { ContentLookup, HistoryPage, HistoryQuery, SessionSummary } from './types'

/** The filters of a query (all but the text), as one test per session. */
function filterOf(query: HistoryQuery): (e: Entry) => boolean {
  const from = query.from ? Date.parse(query.from) : null
  const to = query.to ? Date.parse(query.to) + (query.to.length <= 10 ? 86_400_000 - 1 : 0) : null
  const { statuses, topics, minRating, maxRating } = query
  const bankIds = query.bankIds ?? []
  const difficulties = query.difficulties ?? []
  return ({ s, ms }) =>
    (!statuses.length || statuses.includes(s.status)) &&
    (!topics.length || s.topics.some((t) => topics.includes(t))) &&
    (!bankIds.length || s.bankIds.some((b) => bankIds.includes(b))) &&
    (!difficulties.length || (s.difficulties ?? []).some((d) => difficulties.includes(d))) &&
    (from === null || ms >= from) &&
    (to === null || ms <= to) &&
    (minRating === null || (s.averageRating ?? 0) >= minRating) &&
    (maxRating === null || (s.averageRating ?? 0) <= maxRating)
}

/**
 * One page of history: walks the summaries in the order asked (kept sorted, see SummaryList),
 * counting what passes the filters and the search and keeping only the page. "Best match" ranks
 * what the search found by score, newest first among equals, keeping only the best `offset + limit`.
 */
export function queryHistory(
  list: SummaryList,
  query: HistoryQuery,
  hits: SearchHits | null,
  table: GradeTable | null,
  lookup: ContentLookup
): HistoryPage {
  const passes = filterOf(query)
  const ord = (id: string): number => table?.sessions.find(id) ?? -1
  const found = hits ? (e: Entry): boolean => matches(hits, ord(e.s.id)) : null
  const keep = (e: Entry): boolean => (!found || found(e)) && passes(e)
  const page: SessionSummary[] = []
  let total = 0
  if (query.sort.key === 'relevance' && hits) {
    const best = new TopK(query.offset + query.limit)
    for (const e of list.inOrder('startedAt', 'desc').entries) {
      if (!keep(e)) continue
      total++
      best.offer(hits.scores[ord(e.s.id)], e)
    }
    page.push(
      ...best
        .sorted()
        .slice(query.offset)
        .map((e) => e.s)
    )
  } else {
    const key = query.sort.key === 'relevance' ? 'startedAt' : query.sort.key
    const dir = query.sort.key === 'relevance' ? 'desc' : query.sort.dir
    const { entries, reversed } = list.inOrder(key, dir)
    const n = entries.length
    const end = query.offset + query.limit
    for (let j = 0; j < n; j++) {
      const e = entries[reversed ? n - 1 - j : j]
      if (!keep(e)) continue
      if (total >= query.offset && total < end) page.push(e.s)
      total++
    }
  }
  return {
    total,
    all: list.size,
    items: page.map((s) => ({ ...s, bankTitles: s.bankIds.map((id) => lookup.bankTitle(id) ?? id) }))
  }
}

/** The k best by score, ties to the earlier offered (newer, as offered newest first). */
class TopK {
  private readonly items: { score: number; n: number; e: Entry }[] = []
  private count = 0
  constructor(private readonly k: number) {}

  offer(score: number, e: Entry): void {
    const n = this.count++
    const items = this.items
    if (items.length === this.k && !(score > items[items.length - 1].score)) return
    let at = items.length
    while (at > 0 && (items[at - 1].score < score || (items[at - 1].score === score && items[at - 1].n > n))) at--
    items.splice(at, 0, { score, n, e })
    if (items.length > this.k) items.pop()
  }

  sorted(): Entry[] {
    return this.items.map((i) => i.e)
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
export function gradeStats(table: GradeTable): Map<string, GradeStat> {
  const out = new Map<string, GradeStat>()
  const latest = new Map<number, number>()
  const c = table.cols
  for (let row = 0; row < table.rows; row++) {
    if (!table.counts(row)) continue
    const q = c.question[row]
    const id = table.questions.get(q)
    const s = out.get(id) ?? { attempts: 0, lastRating: null, lastAt: null }
    s.attempts++
    const last = latest.get(q)
    if (last === undefined || c.at[row] > c.at[last]) latest.set(q, row)
    out.set(id, s)
  }
  for (const [q, row] of latest)
    Object.assign(out.get(table.questions.get(q))!, { lastRating: c.rating[row], lastAt: table.record(row).at })
  return out
}

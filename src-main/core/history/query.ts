import { DIFFICULTIES } from '../bank/types'
import type { Pacer } from '../fs/pacer'
import { ROUND_STATUSES } from '../session/limits'
import type { GradeTable } from './grade-table'
import { matches, type QuestionTexts, type SearchHits } from './search'
import type { SummaryList } from './summary-list'
import type { ContentLookup, HistoryPage, HistoryQuery } from './types'

/** The filters of a query (all but the text), as one test per slot over the columns. */
function filterOf(list: SummaryList, query: HistoryQuery): (slot: number) => boolean {
  const from = query.from ? Date.parse(query.from) : -Infinity
  const to = query.to ? Date.parse(query.to) + (query.to.length <= 10 ? 86_400_000 - 1 : 0) : Infinity
  const statusMask = query.statuses.reduce((m, st) => m | (1 << ROUND_STATUSES.indexOf(st)), 0)
  const difficultyMask = (query.difficulties ?? []).reduce((m, d) => m | (1 << DIFFICULTIES.indexOf(d)), 0)
  const topics = query.topics.length ? list.topics.hasAny(query.topics) : null
  const banks = query.bankIds?.length ? list.banks.hasAny(query.bankIds) : null
  const min = query.minRating === null ? -Infinity : Math.round(query.minRating * 100)
  const max = query.maxRating === null ? Infinity : Math.round(query.maxRating * 100)
  const c = list.c
  return (slot) => {
    const rating = Math.max(0, c.rating[slot])
    return (
      (!statusMask || (statusMask & (1 << c.status[slot])) !== 0) &&
      c.started[slot] >= from &&
      c.started[slot] <= to &&
      rating >= min &&
      rating <= max &&
      (!difficultyMask || (c.difficulties[slot] & difficultyMask) !== 0) &&
      (!topics || topics(slot)) &&
      (!banks || banks(slot))
    )
  }
}

/** Each slot's number in the grade table (the search's documents), kept until either changes. */
const ordCache = new WeakMap<SummaryList, { version: number; sessions: number; table: GradeTable; ords: Int32Array }>()
function tableOrds(list: SummaryList, table: GradeTable): Int32Array {
  const hit = ordCache.get(list)
  if (hit && hit.version === list.version && hit.sessions === table.sessions.size && hit.table === table) return hit.ords
  const ords = new Int32Array(list.ids.length)
  for (let slot = 0; slot < ords.length; slot++) ords[slot] = table.sessions.find(list.ids[slot]) ?? -1
  ordCache.set(list, { version: list.version, sessions: table.sessions.size, table, ords })
  return ords
}

/** Builds what the first search needs (question texts indexed, slots matched to grades) ahead of it, in slices. */
export async function prepareSearch(
  list: SummaryList,
  table: GradeTable,
  questions: QuestionTexts,
  lookup: ContentLookup,
  pace: Pacer
): Promise<void> {
  await questions.prepare(table, lookup)
  const version = list.version
  const sessions = table.sessions.size
  const ords = new Int32Array(list.ids.length)
  for (let slot = 0; slot < ords.length; slot++) {
    ords[slot] = table.sessions.find(list.ids[slot]) ?? -1
    if ((slot & 0x3ff) === 0 && pace.due()) await pace.rest()
  }
  // What changed meanwhile is found on the next search (the cache is keyed on both).
  ordCache.set(list, { version, sessions, table, ords })
}

/**
 * One page of history: walks the slots in the order asked (kept sorted, see SummaryList), counting
 * what passes the filters and the search and making objects only for the page. "Best match" ranks
 * what the search found by score, newest first among equals, keeping only the best `offset + limit`.
 */
export function queryHistory(
  list: SummaryList,
  query: HistoryQuery,
  hits: SearchHits | null,
  table: GradeTable | null,
  lookup: ContentLookup
): HistoryPage {
  const passes = filterOf(list, query)
  const ords = hits && table ? tableOrds(list, table) : null
  const keep = (slot: number): boolean => (!hits || matches(hits, ords![slot])) && passes(slot)
  const page: number[] = []
  let total = 0
  if (query.sort.key === 'relevance' && hits) {
    const best = new TopK(query.offset + query.limit)
    const slots = list.slots()
    for (let j = slots.length - 1; j >= 0; j--) {
      const slot = slots[j]
      if (!keep(slot)) continue
      total++
      best.offer(hits.scores[ords![slot]], slot)
    }
    page.push(...best.sorted().slice(query.offset))
  } else {
    const key = query.sort.key === 'relevance' ? 'startedAt' : query.sort.key
    const { slots, reversed } = list.inOrder(key, query.sort.key === 'relevance' ? 'desc' : query.sort.dir)
    const n = slots.length
    const end = query.offset + query.limit
    for (let j = 0; j < n; j++) {
      const slot = slots[reversed ? n - 1 - j : j]
      if (!keep(slot)) continue
      if (total >= query.offset && total < end) page.push(slot)
      total++
    }
  }
  return {
    total,
    all: list.size,
    items: page.map((slot) => {
      const s = list.at(slot)
      return { ...s, bankTitles: s.bankIds.map((id) => lookup.bankTitle(id) ?? id) }
    })
  }
}

/** The k best by score, ties to the earlier offered (newer, as offered newest first). */
class TopK {
  private readonly items: { score: number; n: number; slot: number }[] = []
  private count = 0
  constructor(private readonly k: number) {}

  offer(score: number, slot: number): void {
    const n = this.count++
    const items = this.items
    if (items.length === this.k && !(score > items[items.length - 1].score)) return
    let at = items.length
    while (at > 0 && (items[at - 1].score < score || (items[at - 1].score === score && items[at - 1].n > n))) at--
    items.splice(at, 0, { score, n, slot })
    if (items.length > this.k) items.pop()
  }

  sorted(): number[] {
    return this.items.map((i) => i.slot)
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
export async function gradeStats(table: GradeTable, pace: Pacer): Promise<Map<string, GradeStat>> {
  const out = new Map<string, GradeStat>()
  const latest = new Map<number, number>()
  const c = table.cols
  for (let row = 0; row < table.rows; row++) {
    if ((row & 0x3ff) === 0 && pace.due()) await pace.rest()
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

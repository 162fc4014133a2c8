import { ROUND_STATUSES } from '../session/limits'
import type { HistorySortKey, SessionSummary } from './types'

export interface Entry {
  s: SessionSummary
  /** startedAt, parsed once. */
  ms: number
}

const byDate = (a: Entry, b: Entry): number => a.ms - b.ms || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0)

/** A sort key as a number ≥ 0 (null ratings first, as "no rating" is the lowest). */
const STATUS_ORDER: readonly string[] = [...ROUND_STATUSES].sort()
type NumericKey = Exclude<HistorySortKey, 'startedAt' | 'relevance'>
function keyOf(key: NumericKey, s: SessionSummary): number {
  switch (key) {
    case 'averageRating':
      return s.averageRating === null ? 0 : Math.round(s.averageRating * 100) + 1
    case 'status':
      return STATUS_ORDER.indexOf(s.status) + 1
    default:
      return Math.max(0, Math.round(s[key]))
  }
}

/**
 * The session summaries, kept in date order as they change, so the newest page needs no copy and
 * no sort. Other orders are sorted once (numbers, not a comparator) and kept until history changes.
 */
export class SummaryList {
  private readonly byId = new Map<string, Entry>()
  /** Oldest first. */
  private readonly ordered: Entry[] = []
  private readonly sortedBy = new Map<string, Entry[]>()

  get size(): number {
    return this.byId.size
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  get(id: string): SessionSummary | undefined {
    return this.byId.get(id)?.s
  }

  keys(): IterableIterator<string> {
    return this.byId.keys()
  }

  *values(): IterableIterator<SessionSummary> {
    for (const e of this.ordered) yield e.s
  }

  set(s: SessionSummary): void {
    const old = this.byId.get(s.id)
    const e: Entry = { s, ms: Date.parse(s.startedAt) }
    if (Number.isNaN(e.ms)) e.ms = 0
    this.sortedBy.clear()
    if (old && old.ms === e.ms) {
      this.ordered[this.position(old)] = e
    } else {
      if (old) this.ordered.splice(this.position(old), 1)
      const n = this.ordered.length
      const at = n === 0 || byDate(this.ordered[n - 1], e) < 0 ? n : this.insertionPoint(e)
      this.ordered.splice(at, 0, e)
    }
    this.byId.set(s.id, e)
  }

  delete(id: string): boolean {
    const old = this.byId.get(id)
    if (!old) return false
    this.sortedBy.clear()
    this.ordered.splice(this.position(old), 1)
    this.byId.delete(id)
    return true
  }

  /** The entries in a sort order; ties go newest first. */
  inOrder(key: Exclude<HistorySortKey, 'relevance'>, dir: 'asc' | 'desc'): { entries: readonly Entry[]; reversed: boolean } {
    if (key === 'startedAt') return { entries: this.ordered, reversed: dir === 'desc' }
    const name = `${key}:${dir}`
    let sorted = this.sortedBy.get(name)
    if (!sorted) this.sortedBy.set(name, (sorted = this.sort(key, dir)))
    return { entries: sorted, reversed: false }
  }

  /** Sorts by packing (key, date rank) into one number per entry: a native numeric sort, no comparator. */
  private sort(key: NumericKey, dir: 'asc' | 'desc'): Entry[] {
    const n = this.ordered.length
    const packed = new Float64Array(n)
    let fits = true
    for (let i = 0; i < n; i++) {
      const k = keyOf(key, this.ordered[i].s)
      // Ties newest first: ascending wants the newer entry smaller, descending wants it larger.
      packed[i] = k * n + (dir === 'asc' ? n - 1 - i : i)
      if (packed[i] > Number.MAX_SAFE_INTEGER) fits = false
    }
    if (!fits) {
      const sign = dir === 'asc' ? 1 : -1
      return [...this.ordered].sort((a, b) => (keyOf(key, a.s) - keyOf(key, b.s)) * sign || b.ms - a.ms)
    }
    packed.sort()
    if (dir === 'desc') packed.reverse()
    const out = new Array<Entry>(n)
    for (let i = 0; i < n; i++) {
      const r = packed[i] % n
      out[i] = this.ordered[dir === 'asc' ? n - 1 - r : r]
    }
    return out
  }

  private position(e: Entry): number {
    const at = this.insertionPoint(e)
    if (this.ordered[at] === e) return at
    return this.ordered.indexOf(e)
  }

  private insertionPoint(e: Entry): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (byDate(this.ordered[mid], e) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

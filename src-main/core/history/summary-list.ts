import { DIFFICULTIES } from '../bank/types'
import { ROUND_STATUSES } from '../session/limits'
import type { Pacer } from '../fs/pacer'
import { ListColumn } from './list-column'
import type { HistorySortKey, SessionSummary } from './types'

type NumericKey = Exclude<HistorySortKey, 'startedAt' | 'relevance'>
/** Status sorts by its name, as it reads. */
const STATUS_BY_NAME: readonly string[] = [...ROUND_STATUSES].sort()
export const SUMMARY_COLUMNS = {
  started: Float64Array,
  ended: Float64Array,
  status: Uint8Array,
  questions: Uint32Array,
  graded: Uint32Array,
  /** Mean rating in hundredths; -1 when nothing was graded. */
  rating: Int16Array,
  duration: Float64Array,
  /** A bit per difficulty; 0x80 when the summary predates difficulties. */
  difficulties: Uint8Array
} as const
export type SummaryColumns = { [K in keyof typeof SUMMARY_COLUMNS]: InstanceType<(typeof SUMMARY_COLUMNS)[K]> }
type Columns = SummaryColumns
const allocate = (n: number): Columns =>
  Object.fromEntries(Object.entries(SUMMARY_COLUMNS).map(([k, C]) => [k, new C(n)])) as unknown as Columns

/**
 * The session summaries as columns (a number or a shared list per field: ~60 bytes a session where
 * parsed objects took over a kilobyte), each session in a slot, with the slots kept in date order as
 * they change, so the newest page needs no copy and no sort. Other orders are sorted once (numbers,
 * not a comparator) and kept until history changes. Objects are made only for the page shown.
 */
export class SummaryList {
  private slotOf = new Map<string, number>()
  ids: string[] = []
  c: Columns = allocate(1024)
  /** Each session's banks and topics, as numbers. */
  readonly banks = new ListColumn()
  readonly topics = new ListColumn()
  /** Live slots, oldest first. */
  private order: Int32Array<ArrayBuffer> = new Int32Array(1024)
  private count = 0
  private readonly sortedBy = new Map<string, Int32Array>()
  /** Increments on every change (caches key on it). */
  version = 0

  get size(): number {
    return this.count
  }

  has(id: string): boolean {
    return this.slotOf.has(id)
  }

  get(id: string): SessionSummary | undefined {
    const slot = this.slotOf.get(id)
    return slot === undefined ? undefined : this.at(slot)
  }

  keys(): IterableIterator<string> {
    return this.slotOf.keys()
  }

  *values(): IterableIterator<SessionSummary> {
    for (let i = 0; i < this.count; i++) yield this.at(this.order[i])
  }

  /** The summary in a slot, as an object. */
  at(slot: number): SessionSummary {
    const c = this.c
    const difficulties = c.difficulties[slot] & 0x80 ? undefined : DIFFICULTIES.filter((_, i) => c.difficulties[slot] & (1 << i))
    return {
      id: this.ids[slot],
      startedAt: iso(c.started[slot]),
      endedAt: Number.isNaN(c.ended[slot]) ? null : iso(c.ended[slot]),
      status: ROUND_STATUSES[c.status[slot]],
      bankIds: this.banks.get(slot),
      topics: this.topics.get(slot),
      ...(difficulties ? { difficulties } : {}),
      questionCount: c.questions[slot],
      gradedCount: c.graded[slot],
      averageRating: c.rating[slot] < 0 ? null : c.rating[slot] / 100,
      durationMs: c.duration[slot]
    }
  }

  /** Restores what a snapshot saved: slot ids, columns, and the live slots in date order. */
  /** Takes the columns of a snapshot; the id lookup is built in slices (100k ids hold the loop ~20 ms). */
  async restore(ids: string[], columns: Columns, order: Int32Array<ArrayBuffer>, pace: Pacer): Promise<void> {
    this.ids = ids
    this.c = columns
    this.order = order.length ? order : new Int32Array(1024)
    this.count = order.length
    this.slotOf = new Map()
    for (let i = 0; i < order.length; i++) {
      this.slotOf.set(ids[order[i]], order[i])
      if ((i & 0x3ff) === 0 && pace.due()) await pace.rest()
    }
    this.changed()
  }

  /** Live slots in date order (oldest first); valid until the next change. */
  slots(): Int32Array<ArrayBuffer> {
    return this.order.subarray(0, this.count)
  }

  set(s: SessionSummary): void {
    let slot = this.slotOf.get(s.id)
    const started = Date.parse(s.startedAt) || 0
    const isNew = slot === undefined
    if (slot === undefined) {
      slot = this.ids.length
      this.ids.push(s.id)
      this.slotOf.set(s.id, slot)
      if (slot >= this.c.started.length) this.grow(Math.max(1024, slot * 2))
    } else if (this.c.started[slot] !== started) this.unlink(slot)
    const moved = isNew || this.c.started[slot] !== started
    const c = this.c
    c.started[slot] = started
    c.ended[slot] = s.endedAt === null ? NaN : Date.parse(s.endedAt)
    c.status[slot] = Math.max(0, ROUND_STATUSES.indexOf(s.status))
    c.questions[slot] = s.questionCount
    c.graded[slot] = s.gradedCount
    c.rating[slot] = s.averageRating === null ? -1 : Math.round(s.averageRating * 100)
    c.duration[slot] = s.durationMs
    this.banks.set(slot, s.bankIds)
    this.topics.set(slot, s.topics)
    c.difficulties[slot] = s.difficulties ? s.difficulties.reduce((m, d) => m | (1 << DIFFICULTIES.indexOf(d)), 0) : 0x80
    if (moved) this.link(slot)
    this.changed()
  }

  delete(id: string): boolean {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return false
    this.unlink(slot)
    this.slotOf.delete(id)
    this.changed()
    return true
  }

  /** Slots in a sort order; ties go newest first. `reversed`: read from the end. */
  inOrder(key: Exclude<HistorySortKey, 'relevance'>, dir: 'asc' | 'desc'): { slots: Int32Array; reversed: boolean } {
    if (key === 'startedAt') return { slots: this.slots(), reversed: dir === 'desc' }
    const name = `${key}:${dir}`
    let sorted = this.sortedBy.get(name)
    if (!sorted) this.sortedBy.set(name, (sorted = this.sort(key, dir)))
    return { slots: sorted, reversed: false }
  }

  private keyOf(key: NumericKey, slot: number): number {
    const c = this.c
    if (key === 'averageRating') return c.rating[slot] + 1
    if (key === 'status') return STATUS_BY_NAME.indexOf(ROUND_STATUSES[c.status[slot]]) + 1
    return Math.max(0, Math.round(key === 'durationMs' ? c.duration[slot] : c.questions[slot]))
  }

  /** Packs (key, date rank) into one number per slot: a native numeric sort, no comparator. */
  private sort(key: NumericKey, dir: 'asc' | 'desc'): Int32Array {
    const n = this.count
    const order = this.slots()
    const packed = new Float64Array(n)
    // Ties newest first: ascending wants the newer slot smaller, descending wants it larger.
    for (let i = 0; i < n; i++) packed[i] = this.keyOf(key, order[i]) * n + (dir === 'asc' ? n - 1 - i : i)
    packed.sort()
    if (dir === 'desc') packed.reverse()
    const out = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const r = packed[i] % n
      out[i] = order[dir === 'asc' ? n - 1 - r : r]
    }
    return out
  }

  private changed(): void {
    this.version++
    this.sortedBy.clear()
  }

  /** Inserts a slot at its date position (at the end when it is the newest: the usual case). */
  private link(slot: number): void {
    if (this.count === this.order.length) {
      const next = new Int32Array(this.count * 2)
      next.set(this.order)
      this.order = next
    }
    const at = this.position(slot)
    this.order.copyWithin(at + 1, at, this.count)
    this.order[at] = slot
    this.count++
  }

  private unlink(slot: number): void {
    let at = this.position(slot)
    if (this.order[at] !== slot) at = this.slots().indexOf(slot)
    if (at < 0) return
    this.order.copyWithin(at, at + 1, this.count)
    this.count--
  }

  /** Where a slot goes in date order (then by id). */
  private position(slot: number): number {
    const ms = this.c.started[slot]
    const id = this.ids[slot]
    const before = (other: number): boolean => {
      const d = this.c.started[other] - ms
      return d < 0 || (d === 0 && this.ids[other] < id)
    }
    if (this.count === 0 || before(this.order[this.count - 1])) return this.count
    let lo = 0
    let hi = this.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(this.order[mid])) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private grow(n: number): void {
    const next = allocate(n)
    for (const k of Object.keys(next) as (keyof Columns)[]) next[k].set(this.c[k] as never)
    this.c = next
  }
}

const iso = (ms: number): string => new Date(ms).toISOString()

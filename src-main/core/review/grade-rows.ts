import type { Difficulty } from '../bank/types'
import { Interner } from '../history/interner'
import type { ReviewGrade } from './types'

const PRACTICE = 8
const TIMED = 16
const OVERTIME = 32
const RATING = 7
const UNKNOWN8 = 255
const UNKNOWN32 = 0xffffffff
const u8 = (n: number | null): number => (n === null ? UNKNOWN8 : Math.min(UNKNOWN8 - 1, Math.max(0, Math.round(n))))
const u32 = (n: number | null): number => (n === null ? UNKNOWN32 : Math.min(UNKNOWN32 - 1, Math.max(0, Math.round(n))))

/** What a grade says about its question besides the figures: stored once per distinct triple. */
interface Context {
  bankId: string
  topics: string[]
  difficulty: Difficulty
}

const COLUMNS = {
  at: Float64Array,
  /** The 1–5 rating in the low bits, then PRACTICE, TIMED (overtime known) and OVERTIME. */
  packed: Uint8Array,
  hit: Uint8Array,
  total: Uint8Array,
  used: Uint32Array,
  session: Uint32Array,
  index: Uint16Array,
  context: Uint32Array
} as const
type Columns = { [K in keyof typeof COLUMNS]: InstanceType<(typeof COLUMNS)[K]> }
const allocate = (n: number): Columns => Object.fromEntries(Object.entries(COLUMNS).map(([k, C]) => [k, new C(n)])) as unknown as Columns

/**
 * Every grade the review index holds, one row each, in typed columns: 22 bytes a grade, so the two
 * million grades of 100k sessions take about 44 MB where one object per grade took over 500 MB
 * (issue #12). Sessions and (bank, topics, difficulty) are stored once and named by number. A row
 * is never moved or reused; the index refers to rows by number.
 */
export class GradeRows {
  private readonly sessions = new Interner()
  private readonly contextKeys = new Interner()
  private readonly contexts: Context[] = []
  private readonly byTopics = new WeakMap<string[], Map<string, number>>()
  private cols: Columns = allocate(1024)
  rows = 0

  push(g: ReviewGrade): number {
    if (this.rows === this.cols.at.length) this.reserve(this.rows * 2)
    const r = this.rows++
    const c = this.cols
    c.at[r] = g.atMs
    c.packed[r] = g.rating | (g.practice ? PRACTICE : 0) | (g.overtime === null ? 0 : TIMED) | (g.overtime ? OVERTIME : 0)
    c.hit[r] = u8(g.keyPointsHit)
    c.total[r] = u8(g.keyPointsTotal)
    c.used[r] = u32(g.usedMs)
    c.session[r] = this.sessions.ord(g.sessionId)
    c.index[r] = g.questionIndex
    c.context[r] = this.context(g)
    return r
  }

  /** Room for `n` rows at once, so that large columns are not copied again and again. */
  reserve(n: number): void {
    if (n <= this.cols.at.length) return
    const next = allocate(n)
    for (const k of Object.keys(next) as (keyof Columns)[]) next[k].set(this.cols[k].subarray(0, this.rows) as never)
    this.cols = next
  }

  atMs(r: number): number {
    return this.cols.at[r]
  }
  rating(r: number): ReviewGrade['rating'] {
    return (this.cols.packed[r] & RATING) as ReviewGrade['rating']
  }
  practice(r: number): boolean {
    return (this.cols.packed[r] & PRACTICE) !== 0
  }
  /** Whether the answer ran over its time; null when unknown. */
  overtime(r: number): boolean | null {
    const p = this.cols.packed[r]
    return p & TIMED ? (p & OVERTIME) !== 0 : null
  }
  keyPoints(r: number): { hit: number | null; total: number | null } {
    const { hit, total } = this.cols
    return { hit: hit[r] === UNKNOWN8 ? null : hit[r], total: total[r] === UNKNOWN8 ? null : total[r] }
  }
  usedMs(r: number): number | null {
    return this.cols.used[r] === UNKNOWN32 ? null : this.cols.used[r]
  }
  /** The session and question index, the grade's identity: a re-grade of the same pair replaces it. */
  isKey(r: number, sessionId: string, questionIndex: number): boolean {
    return this.cols.index[r] === questionIndex && this.sessions.get(this.cols.session[r]) === sessionId
  }
  /** The identity as one number, for finding repeats within a question's rows. */
  keyNumber(r: number): number {
    return this.cols.session[r] * 65536 + this.cols.index[r]
  }
  key(r: number): string {
    return `${this.sessions.get(this.cols.session[r])}#${this.cols.index[r]}`
  }

  /** Time order, then session id, then question index: the order a question's grades are replayed in. */
  compare(a: number, b: number): number {
    const c = this.cols
    const d = c.at[a] - c.at[b]
    if (d !== 0) return d
    const sa = this.sessions.get(c.session[a])
    const sb = this.sessions.get(c.session[b])
    return sa < sb ? -1 : sa > sb ? 1 : c.index[a] - c.index[b]
  }

  /** Whether `g` says what row `r` says (the same line read again): then it changes nothing. */
  same(r: number, g: ReviewGrade): boolean {
    return (
      this.atMs(r) === g.atMs && this.rating(r) === g.rating && this.practice(r) === g.practice && this.cols.hit[r] === u8(g.keyPointsHit)
    )
  }

  /** A row as a grade again (for the few grades a screen reads whole: each question's latest). */
  grade(r: number, questionId: string): ReviewGrade {
    const c = this.contexts[this.cols.context[r]]
    const kp = this.keyPoints(r)
    return {
      sessionId: this.sessions.get(this.cols.session[r]),
      questionIndex: this.cols.index[r],
      questionId,
      atMs: this.atMs(r),
      rating: this.rating(r),
      bankId: c.bankId,
      topics: c.topics,
      difficulty: c.difficulty,
      keyPointsHit: kp.hit,
      keyPointsTotal: kp.total,
      usedMs: this.usedMs(r),
      overtime: this.overtime(r),
      practice: this.practice(r)
    }
  }

  /** The grades of a cold build share their topic lists (the history's grade table stores each once): found by identity first. */
  private context(g: ReviewGrade): number {
    let same = this.byTopics.get(g.topics)
    if (!same) this.byTopics.set(g.topics, (same = new Map()))
    const k = `${g.bankId}\n${g.difficulty}`
    let n = same.get(k)
    if (n === undefined) {
      const before = this.contextKeys.size
      n = this.contextKeys.ord(`${k}\n${JSON.stringify(g.topics)}`)
      if (n === before) this.contexts.push({ bankId: g.bankId, topics: g.topics, difficulty: g.difficulty })
      same.set(k, n)
    }
    return n
  }
}

import { Interner } from '../history/interner'
import type { GradeContext, GradeLoad, GradeSource } from './grade-source'
import type { ReviewGrade } from './types'

const PRACTICE = 8
const TIMED = 16
const OVERTIME = 32
const RATING = 7
const UNKNOWN8 = 255
const UNKNOWN32 = 0xffffffff
const u8 = (n: number | null): number => (n === null ? UNKNOWN8 : Math.min(UNKNOWN8 - 1, Math.max(0, Math.round(n))))
const u32 = (n: number | null): number => (n === null ? UNKNOWN32 : Math.min(UNKNOWN32 - 1, Math.max(0, Math.round(n))))

const COLUMNS = {
  at: Float64Array,
  /** The 1–5 rating in the low bits, then PRACTICE, TIMED (overtime known) and OVERTIME. */
  packed: Uint8Array,
  hit: Uint8Array,
  total: Uint8Array,
  used: Uint32Array,
  session: Uint32Array,
  index: Uint16Array,
  context: Uint32Array,
  question: Uint32Array
} as const
type Columns = { [K in keyof typeof COLUMNS]: InstanceType<(typeof COLUMNS)[K]> }
const allocate = (n: number): Columns => Object.fromEntries(Object.entries(COLUMNS).map(([k, C]) => [k, new C(n)])) as unknown as Columns

/**
 * Grades the review index was handed as objects (one by one as they are graded, or a list), one row
 * each in typed columns, 29 bytes a grade (issue #12): sessions, questions and (bank, topics,
 * difficulty) are stored once and named by number. A row is never moved or reused.
 */
export class GradeRows implements GradeSource {
  private readonly sessions = new Interner()
  private readonly questions = new Interner()
  private readonly contextKeys = new Interner()
  private readonly contexts: GradeContext[] = []
  private readonly byTopics = new WeakMap<string[], Map<string, number>>()
  private cols: Columns = allocate(1024)
  rows = 0

  push(g: ReviewGrade): number {
    if (this.rows === this.cols.at.length) this.grow(this.rows * 2)
    const r = this.rows++
    const c = this.cols
    c.at[r] = g.atMs
    c.packed[r] = g.rating | (g.practice ? PRACTICE : 0) | (g.overtime === null ? 0 : TIMED) | (g.overtime ? OVERTIME : 0)
    c.hit[r] = u8(g.keyPointsHit)
    c.total[r] = u8(g.keyPointsTotal)
    c.used[r] = u32(g.usedMs)
    c.session[r] = this.sessions.ord(g.sessionId)
    c.index[r] = g.questionIndex
    c.context[r] = this.contextOf(g)
    c.question[r] = this.questions.ord(g.questionId)
    return r
  }

  /** Larger columns, the rows so far copied over. */
  private grow(n: number): void {
    if (n <= this.cols.at.length) return
    const next = allocate(n)
    for (const k of Object.keys(next) as (keyof Columns)[]) next[k].set(this.cols[k].subarray(0, this.rows) as never)
    this.cols = next
  }

  questionId(r: number): string {
    return this.questions.get(this.cols.question[r])
  }
  sessionId(r: number): string {
    return this.sessions.get(this.cols.session[r])
  }
  questionIndex(r: number): number {
    return this.cols.index[r]
  }
  keyNumber(r: number): number {
    return this.cols.session[r] * 65536 + this.cols.index[r]
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
  overtime(r: number): boolean | null {
    const p = this.cols.packed[r]
    return p & TIMED ? (p & OVERTIME) !== 0 : null
  }
  keyPointsHit(r: number): number | null {
    return this.cols.hit[r] === UNKNOWN8 ? null : this.cols.hit[r]
  }
  keyPointsTotal(r: number): number | null {
    return this.cols.total[r] === UNKNOWN8 ? null : this.cols.total[r]
  }
  usedMs(r: number): number | null {
    return this.cols.used[r] === UNKNOWN32 ? null : this.cols.used[r]
  }
  /** Always whole: the grades handed over were resolved (`fromAttempt`). */
  context(r: number): GradeContext {
    return this.contexts[this.cols.context[r]]
  }

  /** The grades of a cold build share their topic lists (the history's grade table stores each once): found by identity first. */
  private contextOf(g: ReviewGrade): number {
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

/** A list of grades as a load (tests, tools): all of them count. */
export function gradesLoad(grades: Iterable<ReviewGrade>): GradeLoad {
  const source = new GradeRows()
  const rows: number[] = []
  for (const g of grades) rows.push(source.push(g))
  return { source, rows }
}

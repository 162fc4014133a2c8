import type { Pacer } from '../fs/pacer'
import { recalled } from './grade-map'
import { dueMs, step, type Memory } from './memory'
import { dayKey, type ReviewGrade } from './types'

/** Everything the review screens know about one question, derived from its grades. */
export interface QuestionTrack {
  id: string
  /** In time order (then by key), practice rounds included. */
  grades: ReviewGrade[]
  /** FSRS state from the non-practice grades; null when only practised (or never graded). */
  memory: Memory | null
  /** The first scheduled grade: later ones are reviews (for true retention). */
  firstKey: string | null
  attempts: number
  ratingSum: number
  keyPointsHit: number
  keyPointsTotal: number
  overtime: number
  /** Grades whose overtime is known. */
  timed: number
  due: number | null
}

export interface DayBucket {
  grades: number
  ratingSum: number
  usedMs: number
  /** Scheduled grades of questions met before, and how many of them were recalled (not Again). */
  reviews: number
  recalled: number
}

const order = (a: ReviewGrade, b: ReviewGrade): number => a.atMs - b.atMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * The review state: per-question FSRS memory and figures, per-day activity. Fed by grade records;
 * `rebuild(all)` and `add(one)` after another give the same state (tested), so it can be kept up to
 * date as grades arrive and thrown away and rebuilt whenever history changes in bulk.
 */
export class ReviewIndex {
  private readonly byKey = new Map<string, ReviewGrade>()
  readonly questions = new Map<string, QuestionTrack>()
  readonly days = new Map<string, DayBucket>()
  /** Increments on every change; queries may cache on it. */
  version = 0

  rebuild(records: Iterable<ReviewGrade>): void {
    const steps = this.rebuilding(records)
    while (!steps.next().done);
  }

  /**
   * The same rebuild in slices (issue #12): each FSRS step costs microseconds, so 2 million grades
   * would hold the event loop for seconds; `pace` rests between slices.
   */
  async rebuildInSlices(records: Iterable<ReviewGrade>, pace: Pacer): Promise<void> {
    for (const _ of this.rebuilding(records)) if (pace.due()) await pace.rest()
  }

  /** The rebuild, yielding every 512 grades. */
  private *rebuilding(records: Iterable<ReviewGrade>): Generator<void> {
    this.byKey.clear()
    this.questions.clear()
    this.days.clear()
    let n = 0
    for (const r of records) {
      this.byKey.set(r.key, r)
      if ((++n & 0x1ff) === 0) yield
    }
    // Grades come nearly in time order (the grade log's): the sort finds the runs in one pass.
    for (const r of [...this.byKey.values()].sort(order)) {
      this.append(this.track(r.questionId), r)
      if ((++n & 0x1ff) === 0) yield
    }
    this.version++
  }

  add(r: ReviewGrade): void {
    const old = this.byKey.get(r.key)
    if (old && sameGrade(old, r)) return
    this.byKey.set(r.key, r)
    this.version++
    if (old) {
      const t = this.track(old.questionId)
      this.replay(t, () => (t.grades = t.grades.filter((g) => g.key !== r.key)))
    }
    const t = this.track(r.questionId)
    const last = t.grades[t.grades.length - 1]
    if (!last || order(last, r) < 0) this.append(t, r)
    else this.replay(t, () => (t.grades = [...t.grades, r].sort(order)))
  }

  get size(): number {
    return this.byKey.size
  }

  /** The question's due time (cached until its memory changes); null when it has no schedule. */
  dueOf(t: QuestionTrack): number | null {
    if (t.memory && t.due === null) t.due = dueMs(t.memory)
    return t.memory ? t.due : null
  }

  /** A plain copy of the whole state, for the equivalence tests. */
  snapshot(): unknown {
    const sortObj = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : 1))
    return {
      questions: sortObj(this.questions).map(([id, t]) => [id, { ...t, due: this.dueOf(t), grades: t.grades.map((g) => g.key) }]),
      days: sortObj(this.days)
    }
  }

  private track(id: string): QuestionTrack {
    let t = this.questions.get(id)
    if (!t) {
      t = emptyTrack(id)
      this.questions.set(id, t)
    }
    return t
  }

  /** Adds a grade that comes after every grade the question has. */
  private append(t: QuestionTrack, r: ReviewGrade): void {
    t.grades.push(r)
    t.attempts++
    t.ratingSum += r.rating
    if (r.keyPointsTotal) {
      t.keyPointsHit += r.keyPointsHit ?? 0
      t.keyPointsTotal += r.keyPointsTotal
    }
    if (r.overtime !== null) {
      t.timed++
      if (r.overtime) t.overtime++
    }
    if (!r.practice) {
      t.firstKey ??= r.key
      t.memory = step(t.memory, r.atMs, r.rating)
      t.due = null
    }
    this.count(r, t.firstKey !== r.key, 1)
  }

  /** Changes a question's grade list out of order: undoes its contributions and replays it. */
  private replay(t: QuestionTrack, change: () => void): void {
    for (const g of t.grades) this.count(g, t.firstKey !== g.key, -1)
    change()
    const grades = t.grades
    Object.assign(t, emptyTrack(t.id))
    for (const g of grades) this.append(t, g)
    if (t.grades.length === 0) this.questions.delete(t.id)
  }

  private count(r: ReviewGrade, review: boolean, sign: 1 | -1): void {
    const k = r.at.length === 24 && r.at.endsWith('Z') ? r.at.slice(0, 10) : dayKey(r.atMs)
    let d = this.days.get(k)
    if (!d) this.days.set(k, (d = { grades: 0, ratingSum: 0, usedMs: 0, reviews: 0, recalled: 0 }))
    d.grades += sign
    d.ratingSum += sign * r.rating
    d.usedMs += sign * (r.usedMs ?? 0)
    if (review && !r.practice) {
      d.reviews += sign
      if (recalled(r.rating)) d.recalled += sign
    }
    if (d.grades === 0) this.days.delete(k)
  }
}

function sameGrade(a: ReviewGrade, b: ReviewGrade): boolean {
  return (
    a.atMs === b.atMs &&
    a.rating === b.rating &&
    a.practice === b.practice &&
    a.questionId === b.questionId &&
    a.keyPointsHit === b.keyPointsHit
  )
}

/** A question with no grades yet: what `track` starts from and what `replay` resets to. */
function emptyTrack(id: string): QuestionTrack {
  return {
    id,
    grades: [],
    memory: null,
    firstKey: null,
    attempts: 0,
    ratingSum: 0,
    keyPointsHit: 0,
    keyPointsTotal: 0,
    overtime: 0,
    timed: 0,
    due: null
  }
}

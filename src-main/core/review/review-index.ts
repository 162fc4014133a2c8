import type { Pacer } from '../fs/pacer'
import { recalled } from './grade-map'
import { dueMs, step, type Memory } from './memory'
import type { GradeLoad } from './grade-source'
import { IndexRows } from './index-rows'
import { TrackGrades } from './track-grades'
import { dayKey, dayNumber, type ReviewGrade } from './types'

/** Everything the review screens know about one question, derived from its grades. */
export interface QuestionTrack {
  id: string
  /** In time order (then session, index), practice rounds included. */
  grades: TrackGrades
  /** FSRS state from the non-practice grades; null when only practised (or never graded). */
  memory: Memory | null
  /** The row of the first scheduled grade (null: none yet): later ones are reviews (for true retention). */
  first: number | null
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

/**
 * The review state: per-question FSRS memory and figures, per-day activity. Fed by grade records;
 * `rebuild(all)` and `add(one)` after another give the same state (tested), so it can be kept up to
 * date as grades arrive and thrown away and rebuilt whenever history changes in bulk. The grades
 * themselves are rows (`IndexRows`), not objects: those of the cold build are the history's grade
 * table's, read in place, so at 100k sessions (two million grades) the index holds 4 bytes a grade
 * where objects took over 600 MB (issue #12).
 */
export class ReviewIndex {
  private rows = new IndexRows()
  readonly questions = new Map<string, QuestionTrack>()
  readonly days = new Map<string, DayBucket>()
  private readonly dayKeys = new Map<number, string>()
  /** Increments on every change; queries may cache on it. */
  version = 0

  rebuild(records: Iterable<ReviewGrade>): void {
    this.clear()
    for (const r of records) if (Number.isFinite(r.atMs)) this.stage(this.rows.push(r))
    const steps = this.settling()
    while (!steps.next().done);
    this.version++
  }

  /**
   * The same rebuild in slices, from rows of a source read in place (issue #12: the history's grade
   * table; no object per grade): each question's rows are sorted and replayed through FSRS, resting
   * whenever `pace` says the slice is spent.
   */
  async rebuildInSlices(load: GradeLoad, pace: Pacer): Promise<void> {
    this.clear(load)
    const { rows } = load
    for (let i = 0; i < rows.length; i++) {
      if (Number.isFinite(this.rows.atMs(rows[i]))) this.stage(rows[i])
      if ((i & 0xfff) === 0 && pace.due()) await pace.rest()
    }
    for (const _ of this.settling()) if (pace.due()) await pace.rest()
    this.version++
  }

  add(r: ReviewGrade): void {
    if (!Number.isFinite(r.atMs)) return
    // A grade's key (session, question index) always names the same question: the round's snapshot fixes it.
    const t = this.track(r.questionId)
    const at = t.grades.find(r.sessionId, r.questionIndex)
    if (at >= 0 && this.rows.same(t.grades.row(at), r)) return
    const row = this.rows.push(r)
    this.version++
    const n = t.grades.length
    if (at < 0 && (n === 0 || this.rows.compare(t.grades.row(n - 1), row) < 0)) return this.append(t, row)
    this.replay(t, (rows) => {
      if (at >= 0) rows.splice(at, 1)
      rows.push(row)
      return rows.sort((a, b) => this.rows.compare(a, b))
    })
  }

  /** How many grades the index holds (re-grades counted once). */
  get size(): number {
    let n = 0
    for (const t of this.questions.values()) n += t.grades.length
    return n
  }

  /** The question's due time (cached until its memory changes); null when it has no schedule. */
  dueOf(t: QuestionTrack): number | null {
    if (t.memory && t.due === null) t.due = dueMs(t.memory)
    return t.memory ? t.due : null
  }

  /** A plain copy of the whole state, for the equivalence tests. */
  snapshot(): unknown {
    const sortObj = <V>(m: Map<string, V>): [string, V][] => [...m].sort(([a], [b]) => (a < b ? -1 : 1))
    const keys = (t: QuestionTrack): string[] => t.grades.list().map((r) => this.rows.key(r))
    return {
      questions: sortObj(this.questions).map(([id, t]) => [
        id,
        { ...t, due: this.dueOf(t), grades: keys(t), first: t.first === null ? null : this.rows.key(t.first) }
      ]),
      days: sortObj(this.days)
    }
  }

  private clear(load?: GradeLoad): void {
    this.rows = new IndexRows(load)
    this.questions.clear()
    this.days.clear()
  }

  /** A row of a rebuild: kept under its question, replayed once all are in. */
  private stage(row: number): void {
    this.track(this.rows.questionId(row)).grades.push(row)
  }

  /** Each question of a rebuild: repeats dropped (the last line read wins), sorted, replayed; yields every 512 grades. */
  private *settling(): Generator<void> {
    let n = 0
    for (const t of this.questions.values()) {
      const rows = t.grades.list()
      const last = new Map<number, number>()
      rows.forEach((r, i) => last.set(this.rows.keyNumber(r), i))
      const kept = last.size === rows.length ? rows : rows.filter((r, i) => last.get(this.rows.keyNumber(r)) === i)
      kept.sort((a, b) => this.rows.compare(a, b))
      yield
      reset(t)
      for (const r of kept) {
        this.append(t, r)
        if ((++n & 0x1ff) === 0) yield
      }
      t.grades.fit()
    }
  }

  private track(id: string): QuestionTrack {
    let t = this.questions.get(id)
    if (!t) {
      t = emptyTrack(new TrackGrades(this.rows, id))
      this.questions.set(id, t)
    }
    return t
  }

  /** Adds a grade that comes after every grade the question has. */
  private append(t: QuestionTrack, row: number): void {
    const g = this.rows
    const rating = g.rating(row)
    t.grades.push(row)
    t.attempts++
    t.ratingSum += rating
    const total = g.keyPointsTotal(row)
    if (total) {
      t.keyPointsHit += g.keyPointsHit(row) ?? 0
      t.keyPointsTotal += total
    }
    const overtime = g.overtime(row)
    if (overtime !== null) {
      t.timed++
      if (overtime) t.overtime++
    }
    if (!g.practice(row)) {
      t.first ??= row
      t.memory = step(t.memory, g.atMs(row), rating)
      t.due = null
    }
    this.count(row, t.first !== row, 1)
  }

  /** Changes a question's grade list out of order: undoes its contributions and replays it. */
  private replay(t: QuestionTrack, change: (rows: number[]) => number[]): void {
    const before = t.grades.list()
    for (const r of before) this.count(r, t.first !== r, -1)
    const rows = change(before)
    reset(t)
    for (const r of rows) this.append(t, r)
    if (t.grades.length === 0) this.questions.delete(t.id)
  }

  private count(row: number, review: boolean, sign: 1 | -1): void {
    const g = this.rows
    const k = this.dayKey(g.atMs(row))
    let d = this.days.get(k)
    if (!d) this.days.set(k, (d = { grades: 0, ratingSum: 0, usedMs: 0, reviews: 0, recalled: 0 }))
    d.grades += sign
    d.ratingSum += sign * g.rating(row)
    d.usedMs += sign * (g.usedMs(row) ?? 0)
    if (review && !g.practice(row)) {
      d.reviews += sign
      if (recalled(g.rating(row))) d.recalled += sign
    }
    if (d.grades === 0) this.days.delete(k)
  }

  private dayKey(ms: number): string {
    const n = dayNumber(ms)
    let k = this.dayKeys.get(n)
    if (k === undefined) this.dayKeys.set(n, (k = dayKey(ms)))
    return k
  }
}

/** A question with no grades yet: what `track` starts from. */
function emptyTrack(grades: TrackGrades): QuestionTrack {
  return reset({ id: grades.questionId, grades } as QuestionTrack)
}

/** Forgets what a track's grades added up to (and the grades), before they are replayed. */
function reset(t: QuestionTrack): QuestionTrack {
  t.grades.clear()
  t.memory = null
  t.first = null
  t.attempts = t.ratingSum = t.keyPointsHit = t.keyPointsTotal = t.overtime = t.timed = 0
  t.due = null
  return t
}

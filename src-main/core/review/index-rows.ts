import { fullContext } from './from-log'
import { GradeRows } from './grade-rows'
import type { GradeContext, GradeLoad, GradeSource } from './grade-source'
import type { CatalogueQuestion, ReviewGrade } from './types'

/**
 * The rows the review index refers to: those of its cold build's source (the history's grade table,
 * so its two million grades are not copied) by their own number, and the grades added since, kept in
 * the index's own grade table, as negative numbers (`~n`). The one place that knows which is which.
 */
export class IndexRows {
  private readonly own = new GradeRows()
  private readonly base: GradeSource
  private readonly catalogue: (id: string) => CatalogueQuestion | undefined

  constructor(load?: GradeLoad) {
    this.base = load?.source ?? this.own
    this.catalogue = load?.catalogue ?? (() => undefined)
  }

  /** A grade handed over whole (as it is graded, or in a list): a row of the index's own table. */
  push(g: ReviewGrade): number {
    return ~this.own.push(g)
  }

  questionId(r: number): string {
    return r >= 0 ? this.base.questionId(r) : this.own.questionId(~r)
  }
  sessionId(r: number): string {
    return r >= 0 ? this.base.sessionId(r) : this.own.sessionId(~r)
  }
  questionIndex(r: number): number {
    return r >= 0 ? this.base.questionIndex(r) : this.own.questionIndex(~r)
  }
  atMs(r: number): number {
    return r >= 0 ? this.base.atMs(r) : this.own.atMs(~r)
  }
  rating(r: number): ReviewGrade['rating'] {
    return r >= 0 ? this.base.rating(r) : this.own.rating(~r)
  }
  practice(r: number): boolean {
    return r >= 0 ? this.base.practice(r) : this.own.practice(~r)
  }
  overtime(r: number): boolean | null {
    return r >= 0 ? this.base.overtime(r) : this.own.overtime(~r)
  }
  keyPointsHit(r: number): number | null {
    return r >= 0 ? this.base.keyPointsHit(r) : this.own.keyPointsHit(~r)
  }
  keyPointsTotal(r: number): number | null {
    return r >= 0 ? this.base.keyPointsTotal(r) : this.own.keyPointsTotal(~r)
  }
  usedMs(r: number): number | null {
    return r >= 0 ? this.base.usedMs(r) : this.own.usedMs(~r)
  }
  context(r: number): GradeContext {
    return fullContext(r >= 0 ? this.base.context(r) : this.own.context(~r), this.questionId(r), this.catalogue)
  }

  /** The grade's identity as one number, for finding repeats among rows of one source (a cold build's). */
  keyNumber(r: number): number {
    return r >= 0 ? this.base.keyNumber(r) : -1 - this.own.keyNumber(~r)
  }
  isKey(r: number, sessionId: string, questionIndex: number): boolean {
    return this.questionIndex(r) === questionIndex && this.sessionId(r) === sessionId
  }
  key(r: number): string {
    return `${this.sessionId(r)}#${this.questionIndex(r)}`
  }

  /** Time order, then session id, then question index: the order a question's grades are replayed in. */
  compare(a: number, b: number): number {
    const d = this.atMs(a) - this.atMs(b)
    if (d !== 0) return d
    const sa = this.sessionId(a)
    const sb = this.sessionId(b)
    return sa < sb ? -1 : sa > sb ? 1 : this.questionIndex(a) - this.questionIndex(b)
  }

  /** Whether `g` says what row `r` says (the same line read again): then it changes nothing. */
  same(r: number, g: ReviewGrade): boolean {
    return (
      this.atMs(r) === g.atMs && this.rating(r) === g.rating && this.practice(r) === g.practice && this.keyPointsHit(r) === g.keyPointsHit
    )
  }

  /** A row as a grade again (for the few grades a screen reads whole: each question's latest). */
  grade(r: number): ReviewGrade {
    return {
      sessionId: this.sessionId(r),
      questionIndex: this.questionIndex(r),
      questionId: this.questionId(r),
      atMs: this.atMs(r),
      rating: this.rating(r),
      ...this.context(r),
      keyPointsHit: this.keyPointsHit(r),
      keyPointsTotal: this.keyPointsTotal(r),
      usedMs: this.usedMs(r),
      overtime: this.overtime(r),
      practice: this.practice(r)
    }
  }
}

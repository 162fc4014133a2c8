import type { Difficulty } from '../bank/types'
import type { CatalogueQuestion, ReviewGrade } from './types'

/** Where a grade counts besides its question: its bank, topics and difficulty when it was graded. */
export interface GradeContext {
  bankId: string
  topics: string[]
  difficulty: Difficulty
}

/**
 * Grades read by row number, field by field, without an object per grade (issue #12): the history's
 * grade table, which already holds every grade, so the review keeps only row numbers of it, or the
 * review's own small table of the same kind (`GradeRows`); both read through `GradeReader`. Rows
 * never change once written.
 */
export interface GradeSource {
  questionId(r: number): string
  sessionId(r: number): string
  questionIndex(r: number): number
  /** Session and index as one number: equal for two rows of this source exactly when their keys are. */
  keyNumber(r: number): number
  atMs(r: number): number
  rating(r: number): ReviewGrade['rating']
  practice(r: number): boolean
  /** Whether the answer ran over its time; null when unknown. */
  overtime(r: number): boolean | null
  keyPointsHit(r: number): number | null
  keyPointsTotal(r: number): number | null
  usedMs(r: number): number | null
  /** Bank, topics and difficulty as the grade recorded them; lines older than the review index leave them out. */
  context(r: number): Partial<GradeContext>
}

/** The grades a cold build reads: a source and the rows of it that count (deleted sessions and superseded lines left out). */
export interface GradeLoad {
  source: GradeSource
  rows: ArrayLike<number>
  /** The question as the banks describe it now: what fills in a context a line left out. */
  catalogue?: (id: string) => CatalogueQuestion | undefined
}

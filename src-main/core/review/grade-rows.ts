import { GradeReader } from '../history/grade-reader'
import { GradeTable } from '../history/grade-table'
import { toAttempt } from './from-log'
import type { GradeLoad } from './grade-source'
import type { ReviewGrade } from './types'

/**
 * Grades the review index was handed as objects (one by one as they are graded, or a list): rows of
 * a grade table of its own, in history's encoding (grade-table.ts), read as the cold build reads the
 * history's table (GradeReader). A row is never moved or reused.
 */
export class GradeRows extends GradeReader {
  constructor() {
    super(new GradeTable())
  }

  get rows(): number {
    return this.table.rows
  }

  /** Adds a grade; returns its row. (The table's byte offset into a grade log is not the review's: 0.) */
  push(g: ReviewGrade): number {
    return this.table.add(toAttempt(g), 0).row
  }
}

/** A list of grades as a load (tests, tools): all of them count. */
export function gradesLoad(grades: Iterable<ReviewGrade>): GradeLoad {
  const source = new GradeRows()
  const rows: number[] = []
  for (const g of grades) rows.push(source.push(g))
  return { source, rows }
}

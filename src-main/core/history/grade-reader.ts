import { DIFFICULTY, PRACTICE, UNKNOWN32, UNKNOWN8, type GradeTable } from './grade-table'
import type { QuestionAttemptRecord } from './types'

/**
 * The grade table read field by field, without an object per grade: what the review index's cold
 * build reads (issue #12), so that the two million grades of 100k sessions are held once, here, and
 * the review keeps only their row numbers. Rows never change once written; the table's columns may
 * be replaced by larger copies, so they are looked up on each read.
 */
export class GradeReader {
  constructor(protected readonly table: GradeTable) {}

  questionId(r: number): string {
    return this.table.questions.get(this.table.cols.question[r])
  }
  sessionId(r: number): string {
    return this.table.sessions.get(this.table.cols.session[r])
  }
  questionIndex(r: number): number {
    return this.table.cols.index[r]
  }
  keyNumber(r: number): number {
    return this.table.cols.session[r] * 65536 + this.table.cols.index[r]
  }
  atMs(r: number): number {
    return this.table.cols.at[r]
  }
  rating(r: number): 1 | 2 | 3 | 4 | 5 {
    return this.table.cols.rating[r] as 1 | 2 | 3 | 4 | 5
  }
  practice(r: number): boolean {
    return (this.table.cols.flags[r] & PRACTICE) !== 0
  }
  overtime(r: number): boolean | null {
    const o = this.table.cols.overtime[r]
    return o === UNKNOWN32 ? null : o > 0
  }
  keyPointsHit(r: number): number | null {
    const n = this.table.cols.hit[r]
    return n === UNKNOWN8 ? null : n
  }
  keyPointsTotal(r: number): number | null {
    const n = this.table.cols.total[r]
    return n === UNKNOWN8 ? null : n
  }
  usedMs(r: number): number | null {
    const n = this.table.cols.used[r]
    return n === UNKNOWN32 ? null : n
  }
  /** The row as a record (draft and note stay on disk). */
  record(r: number): QuestionAttemptRecord {
    return this.table.record(r)
  }

  /** Bank, topics and difficulty as the line recorded them (lines older than the review index lack them). */
  context(r: number): Pick<QuestionAttemptRecord, 'bankId' | 'topics' | 'difficulty'> {
    const c = this.table.cols
    return {
      bankId: c.bank[r] === UNKNOWN32 ? undefined : this.table.banks.get(c.bank[r]),
      topics: c.topics[r] === UNKNOWN32 ? undefined : this.table.topicList(c.topics[r]),
      difficulty: c.difficulty[r] ? (DIFFICULTY[c.difficulty[r]] as QuestionAttemptRecord['difficulty']) : undefined
    }
  }
}

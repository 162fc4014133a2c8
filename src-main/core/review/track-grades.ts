import type { IndexRows } from './index-rows'
import type { ReviewGrade } from './types'

/**
 * One question's grades in replay order (time, then session, then index), practice rounds included:
 * row numbers into the index's grade rows, 4 bytes a grade.
 */
export class TrackGrades {
  private rows = new Int32Array(4)
  length = 0

  constructor(
    private readonly all: IndexRows,
    readonly questionId: string
  ) {}

  row(i: number): number {
    return this.rows[i]
  }
  atMs(i: number): number {
    return this.all.atMs(this.rows[i])
  }
  rating(i: number): ReviewGrade['rating'] {
    return this.all.rating(this.rows[i])
  }
  practice(i: number): boolean {
    return this.all.practice(this.rows[i])
  }

  /** The latest grade whole: its bank, topics and difficulty are where the question counts now. */
  last(): ReviewGrade | undefined {
    return this.length ? this.all.grade(this.rows[this.length - 1]) : undefined
  }

  push(row: number): void {
    if (this.length === this.rows.length) {
      const next = new Int32Array(this.length * 2)
      next.set(this.rows)
      this.rows = next
    }
    this.rows[this.length++] = row
  }

  /** The rows as a plain list, to be changed and replayed. */
  list(): number[] {
    return Array.from(this.rows.subarray(0, this.length))
  }

  /** Gives back the room left by doubling (a rebuild knows each question's count). */
  fit(): void {
    if (this.rows.length > this.length + 4) this.rows = this.rows.slice(0, Math.max(4, this.length))
  }

  clear(): void {
    this.length = 0
  }

  /** Where the grade of this session's question `index` is (latest first: re-grades are recent); -1 when absent. */
  find(sessionId: string, index: number): number {
    for (let i = this.length - 1; i >= 0; i--) if (this.all.isKey(this.rows[i], sessionId, index)) return i
    return -1
  }
}

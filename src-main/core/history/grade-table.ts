import { Interner } from './interner'
import { Ends, grow } from './row-links'
import type { QuestionAttemptRecord } from './types'

/** How the columns write what a line may leave out, and the flags (grade-reader.ts reads them too). */
export const DIFFICULTY = ['', 'easy', 'medium', 'hard'] as const
export const UNKNOWN8 = 255
export const UNKNOWN32 = 0xffffffff
const ms32 = (ms: number | undefined): number => (ms === undefined ? UNKNOWN32 : Math.min(UNKNOWN32 - 1, Math.max(0, Math.round(ms))))
export const PRACTICE = 1
const SUPERSEDED = 2

/** The columns of the table, each a typed array; the names are the snapshot's too. */
export const GRADE_COLUMNS = {
  session: Uint32Array,
  index: Uint16Array,
  question: Uint32Array,
  rating: Uint8Array,
  at: Float64Array,
  offset: Float64Array,
  bank: Uint32Array,
  topics: Uint32Array,
  difficulty: Uint8Array,
  hit: Uint8Array,
  total: Uint8Array,
  used: Uint32Array,
  overtime: Uint32Array,
  flags: Uint8Array
} as const
export type GradeColumnName = keyof typeof GRADE_COLUMNS
export type GradeColumns = { [K in GradeColumnName]: InstanceType<(typeof GRADE_COLUMNS)[K]> }

/** The names a row refers to by number. */
export const GRADE_LISTS = ['sessions', 'questions', 'banks', 'topicSets'] as const
export type GradeListName = (typeof GRADE_LISTS)[number]

const allocate = (n: number): GradeColumns =>
  Object.fromEntries(Object.entries(GRADE_COLUMNS).map(([k, C]) => [k, new C(n)])) as unknown as GradeColumns

/**
 * Every grade in history, one row each, in typed columns: about 50 bytes a grade, so 2 million
 * grades (100k sessions) fit in ~100 MB where objects took over a gigabyte. Drafts and notes stay on
 * disk: a row keeps the byte offset of its line in the grade log. Rows are looked up by question
 * and by session; a later line for the same question of a session supersedes the earlier one.
 */
export class GradeTable {
  readonly sessions = new Interner()
  readonly questions = new Interner()
  readonly banks = new Interner()
  /** Topic lists, each stored once as its JSON. */
  readonly topicSets = new Interner()
  private topicArrays: string[][] = []
  private readonly topicIds = new WeakMap<string[], number>()
  cols: GradeColumns = allocate(1024)
  rows = 0
  /** 1 when history lists the session (not deleted), by session number. */
  live: Uint8Array<ArrayBuffer> = new Uint8Array(1024)
  /** Derived links (not saved): each row's next row of the same session and of the same question. */
  private nextOfSession = new Int32Array(1024)
  private nextOfQuestion = new Int32Array(1024)
  private readonly sessionEnds = new Ends()
  private readonly questionEnds = new Ends()

  /** Adds a grade; returns its row and the row it supersedes (-1 when none). */
  add(g: QuestionAttemptRecord, offset: number): { row: number; replaced: number } {
    const s = this.sessions.ord(g.sessionId)
    let replaced = -1
    for (let r = this.sessionEnds.head(s); r >= 0 && replaced < 0; r = this.nextOfSession[r])
      if (this.cols.index[r] === g.questionIndex && !this.superseded(r)) replaced = r
    if (replaced >= 0) this.cols.flags[replaced] |= SUPERSEDED
    const row = this.grow()
    const c = this.cols
    c.session[row] = s
    c.index[row] = g.questionIndex
    c.question[row] = this.questions.ord(g.questionId)
    c.rating[row] = g.rating
    c.at[row] = Date.parse(g.at)
    c.offset[row] = offset
    c.bank[row] = g.bankId === undefined ? 0xffffffff : this.banks.ord(g.bankId)
    c.topics[row] = g.topics === undefined ? 0xffffffff : this.topicSet(g.topics)
    c.difficulty[row] = g.difficulty ? DIFFICULTY.indexOf(g.difficulty) : 0
    c.hit[row] = g.keyPointsHit ?? UNKNOWN8
    c.total[row] = g.keyPointsTotal ?? UNKNOWN8
    c.used[row] = ms32(g.usedMs)
    c.overtime[row] = ms32(g.overtimeMs)
    c.flags[row] = g.practice ? PRACTICE : 0
    this.link(row)
    return { row, replaced }
  }

  /** Marks a session listed (or not); grades of unlisted sessions are kept but not counted. */
  setLive(sessionId: string, live: boolean): void {
    const s = this.sessions.ord(sessionId)
    if (s >= this.live.length) {
      const next = new Uint8Array(Math.max(s + 1, this.live.length * 2))
      next.set(this.live)
      this.live = next
    }
    this.live[s] = live ? 1 : 0
  }

  /** A row counts when its session is listed and no later line superseded it. */
  counts(row: number): boolean {
    return this.live[this.cols.session[row]] === 1 && !this.superseded(row)
  }

  superseded(row: number): boolean {
    return (this.cols.flags[row] & SUPERSEDED) !== 0
  }

  rowsOfQuestion(questionId: string): number[] {
    const q = this.questions.find(questionId)
    return q === undefined ? [] : this.rowsOfQuestionOrd(q).filter((r) => this.counts(r))
  }

  rowsOfQuestionOrd(q: number): number[] {
    return this.walk(this.questionEnds.head(q), this.nextOfQuestion)
  }

  rowsOfSession(sessionOrd: number): number[] {
    return this.walk(this.sessionEnds.head(sessionOrd), this.nextOfSession)
  }

  private walk(from: number, next: Int32Array): number[] {
    const out: number[] = []
    for (let r = from; r >= 0; r = next[r]) out.push(r)
    return out
  }

  /** A topic list by its number (as `cols.topics` names it). */
  topicList(n: number): string[] {
    return this.topicArrays[n]
  }

  /** A row as a grade record; draft and note are empty (they stay in the grade log on disk). */
  record(row: number): QuestionAttemptRecord {
    const c = this.cols
    const out: QuestionAttemptRecord = {
      sessionId: this.sessions.get(c.session[row]),
      questionIndex: c.index[row],
      questionId: this.questions.get(c.question[row]),
      rating: c.rating[row],
      at: Number.isFinite(c.at[row]) ? new Date(c.at[row]).toISOString() : '',
      draft: '',
      note: ''
    }
    if (c.bank[row] !== 0xffffffff) out.bankId = this.banks.get(c.bank[row])
    if (c.topics[row] !== 0xffffffff) out.topics = this.topicArrays[c.topics[row]]
    if (c.difficulty[row]) out.difficulty = DIFFICULTY[c.difficulty[row]] as QuestionAttemptRecord['difficulty']
    if (c.hit[row] !== UNKNOWN8) out.keyPointsHit = c.hit[row]
    if (c.total[row] !== UNKNOWN8) out.keyPointsTotal = c.total[row]
    if (c.used[row] !== UNKNOWN32) out.usedMs = c.used[row]
    if (c.overtime[row] !== UNKNOWN32) out.overtimeMs = c.overtime[row]
    if (c.flags[row] & PRACTICE) out.practice = true
    return out
  }

  /** Re-links the row lists after the columns were restored from a snapshot; `yieldEvery` keeps the loop free. */
  async relink(pause: () => Promise<void>): Promise<void> {
    this.sessionEnds.clear()
    this.questionEnds.clear()
    this.nextOfSession = new Int32Array(this.cols.session.length)
    this.nextOfQuestion = new Int32Array(this.cols.session.length)
    this.topicArrays = this.topicSets.list.map((t) => JSON.parse(t) as string[])
    for (let r = 0; r < this.rows; r++) {
      this.link(r)
      if ((r & 0x3fff) === 0) await pause()
    }
  }

  /** Replaces the columns (a snapshot being restored; its names were added line by line); `relink` must follow. */
  restore(cols: GradeColumns, rows: number, live: Uint8Array<ArrayBuffer>): void {
    this.cols = cols
    this.rows = rows
    this.live = live
  }

  private link(row: number): void {
    this.nextOfSession[row] = this.nextOfQuestion[row] = -1
    const ps = this.sessionEnds.append(this.cols.session[row], row)
    if (ps >= 0) this.nextOfSession[ps] = row
    const pq = this.questionEnds.append(this.cols.question[row], row)
    if (pq >= 0) this.nextOfQuestion[pq] = row
  }

  /** A topic list's number; a list handed in again (the review's own rows share them) is found by identity. */
  private topicSet(topics: string[]): number {
    const known = this.topicIds.get(topics)
    if (known !== undefined) return known
    const before = this.topicSets.size
    const n = this.topicSets.ord(JSON.stringify(topics))
    if (n === before) this.topicArrays.push(topics)
    this.topicIds.set(topics, n)
    return n
  }

  /**
   * Makes room for `n` rows at once (a load that knows roughly how many are coming), so that the
   * columns are not copied while they are large: a copy of 100 MB is one long task.
   */
  reserve(n: number): void {
    if (n <= this.cols.session.length) return
    const next = allocate(n)
    for (const k of Object.keys(next) as GradeColumnName[]) next[k].set(this.cols[k].subarray(0, this.rows) as never)
    this.cols = next
    this.nextOfSession = grow(this.nextOfSession, n)
    this.nextOfQuestion = grow(this.nextOfQuestion, n)
  }

  /** Rows that fit before the columns must be copied into larger ones. */
  get spare(): number {
    return this.cols.session.length - this.rows
  }

  /**
   * Grows the columns ahead of need (by `extra` rows), one column at a time with `pause` between
   * (copying all of them at once was one long task: about 100 ms at two million rows). Rows added
   * meanwhile (none in a load or a rebuild, which await this) make it start over at once.
   */
  async makeRoom(pause: () => Promise<void>, extra = GradeTable.headroom(this.rows)): Promise<void> {
    const n = this.rows + extra
    const rows = this.rows
    const next: Partial<GradeColumns> = {}
    for (const k of Object.keys(GRADE_COLUMNS) as GradeColumnName[]) {
      const a = new GRADE_COLUMNS[k](n)
      a.set(this.cols[k].subarray(0, rows) as never)
      next[k] = a as never
      await pause()
    }
    const links = [grow(this.nextOfSession, n), grow(this.nextOfQuestion, n)]
    if (this.rows !== rows) return this.reserve(n)
    this.cols = next as GradeColumns
    ;[this.nextOfSession, this.nextOfQuestion] = links
  }

  private grow(): number {
    if (this.rows === this.cols.session.length) this.reserve(this.rows + GradeTable.headroom(this.rows))
    return this.rows++
  }

  /**
   * Room to grow beyond `rows` before the columns are copied: doubling while they are small, then a
   * sixteenth (at least 64k rows, some 3,000 rounds): a copy of the large columns is one long task,
   * and each unused row costs 55 bytes (a quarter more of 2 million rows was 26 MB).
   */
  static headroom(rows: number): number {
    return rows < 262_144 ? Math.max(1024, rows) : Math.max(65_536, rows >> 4)
  }

  static allocate = allocate
}

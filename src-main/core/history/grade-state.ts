import { stat } from 'node:fs/promises'
import { readLines, readLinesAt } from '../fs/lines'
import { pacer, realPacerClock, type Pacer } from '../fs/pacer'
import { decodeRecord } from '../fs/records'
import { GradeTable } from './grade-table'
import { coverageOf, readSnapshot, writeSnapshot } from './snapshot'
import { covers } from './snapshot-parts'
import type { QuestionAttemptRecord } from './types'
import { WordIndex } from './word-index'

export const INDEX_SCHEMA_VERSION = 1
export type GradeRecord = { k: 'h'; v: number } | ({ k: 'g' } & QuestionAttemptRecord)

/** What a grade adds to the word index: its draft and its note. */
const textOf = (g: { draft: string; note: string }): string => `${g.draft}\n${g.note}`

/**
 * The grades of history in memory: the table (figures, no text), the word index over drafts and
 * notes, and how many bytes of the grade log they hold. Drafts and notes are read back from the
 * grade log by offset when a screen shows them.
 */
export class GradeState {
  table = new GradeTable()
  words = new WordIndex()
  /** Bytes of the grade log that are in the table. */
  bytes = 0
  /** Grades added since the snapshot was read or written. */
  unsaved = 0

  constructor(private readonly gradesFile: string) {}

  /** Adds a grade that starts at `offset` in the grade log and is `length` bytes long. */
  async add(g: QuestionAttemptRecord, offset: number, length: number): Promise<void> {
    if (this.table.spare < 64) await this.table.makeRoom(realPacerClock.rest)
    const { row, replaced } = this.table.add(g, offset)
    const doc = this.table.cols.session[row]
    const text = textOf(g)
    if (replaced < 0) this.words.add(doc, text)
    else {
      // A restored session or a round derived again brings the same text: the words stay as they are.
      const before = textOf((await this.texts([replaced])).get(replaced) ?? { draft: '', note: '' })
      if (before !== text) {
        this.words.remove(doc, before)
        this.words.add(doc, text)
      }
    }
    this.bytes = offset + length
    this.unsaved++
  }

  /** Adds a grade read while loading; a row it supersedes goes into `superseded`, whose words are taken back after. */
  addLoaded(g: QuestionAttemptRecord, offset: number, length: number, superseded?: Set<number>): void {
    const { row, replaced } = this.table.add(g, offset)
    if (replaced >= 0) superseded?.add(replaced)
    this.words.add(this.table.cols.session[row], textOf(g))
    this.bytes = offset + length
    this.unsaved++
  }

  /** The draft and note of rows, read from the grade log; a line that no longer matches gives empty text. */
  async texts(rows: readonly number[]): Promise<Map<number, { draft: string; note: string }>> {
    const c = this.table.cols
    const lines = await readLinesAt(
      this.gradesFile,
      rows.map((r) => c.offset[r]),
      pacer()
    ).catch(() => new Map<number, string>())
    const out = new Map<number, { draft: string; note: string }>()
    for (const r of rows) {
      const d = decodeRecord<GradeRecord>(lines.get(c.offset[r]) ?? '')
      const ok =
        d.ok && d.value.k === 'g' && d.value.questionIndex === c.index[r] && d.value.sessionId === this.table.sessions.get(c.session[r])
      out.set(
        r,
        ok ? { draft: (d.value as QuestionAttemptRecord).draft, note: (d.value as QuestionAttemptRecord).note } : { draft: '', note: '' }
      )
    }
    return out
  }

  /** Every counted attempt at a question, oldest first, with its draft and note from the grade log. */
  async attempts(questionId: string): Promise<QuestionAttemptRecord[]> {
    const rows = this.table.rowsOfQuestion(questionId).sort((a, b) => this.table.cols.at[a] - this.table.cols.at[b])
    const texts = await this.texts(rows)
    return rows.map((r) => ({ ...this.table.record(r), ...texts.get(r) }))
  }

  /** The rows of every counted grade (the review's cold build reads them in place), in slices. */
  async liveRows(pace: Pacer): Promise<Int32Array> {
    const out = new Int32Array(this.table.rows)
    let n = 0
    for (let row = 0; row < this.table.rows; row++) {
      if (this.table.counts(row)) out[n++] = row
      if ((row & 0xfff) === 0 && pace.due()) await pace.rest()
    }
    return out.slice(0, n)
  }

  /** Marks which sessions history lists. */
  async markLive(isListed: (id: string) => boolean, pace: Pacer): Promise<void> {
    const names = this.table.sessions.list
    for (let s = 0; s < names.length; s++) {
      this.table.setLive(names[s], isListed(names[s]))
      if ((s & 0x3ff) === 0 && pace.due()) await pace.rest()
    }
  }

  async save(snapshotFile: string, pace: Pacer): Promise<void> {
    const unsaved = this.unsaved
    await writeSnapshot(snapshotFile, this.table, this.words, await coverageOf(this.gradesFile, this.bytes), pace)
    this.unsaved -= unsaved
  }
}

export type GradeLoad =
  { ok: true; state: GradeState; fromSnapshot: boolean; snapshotProblem: string | null } | { ok: false; reason: string }

/**
 * Loads the grades: the snapshot when it holds a prefix of this grade log, then the lines after it
 * (or the whole log), streamed. A damaged grade log gives `ok: false` (rebuild from the sessions).
 */
export async function loadGradeState(gradesFile: string, snapshotFile: string, pace: Pacer): Promise<GradeLoad> {
  const state = new GradeState(gradesFile)
  let snapshotProblem: string | null = null
  const snap = await readSnapshot(snapshotFile, pace)
  let fromSnapshot = false
  if (snap.ok && (await covers(gradesFile, snap.cover))) {
    Object.assign(state, { table: snap.table, words: snap.index, bytes: snap.cover.bytes })
    fromSnapshot = true
  } else if (!snap.ok && !snap.missing) snapshotProblem = snap.reason
  let first = !fromSnapshot
  const superseded = new Set<number>()
  // Room for the lines to come (a grade line is rarely under 200 bytes), made before the columns are large.
  state.table.reserve(state.table.rows + Math.ceil(Math.max(0, (await stat(gradesFile)).size - state.bytes) / 300))
  for await (const line of readLines(gradesFile, state.bytes)) {
    const d = decodeRecord<GradeRecord>(line.text)
    const length = Buffer.byteLength(line.text) + 1
    if (!line.complete || !d.ok) return { ok: false, reason: `damaged (line at byte ${line.offset}: ${d.ok ? 'cut short' : d.reason})` }
    if (first) {
      first = false
      if (d.value.k !== 'h') return { ok: false, reason: 'damaged (no header)' }
      if (d.value.v > INDEX_SCHEMA_VERSION) return { ok: false, reason: `written by a newer version of the app (format ${d.value.v})` }
      state.bytes = line.offset + length
      continue
    }
    if (d.value.k === 'g') {
      const { k: _k, ...g } = d.value
      if (state.table.spare < 64) await state.table.makeRoom(() => pace.rest())
      state.addLoaded(g, line.offset, length, superseded)
    }
    if (pace.due()) await pace.rest()
  }
  if (first) return { ok: false, reason: 'damaged (empty)' }
  if (superseded.size) await dropSuperseded(state, [...superseded], pace)
  return { ok: true, state, fromSnapshot, snapshotProblem }
}

/** Takes the words of superseded grades back out of the index (rare: a session restored or re-graded). */
async function dropSuperseded(state: GradeState, rows: number[], pace: Pacer): Promise<void> {
  const texts = await state.texts(rows)
  for (const r of rows) {
    state.words.remove(state.table.cols.session[r], textOf(texts.get(r)!))
    if (pace.due()) await pace.rest()
  }
}

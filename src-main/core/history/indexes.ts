import { readFile, stat } from 'node:fs/promises'
import { appendDurable, keepCopy, moveAside, writeFileAtomic } from '../fs/durable'
import { decodeRecords, encodeRecord } from '../fs/records'
import type { RoundState } from '../session/types'
import { errorText, HistoryError, isMissing, type ProblemLog } from './problems'
import { gradeRecords, summarize } from './summary'
import type { QuestionAttemptRecord, SessionSummary } from './types'

export const INDEX_SCHEMA_VERSION = 1

export type IndexRecord = { k: 'h'; v: number } | { k: 's'; s: SessionSummary } | { k: 'd'; id: string }
export type GradeRecord = { k: 'h'; v: number } | ({ k: 'g' } & QuestionAttemptRecord)

// ---- the line encoders, shared with scripts/synthetic-history.ts ---------------------------------
export const encodeIndexHeader = (): string => encodeRecord({ k: 'h', v: INDEX_SCHEMA_VERSION })
export const encodeSummaryLine = (s: SessionSummary): string => encodeRecord({ k: 's', s })
export const encodeDeletionLine = (id: string): string => encodeRecord({ k: 'd', id })
export const encodeGradeLine = (g: QuestionAttemptRecord): string => encodeRecord({ k: 'g', ...g })

/** What the indexes need from the session journals to rebuild. */
export interface SessionSource {
  ids(): Promise<string[]>
  read(id: string): Promise<RoundState>
}

/** Index lines are flushed (fdatasync) in batches by flush(); a failed append is still cut back. */
const NO_SYNC = { sync: false }

const gradeKey = (g: QuestionAttemptRecord): string => `${g.sessionId}#${g.questionIndex}`

/**
 * The derived indexes: `index.jsonl` (one summary per session change) and `grades.jsonl` (one line
 * per grade, for search and attempts). Append-only, rebuilt from the sessions when missing or
 * damaged. An index is never created empty while sessions exist: a write that finds it missing is
 * left to the rebuild, which writes a temp file and renames it at the end (the damaged file is kept
 * aside by a copy taken before the replacement lands). Callers serialise calls (HistoryStore's queue).
 */
export class HistoryIndexes {
  summaries: Map<string, SessionSummary> | null = null
  grades: Map<string, QuestionAttemptRecord> | null = null
  /** review (issue #8): told after a rebuild from the session files (HistoryStore passes it on). */
  onRebuilt: (() => void) | null = null

  constructor(
    readonly indexFile: string,
    readonly gradesFile: string,
    private readonly corruptDir: string,
    private readonly sessions: SessionSource,
    private readonly problems: ProblemLog
  ) {}

  /** Adds what a session's new state says; the grade lines of `gradesOf` (all when undefined). */
  async record(state: RoundState, gradesOf?: number): Promise<void> {
    const grades = gradeRecords(state, gradesOf)
    if (grades.length && (await this.writable(this.gradesFile, state.id))) {
      await appendDurable(this.gradesFile, grades.map(encodeGradeLine).join(''), NO_SYNC)
      for (const g of grades) this.grades?.set(gradeKey(g), g)
    }
    const s = summarize(state)
    if (await this.writable(this.indexFile, state.id)) {
      await appendDurable(this.indexFile, encodeSummaryLine(s), NO_SYNC)
      this.summaries?.set(s.id, s)
    }
  }

  async forget(id: string): Promise<void> {
    this.summaries?.delete(id)
    if (await this.exists(this.indexFile)) await appendDurable(this.indexFile, encodeDeletionLine(id), NO_SYNC)
  }

  async flush(): Promise<void> {
    for (const f of [this.indexFile, this.gradesFile]) if (await this.exists(f)) await appendDurable(f, '')
  }

  /**
   * True when the file can take an append. A missing index is created only when no other session
   * exists; otherwise the caches are dropped and the next read rebuilds it from the sessions.
   */
  private async writable(file: string, sessionId: string): Promise<boolean> {
    if (await this.exists(file)) return true
    const others = (await this.sessions.ids()).filter((id) => id !== sessionId)
    if (others.length === 0) {
      await writeFileAtomic(file, encodeIndexHeader())
      return true
    }
    this.summaries = null
    this.grades = null
    return false
  }

  private async exists(file: string): Promise<boolean> {
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new HistoryError('corrupt', `${file} is not a file`)
      return true
    } catch (e) {
      if (isMissing(e)) return false
      throw e
    }
  }

  async loadSummaries(): Promise<Map<string, SessionSummary>> {
    if (this.summaries) return this.summaries
    const loaded = await this.load<IndexRecord>(this.indexFile, 'history index')
    if (!loaded) return (await this.rebuild()).summaries
    const map = new Map<string, SessionSummary>()
    for (const r of loaded) {
      if (r.k === 's') map.set(r.s.id, r.s)
      else if (r.k === 'd') map.delete(r.id)
    }
    // #11: lines written before summaries carried difficulties still read; the index is rebuilt once to add them.
    if ([...map.values()].some((s) => s.difficulties === undefined)) return (await this.rebuild()).summaries
    return (this.summaries = map)
  }

  async loadGrades(): Promise<Map<string, QuestionAttemptRecord>> {
    if (this.grades) return this.grades
    const loaded = await this.load<GradeRecord>(this.gradesFile, 'grade index')
    if (!loaded) return (await this.rebuild()).grades
    const map = new Map<string, QuestionAttemptRecord>()
    for (const r of loaded) {
      if (r.k !== 'g') continue
      const { k: _k, ...g } = r
      map.set(gradeKey(g), g)
    }
    return (this.grades = map)
  }

  /** Reads an index file; null when it must be rebuilt (missing while sessions exist, damaged, newer). */
  private async load<T extends { k: string; v?: number }>(file: string, what: string): Promise<T[] | null> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      if (isMissing(e)) return (await this.sessions.ids()).length ? null : []
      this.damaged.add(file)
      this.reasons.set(file, `The ${what} could not be read (${errorText(e)})`)
      return null
    }
    const decoded = decodeRecords<T>(text)
    const header = decoded.records[0]
    if (decoded.badLines || !header || header.k !== 'h' || (header.v ?? 0) > INDEX_SCHEMA_VERSION) {
      this.damaged.add(file)
      this.reasons.set(
        file,
        `The ${what} was ${decoded.badLines || header?.k !== 'h' ? `damaged (line ${decoded.badLine ?? 1}: ${decoded.reason ?? 'no header'})` : `written by a newer version of the app (format ${header.v})`}`
      )
      return null
    }
    return decoded.records
  }

  private readonly damaged = new Set<string>()
  private readonly reasons = new Map<string, string>()

  /** Reads every session file once and writes both indexes anew. Only after loss or damage. */
  async rebuild(): Promise<{ summaries: Map<string, SessionSummary>; grades: Map<string, QuestionAttemptRecord> }> {
    const summaries = new Map<string, SessionSummary>()
    const grades = new Map<string, QuestionAttemptRecord>()
    for (const id of await this.sessions.ids()) {
      let state: RoundState
      try {
        state = await this.sessions.read(id)
      } catch {
        continue // set aside and reported by the reader; the rest are listed
      }
      summaries.set(id, summarize(state))
      for (const g of gradeRecords(state)) grades.set(gradeKey(g), g)
    }
    await this.replace(this.indexFile, encodeIndexHeader() + [...summaries.values()].map(encodeSummaryLine).join(''))
    await this.replace(this.gradesFile, encodeIndexHeader() + [...grades.values()].map(encodeGradeLine).join(''))
    this.summaries = summaries
    this.grades = grades
    this.onRebuilt?.() // review (issue #8)
    return { summaries, grades }
  }

  /** Writes a whole index; a damaged one is kept aside (a copy) before its replacement lands. */
  async replace(file: string, text: string): Promise<void> {
    let keptAt: string | null = null
    if (this.damaged.has(file)) {
      const isDir = await stat(file).then(
        (i) => i.isDirectory(),
        () => false
      )
      keptAt = await (isDir ? moveAside(file, this.corruptDir, 'not-a-file') : keepCopy(file, this.corruptDir, 'corrupt')).catch(() => null)
    }
    try {
      await writeFileAtomic(file, text)
    } catch (e) {
      // History is still listed from memory; the next start tries again.
      this.problems.add(file, keptAt, `The history index could not be written (${errorText(e)}); it is rebuilt again at the next start.`)
      return
    }
    if (this.damaged.delete(file)) {
      const why = this.reasons.get(file)
      this.reasons.delete(file)
      if (why) this.problems.add(file, keptAt, `${why}; it was kept aside and rebuilt from the session files.`)
    }
  }
}

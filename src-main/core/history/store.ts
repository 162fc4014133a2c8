import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { appendDurable, fsyncDir, moveAside, writeFileAtomic } from '../fs/durable'
import { decodeRecords, encodeRecord } from '../fs/records'
import { apply, replaySession, SessionReplayError } from '../session/replay'
import { SESSION_SCHEMA_VERSION, type RoundState, type SessionRecord } from '../session/types'
import { gradeRecords, summarize } from './summary'
import { QuestionSnapshots } from './snapshots'
import { serialQueue } from '../serial'
import { queryHistory } from './query'
import type { ContentLookup, HistoryPage, HistoryQuery, QuestionAttemptRecord, SessionSummary, StorageProblem } from './types'

/**
 * Durable session history.
 *
 * - `sessions/<id>.jsonl` is the truth: one checksummed record per event, appended and fdatasync'd
 *   before the caller hears back. Nothing ever rewrites it except recovery of a torn tail.
 * - `index.jsonl` (one summary per session change) and `grades.jsonl` (one line per grade, for
 *   search and per-question attempts) are append-only indexes derived from the sessions. They are
 *   flushed before a round is marked finished and rebuilt from the sessions when damaged.
 * - `active.json` names the round in progress, so that start-up finds an interrupted round by
 *   reading one small file and not the whole history.
 */
export const INDEX_SCHEMA_VERSION = 1

type IndexRecord = { k: 'h'; v: number } | { k: 's'; s: SessionSummary } | { k: 'd'; id: string }
export type GradeLogChange = { grade: QuestionAttemptRecord } | { reset: true } // review (issue #8)
type GradeRecord = { k: 'h'; v: number } | ({ k: 'g' } & QuestionAttemptRecord)

const ID = /^[A-Za-z0-9_-]{1,64}$/

export class HistoryError extends Error {
  constructor(
    readonly code: 'not-found' | 'corrupt' | 'busy',
    message: string
  ) {
    super(message)
  }
}

export class HistoryStore {
  readonly dir: string
  private readonly sessionsDir: string
  private readonly trashDir: string
  private readonly corruptDir: string
  private readonly indexFile: string
  private readonly gradesFile: string
  private readonly activeFile: string

  private summaries: Map<string, SessionSummary> | null = null
  private grades: Map<string, QuestionAttemptRecord> | null = null
  /** Writes one at a time, in order. */
  private readonly serial = serialQueue()
  private readonly snapshots: QuestionSnapshots
  readonly problems: StorageProblem[] = []

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'history')
    this.sessionsDir = join(this.dir, 'sessions')
    this.trashDir = join(this.dir, 'trash')
    this.corruptDir = join(this.dir, 'corrupt')
    this.indexFile = join(this.dir, 'index.jsonl')
    this.gradesFile = join(this.dir, 'grades.jsonl')
    this.activeFile = join(this.dir, 'active.json')
    this.snapshots = new QuestionSnapshots(join(this.dir, 'questions'))
  }

  private sessionFile(id: string): string {
    if (!ID.test(id)) throw new HistoryError('not-found', `Invalid session id "${id}"`)
    return join(this.sessionsDir, `${id}.jsonl`)
  }

  /** Prepares the folders and empties the undo bin of a previous run. Reads no session file. */
  async open(): Promise<void> {
    await mkdir(this.sessionsDir, { recursive: true })
    await rm(this.trashDir, { recursive: true, force: true })
  }

  private async report(file: string, message: string, reason: string): Promise<void> {
    let keptAt: string | null = null
    if (existsSync(file)) keptAt = await moveAside(file, this.corruptDir, reason)
    this.problems.push({ file, keptAt, message })
  }

  // ---- the round in progress -------------------------------------------------------------------

  /** Writes the first record of a new session and marks it as the round in progress. */
  createSession(start: Extract<SessionRecord, { t: 'start' }>): Promise<void> {
    return this.serial(async () => {
      const file = this.sessionFile(start.id)
      await writeFileAtomic(file, encodeRecord(await this.snapshots.dehydrate(start)))
      await writeFileAtomic(this.activeFile, JSON.stringify({ v: 1, sessionId: start.id }))
      await this.appendIndex({ k: 's', s: summarize(replaySession([start])) })
    })
  }

  /** Appends one record; resolves once it is on disk. */
  append(id: string, record: SessionRecord, before: RoundState): Promise<void> {
    return this.serial(async () => {
      await appendDurable(this.sessionFile(id), encodeRecord(record))
      if (record.t !== 'grade' && record.t !== 'finish') return
      // The indexes describe the round as this record leaves it.
      const state = structuredClone(before)
      apply(state, record)
      if (record.t === 'grade') for (const g of gradeRecords(state, record.i)) await this.appendGrade(g)
      await this.appendIndex({ k: 's', s: summarize(state) })
      if (record.t === 'finish') {
        // The indexes must hold the finished round before the in-progress marker goes.
        await this.flushIndexes()
        await rm(this.activeFile, { force: true })
        await fsyncDir(this.dir)
      }
    })
  }

  /** The round that was in progress when the app last stopped, if any, replayed from its file. */
  async interruptedRound(): Promise<RoundState | null> {
    let pointer: { sessionId?: unknown }
    try {
      pointer = JSON.parse(await readFile(this.activeFile, 'utf8'))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      await this.report(this.activeFile, 'The marker of the round in progress was damaged; it was set aside.', 'corrupt')
      return null
    }
    const id = String(pointer.sessionId ?? '')
    const state = await this.read(id).catch(async (e) => {
      await rm(this.activeFile, { force: true })
      if (e instanceof HistoryError) return null
      throw e
    })
    if (!state) return null
    // The indexes may have missed the last records before the stop: derive them again from the file.
    await this.serial(async () => {
      await this.appendIndex({ k: 's', s: summarize(state) })
      for (const g of gradeRecords(state)) await this.appendGrade(g)
      if (state.status !== 'running') {
        await this.flushIndexes()
        await rm(this.activeFile, { force: true })
      }
    })
    return state.status === 'running' ? state : null
  }

  // ---- reading sessions ------------------------------------------------------------------------

  /** Reads one session. A damaged file is set aside (kept) and reported; a torn last record is dropped. */
  async read(id: string): Promise<RoundState> {
    const file = this.sessionFile(id)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      await this.forget(id, `Session ${id} is listed in history but its file is missing.`)
      throw new HistoryError('not-found', `Session ${id} was not found; it has been removed from the list.`)
    }
    const decoded = decodeRecords<SessionRecord>(text)
    const records = decoded.records
    if (decoded.badLine) {
      if (decoded.tornTail && records.length > 0) {
        // Power loss in the middle of an append: keep the complete records, keep the original aside.
        const kept = await moveAside(file, this.corruptDir, 'torn')
        await writeFileAtomic(file, records.map(encodeRecord).join(''))
        this.problems.push({ file, keptAt: kept, message: `Session ${id}: an incomplete last record (cut off by a crash) was dropped.` })
      } else {
        await this.report(file, `Session ${id} is damaged (line ${decoded.badLine}: ${decoded.reason}) and was set aside.`, 'corrupt')
        await this.forget(id)
        throw new HistoryError('corrupt', `Session ${id} is damaged and was set aside.`)
      }
    }
    const version = records[0]?.t === 'start' ? records[0].v : undefined
    if (version !== undefined && version > SESSION_SCHEMA_VERSION) {
      await this.report(
        file,
        `Session ${id} was written by a newer version of the app (format ${version}) and was set aside.`,
        'future-version'
      )
      await this.forget(id)
      throw new HistoryError('corrupt', `Session ${id} comes from a newer version of the app.`)
    }
    try {
      return replaySession(await this.snapshots.hydrate(migrateSession(records)))
    } catch (e) {
      if (!(e instanceof SessionReplayError)) throw e
      await this.report(file, `Session ${id} is inconsistent (${e.message}) and was set aside.`, 'corrupt')
      await this.forget(id)
      throw new HistoryError('corrupt', `Session ${id} is damaged and was set aside.`)
    }
  }

  // ---- indexes ---------------------------------------------------------------------------------

  private async appendIndex(r: IndexRecord): Promise<void> {
    await this.ensureFile(this.indexFile)
    await appendFile(this.indexFile, encodeRecord(r))
    if (this.summaries) applyIndex(this.summaries, r)
  }

  private async appendGrade(g: QuestionAttemptRecord): Promise<void> {
    await this.ensureFile(this.gradesFile)
    await appendFile(this.gradesFile, encodeRecord({ k: 'g', ...g }))
    this.grades?.set(`${g.sessionId}#${g.questionIndex}`, g)
    this.tellReview({ grade: g }) // review (issue #8)
  }

  private async ensureFile(file: string): Promise<void> {
    if (!existsSync(file)) await writeFileAtomic(file, encodeRecord({ k: 'h', v: INDEX_SCHEMA_VERSION }))
  }

  private async flushIndexes(): Promise<void> {
    for (const f of [this.indexFile, this.gradesFile]) if (existsSync(f)) await appendDurable(f, '')
  }

  private async loadIndex(): Promise<Map<string, SessionSummary>> {
    if (this.summaries) return this.summaries
    const loaded = await this.loadRecords<IndexRecord>(this.indexFile, 'history index')
    if (loaded) {
      const map = new Map<string, SessionSummary>()
      for (const r of loaded) applyIndex(map, r)
      this.summaries = map
    } else {
      await this.rebuildIndexes()
    }
    return this.summaries!
  }

  private async loadGrades(): Promise<Map<string, QuestionAttemptRecord>> {
    if (this.grades) return this.grades
    const loaded = await this.loadRecords<GradeRecord>(this.gradesFile, 'grade index')
    if (loaded) {
      const map = new Map<string, QuestionAttemptRecord>()
      for (const r of loaded) if (r.k === 'g') map.set(`${r.sessionId}#${r.questionIndex}`, stripKind(r))
      this.grades = map
    } else {
      await this.rebuildIndexes()
    }
    return this.grades!
  }

  /** Reads an index file; null when it must be rebuilt (damaged, from a newer version, missing while sessions exist). */
  private async loadRecords<T extends { k: string; v?: number }>(file: string, what: string): Promise<T[] | null> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      const any = (await readdir(this.sessionsDir)).some((n) => n.endsWith('.jsonl'))
      return any ? null : []
    }
    const decoded = decodeRecords<T>(text)
    const header = decoded.records[0]
    if (decoded.badLine || !header || header.k !== 'h') {
      await this.report(
        file,
        `The ${what} was damaged (line ${decoded.badLine ?? 1}: ${decoded.reason ?? 'no header'}); it was set aside and rebuilt from the session files.`,
        'corrupt'
      )
      return null
    }
    if ((header.v ?? 0) > INDEX_SCHEMA_VERSION) {
      await this.report(
        file,
        `The ${what} was written by a newer version of the app (format ${header.v}); it was set aside and rebuilt.`,
        'future-version'
      )
      return null
    }
    return decoded.records
  }

  /** Reads every session file once to write both indexes anew. Only after damage. */
  private async rebuildIndexes(): Promise<void> {
    const summaries = new Map<string, SessionSummary>()
    const grades = new Map<string, QuestionAttemptRecord>()
    const names = (await readdir(this.sessionsDir)).filter((n) => n.endsWith('.jsonl'))
    this.summaries = summaries
    for (const name of names) {
      const id = name.slice(0, -'.jsonl'.length)
      let state: RoundState
      try {
        state = await this.read(id)
      } catch (e) {
        if (e instanceof HistoryError) continue
        throw e
      }
      summaries.set(id, summarize(state))
      for (const g of gradeRecords(state)) grades.set(`${id}#${g.questionIndex}`, g)
    }
    const header = encodeRecord({ k: 'h', v: INDEX_SCHEMA_VERSION })
    await writeFileAtomic(this.indexFile, header + [...summaries.values()].map((s) => encodeRecord({ k: 's', s })).join(''))
    await writeFileAtomic(this.gradesFile, header + [...grades.values()].map((g) => encodeRecord({ k: 'g', ...g })).join(''))
    this.summaries = summaries
    this.grades = grades
    this.tellReview({ reset: true }) // review (issue #8)
  }

  private async forget(id: string, message?: string): Promise<void> {
    if (message) this.problems.push({ file: this.sessionFile(id), keptAt: null, message })
    if (existsSync(this.indexFile)) await appendFile(this.indexFile, encodeRecord({ k: 'd', id }))
    this.summaries?.delete(id)
  }

  // ---- queries ---------------------------------------------------------------------------------

  async list(query: HistoryQuery, lookup: ContentLookup): Promise<HistoryPage> {
    const summaries = await this.loadIndex()
    const needsGrades = query.text.trim().length > 0
    const grades = needsGrades ? await this.loadGrades() : null
    return queryHistory([...summaries.values()], query, grades, lookup)
  }

  async summary(id: string): Promise<SessionSummary | undefined> {
    return (await this.loadIndex()).get(id)
  }

  async attempts(questionId: string): Promise<QuestionAttemptRecord[]> {
    const grades = await this.loadGrades()
    const live = await this.loadIndex()
    return [...grades.values()].filter((g) => g.questionId === questionId && live.has(g.sessionId)).sort((a, b) => a.at.localeCompare(b.at))
  }

  // ---- deleting --------------------------------------------------------------------------------

  /** Moves a session to the undo bin. It can be restored until the app quits. */
  delete(id: string, activeId: string | null): Promise<void> {
    return this.serial(async () => {
      if (id === activeId) throw new HistoryError('busy', 'This round is still in progress; end it before deleting it.')
      const file = this.sessionFile(id)
      const summaries = await this.loadIndex()
      if (!summaries.has(id)) throw new HistoryError('not-found', `Session ${id} is not in history.`)
      await mkdir(this.trashDir, { recursive: true })
      await rename(file, join(this.trashDir, `${id}.jsonl`)).catch((e) => {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      })
      await fsyncDir(this.sessionsDir)
      await this.appendIndex({ k: 'd', id })
      await appendDurable(this.indexFile, '')
      this.tellReview({ reset: true }) // review (issue #8)
    })
  }

  restore(id: string): Promise<SessionSummary> {
    return this.serial(async () => {
      const trashed = join(this.trashDir, `${id}.jsonl`)
      if (!ID.test(id) || !existsSync(trashed)) throw new HistoryError('not-found', 'This session can no longer be restored.')
      await rename(trashed, this.sessionFile(id))
      await fsyncDir(this.sessionsDir)
      const state = await this.read(id)
      const s = summarize(state)
      await this.appendIndex({ k: 's', s })
      await appendDurable(this.indexFile, '')
      this.tellReview({ reset: true }) // review (issue #8)
      return s
    })
  }

  /** Reads the indexes ahead of the first History visit or search; start-up does not wait for it. */
  async warmUp(): Promise<void> {
    await this.loadIndex()
    await this.loadGrades()
  }

  // ---- review (issue #8): the grade log for the review index, and word of each change ----------

  private readonly reviewListeners: ((e: GradeLogChange) => void)[] = []

  /** Calls `fn` with each grade-log line once it is written (its session record is already durable), and with `reset` after bulk changes. */
  onGradeLog(fn: (e: GradeLogChange) => void): void {
    this.reviewListeners.push(fn)
  }

  private tellReview(e: GradeLogChange): void {
    for (const fn of this.reviewListeners) fn(e)
  }

  /** Every grade of the sessions in history (deleted ones left out). */
  async liveGrades(): Promise<QuestionAttemptRecord[]> {
    const grades = await this.loadGrades()
    const live = await this.loadIndex()
    return [...grades.values()].filter((g) => live.has(g.sessionId))
  }

  // ---- end review ------------------------------------------------------------------------------

  async count(): Promise<number> {
    return (await this.loadIndex()).size
  }

  /** Deletes every finished session for good. The round in progress, if any, is kept. */
  clear(activeId: string | null): Promise<number> {
    return this.serial(async () => {
      const summaries = await this.loadIndex()
      let removed = 0
      for (const id of [...summaries.keys()]) {
        if (id === activeId) continue
        await rm(this.sessionFile(id), { force: true })
        removed++
      }
      const keep = activeId ? summaries.get(activeId) : undefined
      const header = encodeRecord({ k: 'h', v: INDEX_SCHEMA_VERSION })
      await writeFileAtomic(this.indexFile, header + (keep ? encodeRecord({ k: 's', s: keep }) : ''))
      const grades = [...(await this.loadGrades()).values()].filter((g) => g.sessionId === activeId)
      await writeFileAtomic(this.gradesFile, header + grades.map((g) => encodeRecord({ k: 'g', ...g })).join(''))
      await rm(this.trashDir, { recursive: true, force: true })
      this.summaries = new Map(keep ? [[keep.id, keep]] : [])
      this.grades = new Map(grades.map((g) => [`${g.sessionId}#${g.questionIndex}`, g]))
      this.tellReview({ reset: true }) // review (issue #8)
      return removed
    })
  }
}

function applyIndex(map: Map<string, SessionSummary>, r: IndexRecord): void {
  if (r.k === 's') map.set(r.s.id, r.s)
  else if (r.k === 'd') map.delete(r.id)
}

function stripKind(r: { k: 'g' } & QuestionAttemptRecord): QuestionAttemptRecord {
  const { k: _k, ...rest } = r
  return rest
}

/**
 * Upgrades the records of an older session file to the current format. Format 1 is the first;
 * each later format adds a step here (n → n+1) and a test with a file of format n.
 */
export const SESSION_MIGRATIONS: Record<number, (records: SessionRecord[]) => SessionRecord[]> = {}

export function migrateSession(records: SessionRecord[]): SessionRecord[] {
  let out = records
  let v = out[0]?.t === 'start' ? out[0].v : SESSION_SCHEMA_VERSION
  while (v < SESSION_SCHEMA_VERSION) {
    const step = SESSION_MIGRATIONS[v]
    if (!step) throw new SessionReplayError(`no migration from session format ${v}`)
    out = step(out)
    v++
  }
  return out
}

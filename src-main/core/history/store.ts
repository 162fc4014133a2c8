import { mkdir, rm } from 'node:fs/promises'
import { fsyncDir, writeFileAtomic } from '../fs/durable'
import { pacer, realPacerClock, type PacerClock } from '../fs/pacer'
import { serialQueue } from '../serial'
import type { SessionLog } from '../session/log'
import type { RoundState, SessionRecord, StartRecord } from '../session/types'
import { GradeReader } from './grade-reader'
import { HistoryIndexes, type DamagedFiles } from './indexes'
import { historyLayout } from './layout'
import { Observers, type DurableRecord } from './observers'
import { errorText, ProblemLog } from './problems'
import { gradeStats, prepareSearch, queryHistory, type GradeStat } from './query'
import { Recovery } from './recovery'
import { runRebuildWorker, type WorkerScript } from './rebuild-worker-run'
import { Removal } from './removal'
import { QuestionTexts, searchSessions } from './search'
import { SessionFiles } from './session-files'
import { QuestionSnapshots } from './snapshots'
import type { SummaryList } from './summary-list'
import { Trash } from './trash'
import type { ContentLookup, HistoryPage, HistoryQuery, QuestionAttemptRecord, SessionSummary, StorageProblem } from './types'

export { HistoryError } from './problems'
export { INDEX_SCHEMA_VERSION } from './indexes'
export { migrateSession, SESSION_MIGRATIONS } from './session-files'
export type { DurableRecord } from './observers'

/**
 * Durable session history, and the SessionLog the round engine writes through.
 *
 * - `sessions/<id>.jsonl` is the truth (SessionFiles).
 * - `index.jsonl`, `grades.jsonl` and the search snapshot are derived from it (HistoryIndexes),
 *   reconciled with the session files and the undo bin (Trash) the first time they are read.
 * - `active.json` names the round in progress, so start-up reads one small file; when it is
 *   unusable, the round in progress is found from the sessions themselves (no finish record).
 *
 * Every write and every index read runs through one queue, so a rebuild never races an append.
 * Long reads run in slices (a Pacer) so that the round's clock and the IPC keep running.
 */
export class HistoryStore implements SessionLog {
  readonly dir: string
  private readonly sessionsDir: string
  private readonly activeFile: string
  private readonly log = new ProblemLog()
  private readonly sessions: SessionFiles
  private readonly indexes: HistoryIndexes
  private readonly trash: Trash
  private readonly recovery: Recovery
  private readonly removal: Removal
  private readonly serial = serialQueue()
  private readonly durable = new Observers<DurableRecord>()
  private readonly bulk = new Observers<void>() // review (issue #8)
  private readonly questionTexts = new QuestionTexts()
  private reconciled = false

  constructor(
    dataDir: string,
    private readonly clock: PacerClock = realPacerClock,
    /** Where a rebuild from the session files runs (off the event loop); null: here, in slices. */
    worker: WorkerScript | null = null
  ) {
    const layout = historyLayout(dataDir)
    this.dir = layout.dir
    this.sessionsDir = layout.sessions
    const corruptDir = layout.corrupt
    this.activeFile = layout.active
    this.sessions = new SessionFiles(this.sessionsDir, corruptDir, new QuestionSnapshots(layout.questions), this.log)
    this.trash = new Trash(layout.trash)
    const elsewhere =
      worker === null
        ? null
        : (damaged: DamagedFiles, report: (p: StorageProblem) => void) => runRebuildWorker(worker, { dataDir, damaged }, report)
    this.indexes = new HistoryIndexes(layout.indexFiles, this.sessions, this.log, clock, elsewhere)
    this.recovery = new Recovery({
      activeFile: this.activeFile,
      corruptDir,
      sessions: this.sessions,
      indexes: this.indexes,
      trash: this.trash,
      log: this.log,
      index: () => this.index(),
      derive: (state) => this.derive(state),
      closeMarker: () => this.closeMarker()
    })
    this.removal = new Removal({
      sessionsDir: this.sessionsDir,
      sessions: this.sessions,
      indexes: this.indexes,
      trash: this.trash,
      log: this.log,
      index: () => this.index(),
      changed: () => this.bulk.notify(undefined, 'bulk-change') // review (issue #8)
    })
    this.indexes.onRebuilt = () => this.bulk.notify(undefined, 'bulk-change') // review (issue #8)
  }

  /** Files that were damaged, missing or could not be written, and what was done about them. */
  get problems(): StorageProblem[] {
    return this.log.list
  }

  /** Prepares the folders and empties the undo bin of what is older than its window. Reads no session file. */
  async open(): Promise<void> {
    await mkdir(this.sessionsDir, { recursive: true })
    await this.trash.purge().catch((e) => this.log.add(this.trash.dir, null, `The undo bin could not be tidied (${errorText(e)}).`))
  }

  /**
   * Observes every record once it is on disk (after fdatasync, before the engine answers). The
   * review index subscribes here for grades (`record.t === 'grade'`). Returns an unsubscribe.
   */
  onDurableRecord(listener: (e: DurableRecord) => void): () => void {
    return this.durable.add(listener)
  }

  /**
   * Observes changes to history in bulk (delete, restore, clear, an index rebuild), after which
   * state derived from single records (the review index) must be rebuilt. Returns an unsubscribe.
   */
  onBulkChange(listener: () => void): () => void {
    return this.bulk.add(listener)
  }

  // ---- SessionLog --------------------------------------------------------------------------------

  create(start: StartRecord, state: RoundState): Promise<void> {
    return this.serial(async () => {
      await this.sessions.create(start)
      await writeFileAtomic(this.activeFile, JSON.stringify({ v: 1, sessionId: start.id }))
      this.durable.notify({ sessionId: start.id, record: start, state }, 'durable-record')
      await this.derive(state, -1)
    })
  }

  append(record: SessionRecord, after: RoundState): Promise<void> {
    return this.serial(async () => {
      await this.sessions.append(after.id, record)
      this.durable.notify({ sessionId: after.id, record, state: after }, 'durable-record')
      if (record.t !== 'grade' && record.t !== 'finish') return
      const derived = await this.derive(after, record.t === 'grade' ? record.i : -1)
      // The indexes must hold the finished round before the in-progress marker goes.
      if (record.t === 'finish' && derived) {
        await this.closeMarker()
        await this.indexes.checkpoint()
      }
    })
  }

  interrupted(): Promise<RoundState | null> {
    return this.serial(async () => {
      try {
        return await this.recovery.findInterrupted()
      } catch (e) {
        this.log.add(this.activeFile, null, `The round in progress could not be looked up (${errorText(e)}); the rest of the app works.`)
        return null
      }
    })
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** Reads one session; one that history does not list is not-found with no side effects. */
  read(id: string): Promise<RoundState> {
    return this.serial(() => this.removal.readListed(id))
  }

  list(query: HistoryQuery, lookup: ContentLookup): Promise<HistoryPage> {
    return this.serial(async () => {
      const summaries = await this.index()
      if (!query.text.trim()) return queryHistory(summaries, query, null, null, lookup)
      const { table, words } = await this.indexes.loadGrades()
      const hits = await searchSessions(query.text, words, table, this.questionTexts, lookup)
      return queryHistory(summaries, query, hits, table, lookup)
    })
  }

  summary(id: string): Promise<SessionSummary | undefined> {
    return this.serial(async () => (await this.index()).get(id))
  }

  /** Every attempt at a question, oldest first, with its draft and note read back from the grade log. */
  attempts(questionId: string): Promise<QuestionAttemptRecord[]> {
    return this.serial(async () => {
      await this.index()
      return (await this.indexes.loadGrades()).attempts(questionId)
    })
  }

  /**
   * Every grade of the sessions in history (deleted ones left out), without drafts and notes: the
   * review's cold build, which reads them in place (`reader`, field by field) by the row numbers of
   * `rows`. Two turns of the queue: the summaries first, so a History request made meanwhile is
   * answered before the (larger) grade log is read.
   */
  async liveRows(): Promise<{ reader: GradeReader; rows: Int32Array }> {
    await this.serial(() => this.index())
    return this.serial(async () => {
      await this.index()
      const grades = await this.indexes.loadGrades()
      return { reader: new GradeReader(grades.table), rows: await grades.liveRows(pacer(this.clock)) }
    })
  }

  /** The same grades as records (small histories, tests). */
  async liveGrades(): Promise<QuestionAttemptRecord[]> {
    const { reader, rows } = await this.liveRows()
    return Array.from(rows, (r) => reader.record(r))
  }

  /** Reads the indexes ahead of the first History visit or search; start-up does not wait for it. */
  warmUp(lookup?: ContentLookup): Promise<void> {
    return this.serial(async () => {
      const summaries = await this.index()
      const { table } = await this.indexes.loadGrades()
      // With the banks at hand, the first search is warm too: question texts indexed, sessions matched to grades.
      if (lookup) await prepareSearch(summaries, table, this.questionTexts, lookup, pacer(this.clock))
    })
  }

  // ---- issue-10: per-question attempts and last grade, for the Questions screen ----
  gradeStats(): Promise<Map<string, GradeStat>> {
    return this.serial(async () => {
      await this.index()
      return gradeStats((await this.indexes.loadGrades()).table, pacer(this.clock))
    })
  }

  count(): Promise<number> {
    return this.serial(async () => (await this.index()).size)
  }

  // ---- backup (issue #9) -----------------------------------------------------------------------
  /**
   * Runs `replace` (a restore swapping the history folder) with no store write or index read in
   * between, then drops what was read from the old folder: the indexes are read again from the new
   * one and reconciled with its sessions and undo bin on next use, as at start-up.
   */
  replaceFolder<T>(replace: () => Promise<T>): Promise<T> {
    return this.serial(async () => {
      try {
        return await replace()
      } finally {
        this.indexes.forgetAll()
        this.reconciled = false
      }
    })
  }

  // ---- deleting (Removal) -----------------------------------------------------------------------

  /** Moves a session to the undo bin; it can be restored for a day, across restarts. */
  delete(id: string, activeId: string | null): Promise<void> {
    return this.serial(() => this.removal.delete(id, activeId))
  }

  restore(id: string): Promise<SessionSummary> {
    return this.serial(() => this.removal.restore(id))
  }

  /** Deletes every finished session for good. The round in progress, if any, is kept. */
  clear(activeId: string | null): Promise<number> {
    return this.serial(() => this.removal.clear(activeId))
  }

  // ---- internals ---------------------------------------------------------------------------------

  /** Updates the derived indexes; a failure is reported and repaired by a later rebuild, never thrown. */
  private async derive(state: RoundState, gradesOf?: number): Promise<boolean> {
    try {
      await this.indexes.record(state, gradesOf)
      return true
    } catch (e) {
      this.indexes.forgetAll()
      this.log.add(
        this.indexes.indexFile,
        null,
        `The history index could not be updated (${errorText(e)}); it is rebuilt from the sessions.`
      )
      return false
    }
  }

  private async closeMarker(): Promise<void> {
    await this.indexes.flush()
    await rm(this.activeFile, { force: true })
    await fsyncDir(this.dir)
  }

  /** The summaries, reconciled once per run with the session files and the undo bin. */
  private async index(): Promise<SummaryList> {
    const list = await this.indexes.loadSummaries()
    if (this.reconciled) return list
    this.reconciled = true
    await this.recovery.reconcile(list, pacer(this.clock))
    return list
  }
}

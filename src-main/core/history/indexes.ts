import { stat } from 'node:fs/promises'
import { appendDurable, keepCopy, moveAside, writeFileAtomic, writeLinesAtomic } from '../fs/durable'
import { pacer, realPacerClock, type PacerClock } from '../fs/pacer'
import type { RoundState } from '../session/types'
import { GradeState, loadGradeState } from './grade-state'
import { errorText, HistoryError, isMissing, type ProblemLog } from './problems'
import type { StorageProblem } from './types'
import { encodeGradeLine, rebuildFromSessions, type SessionSource } from './rebuild'
import { gradeRecords, summarize } from './summary'
import { covers, coverageOf } from './snapshot-parts'
import { SummaryList } from './summary-list'
import { readSummarySnapshot, writeSummarySnapshot } from './summary-snapshot'
import { encodeDeletionLine, encodeIndexHeader, encodeSummaryLine, loadSummaryLog } from './summary-log'

export { INDEX_SCHEMA_VERSION, type GradeRecord } from './grade-state'
export { encodeDeletionLine, encodeIndexHeader, encodeSummaryLine, type IndexRecord } from './summary-log'
export { encodeGradeLine, type SessionSource } from './rebuild'

/** Index lines are flushed (fdatasync) in batches by flush(); a failed append is still cut back. */
const NO_SYNC = { sync: false }
/** Grades, and summary lines, read past their snapshot before it is written again. */
const SNAPSHOT_TAIL = 20_000
const LIST_TAIL = 1_000

/** Index files found damaged and not replaced yet, each with why (kept aside before its replacement lands). */
export type DamagedFiles = [file: string, why: string][]

/**
 * Runs a rebuild from the session files elsewhere (a worker thread), with the same code, writing the
 * same files; each problem it meets is passed to `report` as it is met, so none is lost if it fails.
 */
export type RebuildElsewhere = (damaged: DamagedFiles, report: (p: StorageProblem) => void) => Promise<void>

export interface IndexFiles {
  index: string
  grades: string
  /** The search snapshot (grade table and word index). */
  snapshot: string
  /** The list snapshot (summary columns). */
  list: string
  corrupt: string
}

/**
 * The derived indexes: `index.jsonl` (one summary per session change), `grades.jsonl` (one line per
 * grade, with its draft and note) and `search.jsonl` (a snapshot of the grade table and word index
 * over a prefix of the grade log). Append-only, streamed in and out in slices that leave the event
 * loop free, rebuilt from the sessions when missing or damaged. An index is never created empty
 * while sessions exist; a rebuild writes temp files and renames them at the end (a damaged file is
 * kept aside first). Callers serialise calls (HistoryStore's queue).
 */
export class HistoryIndexes {
  summaries: SummaryList | null = null
  /** Summary lines added since the list snapshot was read or written. */
  private unsavedSummaries = 0
  grades: GradeState | null = null
  /** review (issue #8): told after a rebuild from the session files (HistoryStore passes it on). */
  onRebuilt: (() => void) | null = null
  readonly indexFile: string
  readonly gradesFile: string
  /** Index files found damaged and not replaced yet (a rebuild keeps them aside, then replaces them). */
  readonly damaged = new Map<string, string>()
  /** True while the files a rebuild elsewhere wrote are loaded: a rebuild needed then is done here. */
  private loadingRebuilt = false
  /** The worker failed once in this run: later rebuilds are done here. */
  private elsewhereFailed = false

  constructor(
    private readonly files: IndexFiles,
    private readonly sessions: SessionSource,
    private readonly problems: ProblemLog,
    private readonly clock: PacerClock = realPacerClock,
    private readonly elsewhere: RebuildElsewhere | null = null
  ) {
    this.indexFile = files.index
    this.gradesFile = files.grades
  }

  /** Drops what is in memory; the next read loads the files again. */
  forgetAll(): void {
    this.summaries = this.grades = null
  }

  /** Adds what a session's new state says; the grade lines of `gradesOf` (all when undefined). */
  async record(state: RoundState, gradesOf?: number): Promise<void> {
    const grades = gradeRecords(state, gradesOf)
    if (grades.length && (await this.writable(this.gradesFile, state.id))) {
      const lines = grades.map(encodeGradeLine)
      let at = await appendDurable(this.gradesFile, lines.join(''), NO_SYNC)
      if (this.grades && at !== this.grades.bytes) this.grades = null // written behind our back: read again
      for (const [i, g] of grades.entries()) {
        const length = Buffer.byteLength(lines[i])
        await this.grades?.add(g, at, length)
        at += length
      }
    }
    const s = summarize(state)
    if (await this.writable(this.indexFile, state.id)) {
      await appendDurable(this.indexFile, encodeSummaryLine(s), NO_SYNC)
      this.summaries?.set(s)
      this.unsavedSummaries++
      this.grades?.table.setLive(s.id, true)
    }
  }

  async forget(id: string): Promise<void> {
    this.summaries?.delete(id)
    this.grades?.table.setLive(id, false)
    if (await this.exists(this.indexFile)) await appendDurable(this.indexFile, encodeDeletionLine(id), NO_SYNC)
  }

  async flush(): Promise<void> {
    for (const f of [this.indexFile, this.gradesFile]) if (await this.exists(f)) await appendDurable(f, '')
  }

  /** The summaries: the list snapshot and the index lines after it, or the whole index. */
  async loadSummaries(): Promise<SummaryList> {
    if (this.summaries) return this.summaries
    const pace = pacer(this.clock)
    const snap = await readSummarySnapshot(this.files.list, pace)
    const usable = snap.ok && (await covers(this.indexFile, snap.cover))
    const loaded = await loadSummaryLog(this.indexFile, pace, usable ? { list: snap.list, bytes: snap.cover.bytes } : undefined)
    if (!snap.ok && !snap.missing) await this.reportSnapshot(this.files.list, 'history list', snap.reason, 'the history index')
    if (loaded.ok) {
      this.summaries = loaded.list
      this.unsavedSummaries = loaded.tail
      if (!usable || loaded.tail > LIST_TAIL) await this.saveListSnapshot()
      return loaded.list
    }
    if (loaded.missing && !(await this.sessions.ids()).length) return (this.summaries = new SummaryList())
    if (loaded.why) this.damaged.set(this.indexFile, `The history index was ${loaded.why}`)
    return (await this.rebuild()).summaries
  }

  /** The grades (table and word index), loaded from the snapshot and the grade log after it. */
  async loadGrades(): Promise<GradeState> {
    if (this.grades) return this.grades
    const summaries = await this.loadSummaries()
    if (this.grades) return this.grades // loading the summaries rebuilt everything
    const pace = pacer(this.clock)
    let loaded
    try {
      loaded = await loadGradeState(this.gradesFile, this.files.snapshot, pace)
    } catch (e) {
      if (isMissing(e)) {
        if ((await this.sessions.ids()).length) return (await this.rebuild()).grades
        return (this.grades = new GradeState(this.gradesFile))
      }
      loaded = { ok: false as const, reason: `unreadable (${errorText(e)})` }
    }
    if (!loaded.ok) {
      this.damaged.set(this.gradesFile, `The grade index was ${loaded.reason}`)
      return (await this.rebuild()).grades
    }
    const { state } = loaded
    await state.markLive((id) => summaries.has(id), pace)
    this.grades = state
    if (loaded.snapshotProblem) await this.reportSnapshot(this.files.snapshot, 'search index', loaded.snapshotProblem, 'the grade log')
    if (!loaded.fromSnapshot) await this.saveSnapshot()
    else await this.checkpoint()
    return state
  }

  /** Saves the snapshots when much was added since (called at quiet moments: a round's end, a load). */
  async checkpoint(): Promise<void> {
    if (this.grades && this.grades.unsaved > SNAPSHOT_TAIL) await this.saveSnapshot()
    if (this.summaries && this.unsavedSummaries > LIST_TAIL) await this.saveListSnapshot()
  }

  /** Writes the list snapshot over the whole index as it is now; a failure is reported, never thrown. */
  async saveListSnapshot(): Promise<void> {
    if (!this.summaries) return
    try {
      const { size } = await stat(this.indexFile)
      await writeSummarySnapshot(this.files.list, this.summaries, await coverageOf(this.indexFile, size), pacer(this.clock))
      this.unsavedSummaries = 0
    } catch (e) {
      this.problems.add(
        this.files.list,
        null,
        `The history list could not be saved (${errorText(e)}); it is read from the index at the next start.`
      )
    }
  }

  private async reportSnapshot(file: string, what: string, why: string, from: string): Promise<void> {
    const keptAt = await keepCopy(file, this.files.corrupt, 'corrupt').catch(() => null)
    this.problems.add(file, keptAt, `The ${what} was damaged (${why}); it was kept aside and rebuilt from ${from}.`)
  }

  /** Writes the search snapshot; a failure is reported, never thrown (it is rebuilt next time). */
  async saveSnapshot(): Promise<void> {
    if (!this.grades) return
    try {
      await this.grades.save(this.files.snapshot, pacer(this.clock))
    } catch (e) {
      this.problems.add(
        this.files.snapshot,
        null,
        `The search index could not be saved (${errorText(e)}); it is rebuilt from the grade log at the next start.`
      )
    }
  }

  /**
   * Reads every session file once and writes both indexes and the snapshots anew. Only after loss
   * or damage. Done elsewhere when it can be (a worker thread: a rebuild of 100k sessions churns
   * the heap enough for collections that would stop the event loop), then loaded as at start-up;
   * here, in slices, when it cannot.
   */
  async rebuild(): Promise<{ summaries: SummaryList; grades: GradeState }> {
    if (this.loadingRebuilt) {
      this.elsewhereFailed = true // the worker's files did not load (it could not write them)
      return this.rebuildHere()
    }
    const out = (await this.rebuildElsewhere()) ?? (await this.rebuildHere())
    this.onRebuilt?.() // review (issue #8)
    return out
  }

  /** The rebuild in this thread, in slices of the clock's pacer (the worker's job runs this, unpaced). */
  async rebuildHere(): Promise<{ summaries: SummaryList; grades: GradeState }> {
    const { summaries, grades, gradeLines, summaryLines } = rebuildFromSessions(this.sessions, this.gradesFile, pacer(this.clock))
    await this.replace(this.gradesFile, gradeLines())
    await this.replace(this.indexFile, summaryLines())
    this.summaries = summaries
    this.grades = grades
    await this.saveSnapshot()
    await this.saveListSnapshot()
    return { summaries, grades }
  }

  /**
   * The rebuild in a worker, then an ordinary load of what it wrote; null when there is no worker.
   * Whatever the worker managed is on disk and reported, so the load finds what is left: a file it
   * could not replace is found damaged or missing again and rebuilt here (then the worker is not
   * asked again in this run: it failed once, and each retry would read every session twice).
   */
  private async rebuildElsewhere(): Promise<{ summaries: SummaryList; grades: GradeState } | null> {
    if (!this.elsewhere || this.elsewhereFailed) return null
    try {
      await this.elsewhere([...this.damaged], (p) => this.problems.add(p.file, p.keptAt, p.message))
    } catch (e) {
      // No worker (a packaging fault), or it died: what is left is rebuilt here, in slices.
      console.warn(`history: the rebuild worker failed (${errorText(e)}); rebuilding on the main thread`)
      this.elsewhereFailed = true
    }
    this.damaged.clear()
    this.forgetAll()
    this.loadingRebuilt = true
    try {
      const grades = await this.loadGrades() // the summaries first; a rebuild here, if needed, replaces both
      return { summaries: await this.loadSummaries(), grades }
    } finally {
      this.loadingRebuilt = false
    }
  }

  /** Empties both indexes (clear history), then records what is kept. */
  async reset(keep: RoundState | null): Promise<void> {
    await writeFileAtomic(this.indexFile, encodeIndexHeader())
    await writeFileAtomic(this.gradesFile, encodeIndexHeader())
    this.summaries = new SummaryList()
    this.grades = new GradeState(this.gradesFile)
    this.grades.bytes = Buffer.byteLength(encodeIndexHeader())
    if (keep) await this.record(keep)
    await this.saveSnapshot()
    await this.saveListSnapshot()
  }

  /** Writes a whole index; a damaged one is kept aside (a copy) before its replacement lands. */
  private async replace(file: string, pieces: AsyncIterable<string>): Promise<void> {
    let keptAt: string | null = null
    const why = this.damaged.get(file)
    if (why !== undefined) {
      const isDir = await stat(file).then(
        (i) => i.isDirectory(),
        () => false
      )
      keptAt = await (isDir ? moveAside(file, this.files.corrupt, 'not-a-file') : keepCopy(file, this.files.corrupt, 'corrupt')).catch(
        () => null
      )
    }
    try {
      await writeLinesAtomic(file, pieces)
    } catch (e) {
      // History is still listed from memory; the next start tries again.
      this.problems.add(file, keptAt, `The history index could not be written (${errorText(e)}); it is rebuilt again at the next start.`)
      return
    }
    if (this.damaged.delete(file)) this.problems.add(file, keptAt, `${why}; it was kept aside and rebuilt from the session files.`)
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
      if (file === this.gradesFile && this.grades) this.grades.bytes = Buffer.byteLength(encodeIndexHeader())
      return true
    }
    this.forgetAll()
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
}

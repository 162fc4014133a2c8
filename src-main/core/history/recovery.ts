import { readFile } from 'node:fs/promises'
import * as v from 'valibot'
import { moveAside, writeFileAtomic } from '../fs/durable'
import type { Pacer } from '../fs/pacer'
import type { RoundState } from '../session/types'
import type { HistoryIndexes } from './indexes'
import { errorText, HistoryError, isMissing, type ProblemLog } from './problems'
import { ActiveMarkerSchema } from './schema'
import type { SessionFiles } from './session-files'
import type { Trash } from './trash'
import type { SummaryList } from './summary-list'

export interface RecoveryDeps {
  activeFile: string
  corruptDir: string
  sessions: SessionFiles
  indexes: HistoryIndexes
  trash: Trash
  log: ProblemLog
  index(): Promise<SummaryList>
  derive(state: RoundState): Promise<boolean>
  closeMarker(): Promise<void>
}

/**
 * What start-up puts right after a crash: the round in progress (from `active.json`, or from the
 * sessions when the marker is unusable), and the index reconciled with the session files and the
 * undo bin (a crash between moving a file and writing the index, in either direction).
 */
export class Recovery {
  constructor(private readonly d: RecoveryDeps) {}

  async reconcile(map: SummaryList, pace: Pacer): Promise<void> {
    const files = new Set<string>()
    let n = 0
    for (const id of await this.d.sessions.ids()) {
      files.add(id)
      if ((++n & 0x3ff) === 0 && pace.due()) await pace.rest()
    }
    for (const id of [...map.keys()]) {
      if ((++n & 0x3ff) === 0 && pace.due()) await pace.rest()
      if (files.has(id)) continue
      // Deleted (a crash before the index heard of it), or gone.
      if (!(await this.d.trash.has(id))) {
        this.d.log.add(
          this.d.sessions.file(id),
          null,
          `Session ${id} was listed in history but its file is missing; it was removed from the list.`
        )
      }
      await this.d.indexes.forget(id)
    }
    for (const id of files) {
      if ((++n & 0x3ff) === 0 && pace.due()) await pace.rest()
      if (map.has(id)) continue
      // Restored (a crash before the index heard of it), or written while the index was missing.
      const state = await this.d.sessions.read(id).catch(() => null)
      if (state) await this.d.indexes.record(state)
    }
  }

  async findInterrupted(): Promise<RoundState | null> {
    let text: string
    try {
      text = await readFile(this.d.activeFile, 'utf8')
    } catch (e) {
      if (isMissing(e)) return null
      return this.scanAfter(`The marker of the round in progress cannot be read (${errorText(e)})`)
    }
    let marker: unknown
    try {
      marker = JSON.parse(text)
    } catch {
      marker = null
    }
    const parsed = v.safeParse(ActiveMarkerSchema, marker)
    if (!parsed.success) return this.scanAfter('The marker of the round in progress was damaged')
    let state: RoundState
    try {
      state = await this.d.sessions.read(parsed.output.sessionId)
    } catch (e) {
      if (!(e instanceof HistoryError)) throw e
      return this.scanAfter(`The round in progress (${parsed.output.sessionId}) could not be read`)
    }
    // The indexes may have missed the last records before the stop: derive them again from the file.
    const derived = await this.d.derive(state)
    if (state.status !== 'running') {
      if (derived) await this.d.closeMarker()
      return null
    }
    return state
  }

  /** Keeps the unusable marker aside, then finds the round in progress from the sessions. */
  private async scanAfter(why: string): Promise<RoundState | null> {
    const keptAt = await moveAside(this.d.activeFile, this.d.corruptDir, 'corrupt').catch(() => null)
    const summaries = await this.d.index()
    const running = [...summaries.values()].filter((s) => s.status === 'running').sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    for (const s of running) {
      const state = await this.d.sessions.read(s.id).catch(() => null)
      if (state?.status !== 'running') continue
      await writeFileAtomic(this.d.activeFile, JSON.stringify({ v: 1, sessionId: state.id })).catch(() => undefined)
      this.d.log.add(this.d.activeFile, keptAt, `${why}; it was kept aside, and the unfinished round was found from the session files.`)
      return state
    }
    this.d.log.add(this.d.activeFile, keptAt, `${why}; it was kept aside. No unfinished round was found.`)
    return null
  }
}

import { rm } from 'node:fs/promises'
import { fsyncDir } from '../fs/durable'
import type { RoundState } from '../session/types'
import type { HistoryIndexes } from './indexes'
import { HistoryError, type ProblemLog } from './problems'
import type { SessionFiles } from './session-files'
import { summarize } from './summary'
import type { SummaryList } from './summary-list'
import type { Trash } from './trash'
import type { SessionSummary } from './types'

export interface RemovalDeps {
  sessionsDir: string
  sessions: SessionFiles
  indexes: HistoryIndexes
  trash: Trash
  log: ProblemLog
  index(): Promise<SummaryList>
  /** Tells the observers of bulk changes (the review index). */
  changed(): void
}

/**
 * Deleting (to the undo bin), restoring and clearing sessions, and forgetting one whose file went
 * missing. The file moves first and the index follows; start-up reconciles a crash in between.
 * Callers run these on the store's queue.
 */
export class Removal {
  constructor(private readonly d: RemovalDeps) {}

  async delete(id: string, activeId: string | null): Promise<void> {
    if (id === activeId) throw new HistoryError('busy', 'This round is still in progress; end it before deleting it.')
    if (!(await this.d.index()).has(id)) throw new HistoryError('not-found', `Session ${id} is not in history.`)
    await this.d.trash.put(id, this.d.sessions.file(id))
    await fsyncDir(this.d.sessionsDir)
    await this.d.indexes.forget(id)
    await this.d.indexes.flush()
    this.d.changed()
  }

  async restore(id: string): Promise<SessionSummary> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !(await this.d.trash.has(id))) {
      throw new HistoryError('not-found', 'This session can no longer be restored.')
    }
    await this.d.trash.take(id, this.d.sessions.file(id))
    await fsyncDir(this.d.sessionsDir)
    const state = await this.d.sessions.read(id)
    await this.d.indexes.record(state)
    await this.d.indexes.flush()
    this.d.changed()
    return summarize(state)
  }

  /** Deletes every finished session for good; the round in progress, if any, is kept. */
  async clear(activeId: string | null): Promise<number> {
    const summaries = await this.d.index()
    let removed = 0
    for (const id of [...summaries.keys()]) {
      if (id === activeId) continue
      await rm(this.d.sessions.file(id), { force: true })
      removed++
    }
    const keep = activeId && summaries.has(activeId) ? await this.d.sessions.read(activeId).catch(() => null) : null
    await this.d.indexes.reset(keep)
    await this.d.trash.empty()
    this.d.changed()
    return removed
  }

  /** Reads a listed session; one whose file is missing or damaged leaves the list (and says so). */
  async readListed(id: string): Promise<RoundState> {
    try {
      return await this.d.sessions.read(id)
    } catch (e) {
      if (!(e instanceof HistoryError)) throw e
      const listed = (await this.d.index()).has(id)
      if (e.code === 'not-found' && listed) {
        if (!(await this.d.trash.has(id)))
          this.d.log.add(this.d.sessions.file(id), null, `Session ${id} is listed in history but its file is missing.`)
        await this.d.indexes.forget(id)
        this.d.changed()
        throw new HistoryError('not-found', `Session ${id} was not found; it has been removed from the list.`)
      }
      if (e.code === 'corrupt' && listed) {
        await this.d.indexes.forget(id)
        this.d.changed()
      }
      throw e
    }
  }
}

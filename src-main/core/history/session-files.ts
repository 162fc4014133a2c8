import { opendir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import * as v from 'valibot'
import { appendDurable, keepCopy, moveAside, TornAppendError, truncateTo, writeFileAtomic } from '../fs/durable'
import { decodeRecords, encodeRecord } from '../fs/records'
import { apply, initialState } from '../session/reducer'
import { StartRecordSchema } from '../session/schema'
import { SESSION_SCHEMA_VERSION, type RoundState, type SessionRecord, type StartRecord } from '../session/types'
import { errorText, HistoryError, isMissing, type ProblemLog } from './problems'
import type { QuestionSnapshots } from './snapshots'

const ID = /^[A-Za-z0-9_-]{1,64}$/
/** A session of 100 questions with long drafts is well under 2 MB; anything this big is not one of ours. */
export const MAX_SESSION_BYTES = 32 * 1024 * 1024

/**
 * Upgrades the records of an older session file to the current format. Format 1 is the first;
 * each later format adds a step here (n → n+1) and a test with a file of format n.
 */
export const SESSION_MIGRATIONS: Record<number, (records: SessionRecord[]) => SessionRecord[]> = {}

export function migrateSession(records: SessionRecord[]): SessionRecord[] {
  let out = records
  let version = out[0]?.t === 'start' ? out[0].v : SESSION_SCHEMA_VERSION
  while (version < SESSION_SCHEMA_VERSION) {
    const step = SESSION_MIGRATIONS[version]
    if (!step) throw new HistoryError('corrupt', `no migration from session format ${version}`)
    out = step(out)
    version++
  }
  return out
}

/**
 * The session journals, `sessions/<id>.jsonl`: the truth. One checksummed record per event, appended
 * and fdatasync'd before the caller hears back. A failed append is cut back before the next write.
 * A damaged file is read for every record that is intact; the original is kept in `corrupt/` and
 * the repaired copy written over it (copy first, replace second: the data exists at every moment).
 */
export class SessionFiles {
  /** Files whose last append failed and could not be cut back: the size to cut them to first. */
  private readonly cutBack = new Map<string, number>()

  constructor(
    readonly dir: string,
    private readonly corruptDir: string,
    private readonly snapshots: QuestionSnapshots,
    private readonly problems: ProblemLog
  ) {}

  file(id: string): string {
    if (!ID.test(id)) throw new HistoryError('not-found', `Invalid session id "${id}"`)
    return join(this.dir, `${id}.jsonl`)
  }

  /** The sessions on disk, read a few hundred names at a time (a folder of 100k is ~100 ms in one go). */
  async ids(): Promise<string[]> {
    const out: string[] = []
    for await (const entry of await opendir(this.dir, { bufferSize: 256 })) {
      if (entry.name.endsWith('.jsonl')) out.push(entry.name.slice(0, -'.jsonl'.length))
    }
    return out
  }

  async create(start: StartRecord): Promise<void> {
    await writeFileAtomic(this.file(start.id), encodeRecord(await this.snapshots.dehydrate(start)))
  }

  async append(id: string, record: SessionRecord): Promise<void> {
    const file = this.file(id)
    const size = this.cutBack.get(file)
    if (size !== undefined) {
      await truncateTo(file, size)
      this.cutBack.delete(file)
    }
    try {
      await appendDurable(file, encodeRecord(record))
    } catch (e) {
      if (e instanceof TornAppendError) this.cutBack.set(file, e.goodSize)
      throw e
    }
  }

  /** Reads one session; not-found without side effects; a file that cannot be a session is set aside. */
  async read(id: string): Promise<RoundState> {
    const file = this.file(id)
    let text: string
    try {
      const info = await stat(file)
      if (!info.isFile()) return await this.setAside(id, 'is not a file')
      if (info.size > MAX_SESSION_BYTES) return await this.setAside(id, `is too large (${info.size} bytes)`)
      text = await readFile(file, 'utf8')
    } catch (e) {
      if (e instanceof HistoryError) throw e
      if (isMissing(e)) throw new HistoryError('not-found', `Session ${id} was not found.`)
      return await this.setAside(id, `cannot be read (${errorText(e)})`, false)
    }
    const decoded = decodeRecords<SessionRecord>(text)
    const first = decoded.records[0]
    if (first?.t !== 'start') return await this.setAside(id, 'has no readable start record')
    if (typeof first.v === 'number' && first.v > SESSION_SCHEMA_VERSION) {
      return await this.setAside(id, `was written by a newer version of the app (format ${first.v})`, true, 'future-version')
    }
    if (!Array.isArray(first.questions) || !first.questions.every((q) => typeof q === 'object' && q !== null)) {
      return await this.setAside(id, 'has a start record without its questions')
    }
    let records: SessionRecord[]
    try {
      records = migrateSession(decoded.records)
    } catch (e) {
      return await this.setAside(id, `cannot be upgraded (${errorText(e)})`, true, 'future-version')
    }
    const hydrated = await this.snapshots.hydrate(records)
    const start = v.safeParse(StartRecordSchema, hydrated.records[0])
    if (!start.success)
      return await this.setAside(id, `has a damaged start record (${v.getDotPath(start.issues[0]) ?? ''} ${start.issues[0].message})`)
    if (hydrated.damaged.length) {
      this.problems.add(
        join(this.dir, '..', 'questions'),
        null,
        `Session ${id}: the saved text of ${hydrated.damaged.length} question(s) is missing or damaged (${hydrated.damaged.join(', ')}); a placeholder is shown for them, the rest of the session is intact.`
      )
    }
    let state = initialState(start.output as StartRecord)
    let skipped = 0
    for (const r of hydrated.records.slice(1)) {
      try {
        state = apply(state, r)
      } catch {
        skipped++
      }
    }
    if (decoded.badLines > 0) await this.repair(id, file, decoded.records, decoded.tornTail, decoded.badLines, text)
    if (skipped > 0) this.problems.add(file, null, `Session ${id}: ${skipped} record(s) did not fit the round and were ignored.`)
    return state
  }

  /** Keeps the damaged original aside, then writes the intact records over it. */
  private async repair(id: string, file: string, records: SessionRecord[], torn: boolean, bad: number, text: string): Promise<void> {
    const what = torn
      ? `Session ${id}: an incomplete last record (cut off by a crash) was dropped.`
      : `Session ${id}: ${bad} damaged line(s) were skipped; every intact record before and after them was kept.`
    let keptAt: string | null = null
    try {
      keptAt = await keepCopy(file, this.corruptDir, torn ? 'torn' : 'corrupt')
      await writeFileAtomic(file, records.map(encodeRecord).join(''))
      this.problems.add(file, keptAt, what)
    } catch (e) {
      // Nothing was replaced: the file stays as it was. A torn tail must not swallow the next record.
      if (torn) this.cutBack.set(file, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)))
      this.problems.add(file, keptAt, `${what} The repaired copy could not be written (${errorText(e)}); the file was left as it was.`)
    }
  }

  private async setAside(id: string, why: string, move = true, reason = 'corrupt'): Promise<never> {
    const file = this.file(id)
    let keptAt: string | null = null
    if (move) keptAt = await moveAside(file, this.corruptDir, reason).catch(() => null)
    this.problems.add(file, keptAt, `Session ${id} ${why}; it was ${keptAt ? 'set aside' : 'skipped'} and the rest of history is listed.`)
    throw new HistoryError('corrupt', `Session ${id} ${why}.`)
  }
}

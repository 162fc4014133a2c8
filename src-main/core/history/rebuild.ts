import type { Pacer } from '../fs/pacer'
import { encodeRecord } from '../fs/records'
import type { RoundState } from '../session/types'
import { GradeState } from './grade-state'
import { encodeIndexHeader, encodeSummaryLine } from './summary-log'
import { gradeRecords, summarize } from './summary'
import { SummaryList } from './summary-list'
import type { QuestionAttemptRecord } from './types'

/** Session files read ahead of the one being indexed. */
const READ_AHEAD = 8

export const encodeGradeLine = (g: QuestionAttemptRecord): string => encodeRecord({ k: 'g', ...g })

/** What the indexes need from the session journals to rebuild. */
export interface SessionSource {
  ids(): Promise<string[]>
  read(id: string): Promise<RoundState>
}

/**
 * Both indexes derived anew from the session journals, each session read once: `gradeLines()`
 * streams the grade log while it fills the summaries and the grade state (with the offsets its
 * lines will have), then `summaryLines()` streams the index. A file that cannot be read is skipped
 * (the reader sets it aside and reports it); the rest are listed.
 */
export function rebuildFromSessions(
  sessions: SessionSource,
  gradesFile: string,
  pace: Pacer
): { summaries: SummaryList; grades: GradeState; gradeLines(): AsyncGenerator<string>; summaryLines(): AsyncGenerator<string> } {
  const summaries = new SummaryList()
  const grades = new GradeState(gradesFile)
  async function* gradeLines(): AsyncGenerator<string> {
    const ids = await sessions.ids()
    const header = encodeIndexHeader()
    grades.bytes = Buffer.byteLength(header)
    yield header
    // A few files are read ahead, so the disk works while the last one is indexed (read one at a
    // time, a worker waited on the disk 40% of a rebuild); they are indexed in order all the same.
    const ahead = new Map<number, Promise<RoundState | null>>()
    const read = (id: string): Promise<RoundState | null> => sessions.read(id).catch(() => null)
    const readAhead = (i: number): void => void (i < ids.length && ahead.set(i, read(ids[i])))
    for (let i = 0; i < READ_AHEAD; i++) readAhead(i)
    for (const [done, id] of ids.entries()) {
      const state = await ahead.get(done)!
      ahead.delete(done)
      readAhead(done + READ_AHEAD)
      if (!state) continue
      summaries.set(summarize(state))
      grades.table.setLive(id, true)
      // Room for what the sessions read so far say the rest will bring: a few large copies, not
      // dozens (each new set of columns is external memory that sets off a full collection).
      const { table } = grades
      if (table.spare < 4096)
        await table.makeRoom(() => pace.rest(), Math.max(4096, Math.ceil((table.rows / (done || 1)) * (ids.length - done) * 1.05)))
      for (const g of gradeRecords(state)) {
        const line = encodeGradeLine(g)
        grades.addLoaded(g, grades.bytes, Buffer.byteLength(line)) // each session is read once: nothing to supersede
        yield line
      }
      if (pace.due()) await pace.rest()
    }
  }
  async function* summaryLines(): AsyncGenerator<string> {
    yield encodeIndexHeader()
    for (const s of summaries.values()) {
      yield encodeSummaryLine(s)
      if (pace.due()) await pace.rest()
    }
  }
  return { summaries, grades, gradeLines, summaryLines }
}

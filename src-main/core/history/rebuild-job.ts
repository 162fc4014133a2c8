import type { PacerClock } from '../fs/pacer'
import { HistoryIndexes, type DamagedFiles } from './indexes'
import { historyLayout } from './layout'
import { ProblemLog } from './problems'
import { SessionFiles } from './session-files'
import { QuestionSnapshots } from './snapshots'
import type { StorageProblem } from './types'

/** What the rebuild worker is given: the data folder, and the index files found damaged. */
export interface RebuildJob {
  dataDir: string
  damaged: DamagedFiles
}

/** A worker has no clock to keep: its work runs in one go (`due()` is never true). */
const UNPACED: PacerClock = { now: () => 0, rest: () => Promise.resolve() }

/**
 * A rebuild of the derived indexes from the session files, as the store does it (the same
 * HistoryIndexes.rebuildHere, the same files): the body of the rebuild worker. Damaged session
 * files are set aside and reported as on the main thread; each report goes to `report` at once.
 */
export async function runRebuildJob(job: RebuildJob, report: (p: StorageProblem) => void): Promise<void> {
  const layout = historyLayout(job.dataDir)
  const problems = new ProblemLog(report)
  const sessions = new SessionFiles(layout.sessions, layout.corrupt, new QuestionSnapshots(layout.questions), problems)
  const indexes = new HistoryIndexes(layout.indexFiles, sessions, problems, UNPACED)
  for (const [file, why] of job.damaged) indexes.damaged.set(file, why)
  await indexes.rebuildHere()
}

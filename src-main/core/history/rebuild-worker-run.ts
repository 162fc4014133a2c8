import { Worker } from 'node:worker_threads'
import type { RebuildDone } from './indexes'
import type { RebuildJob } from './rebuild-job'

/** The rebuild worker's script: the built `rebuild-worker.js` (a path or a file: URL), or a data: URL that loads it. */
export type WorkerScript = string | URL

/**
 * Runs a rebuild in a worker thread and resolves with its report once the worker has ended.
 * Rejects when the worker cannot start, throws, or ends without a report.
 */
export function runRebuildWorker(script: WorkerScript, job: RebuildJob): Promise<RebuildDone> {
  return new Promise((resolve, reject) => {
    let done: RebuildDone | null = null
    let failure: unknown = null
    const worker = new Worker(script, { workerData: job })
    worker.once('message', (m: RebuildDone) => (done = m))
    worker.once('error', (e) => (failure = e))
    worker.once('exit', (code) => {
      if (done && Array.isArray(done.problems) && Array.isArray(done.damaged)) resolve(done)
      else reject(failure ?? new Error(`The rebuild worker ended with no report (exit code ${code}).`))
    })
  })
}

import { Worker } from 'node:worker_threads'
import type { RebuildJob } from './rebuild-job'
import type { StorageProblem } from './types'

/** The rebuild worker's script: the built `rebuild-worker.js` (a path or a file: URL), or a data: URL that loads it. */
export type WorkerScript = string | URL

/** What the worker posts: each problem as it is met, then that it is done. */
export type WorkerMessage = { problem: StorageProblem } | { done: true }

/**
 * Runs a rebuild in a worker thread: each problem it meets goes to `report` as it arrives (so none
 * is lost if the worker dies later); resolves once it says it is done. Rejects when the worker cannot
 * start, throws, or ends without saying so.
 */
export function runRebuildWorker(script: WorkerScript, job: RebuildJob, report: (p: StorageProblem) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null
    const worker = new Worker(script, { workerData: job })
    worker.on('message', (m: WorkerMessage) => {
      if ('problem' in m) report(m.problem)
      else if (m.done) {
        resolve()
        void worker.terminate() // it ends by itself; nothing it left open may keep it (or the rebuild) waiting
      }
    })
    worker.once('error', (e) => (failure = e))
    worker.once('exit', (code) => reject(failure ?? new Error(`The rebuild worker ended before it was done (exit code ${code}).`)))
  })
}

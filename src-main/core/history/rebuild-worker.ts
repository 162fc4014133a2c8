/**
 * Entry of the rebuild worker thread (a second entry of the main-process build: out/main/rebuild-worker.js).
 * It runs one rebuild of the history indexes from the session files, posts each problem as it is
 * met, then that it is done.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runRebuildJob, type RebuildJob } from './rebuild-job'
import type { WorkerMessage } from './rebuild-worker-run'

const post = (m: WorkerMessage): void => parentPort?.postMessage(m)
await runRebuildJob(workerData as RebuildJob, (problem) => post({ problem }))
post({ done: true })

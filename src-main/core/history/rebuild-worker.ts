/**
 * Entry of the rebuild worker thread (a second entry of the main-process build: out/main/rebuild-worker.js).
 * It runs one rebuild of the history indexes from the session files and posts what it reports.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runRebuildJob, type RebuildJob } from './rebuild-job'

parentPort?.postMessage(await runRebuildJob(workerData as RebuildJob))

/**
 * The app's main process without a window, for the history bench (issue #12): the composition both
 * shells run (`createAppServices`), on a history folder, through its background warm-up (the history
 * indexes, then the review index), with the event loop sampled every millisecond. Prints one JSON
 * line: how long each stage took, the longest stall, and the memory after garbage collection.
 *
 * scripts/bench-app-probe.ts bundles this file with esbuild and runs the bundle with plain Node, as
 * the shipped main process is one bundle (no TypeScript loader in memory):
 *   node --expose-gc app.mjs DATA_DIR SETTINGS_DIR CONTENT_DIR REBUILD_WORKER
 * (REBUILD_WORKER: the bundled rebuild worker, as the shipped main process has it next to itself.)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Conf from 'conf'
import { createAppServices } from '../src-main/services'

const [dataDir, settingsDir, contentDir, historyWorker] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc
if (!dataDir || !settingsDir || !contentDir || !historyWorker || !gc) {
  console.error('usage: node --expose-gc app.mjs DATA_DIR SETTINGS_DIR CONTENT_DIR REBUILD_WORKER')
  process.exit(2)
}
const loop = monitorEventLoopDelay({ resolution: 1 })
loop.enable()
const t0 = performance.now()
const app = await createAppServices({
  dataDir,
  contentDir,
  version: 'bench',
  openSettingsFile: () => new Conf({ cwd: settingsDir, configName: 'settings', projectName: 'interview-drill-bench' }) as never,
  emit: () => undefined,
  warmUpDelayMs: 0, // the warm-up the app starts after its window is up, at once
  autoBackupDelayMs: null,
  historyWorker
})
const readyMs = performance.now() - t0
await app.history.warmUp()
const historyMs = performance.now() - t0
const { graded } = await app.review.service.overview() // waits for the review index the warm-up builds
const reviewMs = performance.now() - t0
loop.disable()
for (let i = 0; i < 3; i++) {
  gc()
  await new Promise((r) => setTimeout(r, 50))
}
const m = process.memoryUsage()
const ms = (ns: number): number => ns / 1e6
console.log(
  JSON.stringify({
    loadMs: t0, // performance.now() counts from the process's start: booting Node and loading the bundle
    readyMs,
    historyMs,
    reviewMs,
    graded,
    sessions: await app.history.count(),
    loop: { n: loop.count, p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers
  })
)
process.exit(0)

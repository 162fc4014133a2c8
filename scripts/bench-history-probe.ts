/**
 * Child process of the history bench (issue #12): a rebuild of the derived indexes from the session
 * files, the derived files already set aside by the caller, with the event loop sampled every
 * millisecond. Prints how long it took and the loop's delays as one JSON line (the caller can kill
 * it at its time limit). Run with `node --expose-gc --import tsx scripts/bench-history-probe.ts DIR rebuild`.
 * (The app's memory and warm-up are measured by bench-app-probe.ts, on the bundled app.)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { HistoryStore } from '../src-main/core/history/store'

const [dataDir, mode] = process.argv.slice(2)
if (!dataDir || mode !== 'rebuild') {
  console.error('usage: node --expose-gc --import tsx scripts/bench-history-probe.ts DATA_DIR rebuild')
  process.exit(2)
}
const h = monitorEventLoopDelay({ resolution: 1 })
const rebuilt = new HistoryStore(dataDir)
await rebuilt.open()
h.enable()
const t = performance.now()
await rebuilt.warmUp()
const ms = performance.now() - t
h.disable()
const p = (q: number): number => h.percentile(q) / 1e6
console.log(JSON.stringify({ ms, n: h.count, p50: p(50), p95: p(95), p99: p(99), max: h.max / 1e6, sessions: await rebuilt.count() }))
process.exit(0)

/**
 * Child process of the history bench (issue #12): a rebuild of the derived indexes from the session
 * files, the derived files already set aside by the caller, with the event loop sampled every
 * millisecond. Prints how long it took and the loop's delays as one JSON line (the caller can kill
 * it at its time limit). The rebuild runs in the rebuild worker, bundled as the shipped one is; the
 * main thread then loads what it wrote. Run with `node --expose-gc --import tsx scripts/bench-history-probe.ts DIR rebuild`.
 * (The app's memory and warm-up are measured by bench-app-probe.ts, on the bundled app.)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { HistoryStore } from '../src-main/core/history/store'
import { bundleForNode } from './bench-app-probe'

const [dataDir, mode] = process.argv.slice(2)
if (!dataDir || mode !== 'rebuild') {
  console.error('usage: node --expose-gc --import tsx scripts/bench-history-probe.ts DATA_DIR rebuild')
  process.exit(2)
}
const worker = await bundleForNode(join(import.meta.dirname, '../src-main/core/history/rebuild-worker.ts'), 'rebuild-worker')
// The row is the app's rebuild, in its worker: a fallback to the main thread is a failed row, not a figure.
console.warn = (...a: unknown[]): never => {
  throw new Error(`not the app's rebuild: ${a.join(' ')}`)
}
const h = monitorEventLoopDelay({ resolution: 1 })
const rebuilt = new HistoryStore(dataDir, undefined, worker)
await rebuilt.open()
h.enable()
const t = performance.now()
await rebuilt.warmUp()
const ms = performance.now() - t
h.disable()
rmSync(worker, { force: true })
if (rebuilt.problems.length) throw new Error(`the rebuild reported problems: ${rebuilt.problems.map((p) => p.message).join('; ')}`)
const p = (q: number): number => h.percentile(q) / 1e6
console.log(JSON.stringify({ ms, n: h.count, p50: p(50), p95: p(95), p99: p(99), max: h.max / 1e6, sessions: await rebuilt.count() }))
process.exit(0)

/**
 * Child process of the history bench (issue #12): loads a history folder the way the app's main
 * process does, collects garbage, and prints its memory as one JSON line, so that the bench's own
 * garbage does not count. Run with `node --expose-gc --import tsx scripts/bench-history-probe.ts DIR MODE`:
 *   MODE "store": new HistoryStore, open, warmUp, first page, one search, one question's attempts;
 *   MODE "idle":  the same modules imported, nothing loaded (the baseline);
 *   MODE "rebuild": warmUp with the derived files already set aside by the caller, the event loop
 *   sampled every millisecond; prints how long it took and the loop's delays (the caller can kill it).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { HistoryStore } from '../src-main/core/history/store'
import { historyQuery } from '../src-main/core/history/query'

const [dataDir, mode] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc
if (!dataDir || !gc) {
  console.error('usage: node --expose-gc --import tsx scripts/bench-history-probe.ts DATA_DIR store|idle')
  process.exit(2)
}
let store: HistoryStore | null = null
if (mode === 'rebuild') {
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
}
if (mode === 'store') {
  store = new HistoryStore(dataDir)
  await store.open()
  await store.warmUp()
  const lookup = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }
  const page = await store.list(historyQuery(), lookup)
  await store.list(historyQuery({ text: 'etcd' }), lookup)
  if (page.items[0]) await store.attempts((await store.read(page.items[0].id)).questions[0].questionId)
}
for (let i = 0; i < 3; i++) {
  gc()
  await new Promise((r) => setTimeout(r, 50))
}
const m = process.memoryUsage()
console.log(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external, sessions: store ? await store.count() : 0 }))

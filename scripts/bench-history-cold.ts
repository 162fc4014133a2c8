/**
 * The cold rows of the history bench (issue #12), run in a fresh child process
 * (scripts/bench-history-cold-child.ts) so that the bench's own heap (the baselines' arrays, the warm
 * store) does not put its garbage collections into the measured windows: cold loads of the derived
 * indexes and the first History page, each next to a plain streaming load; cold text searches next
 * to a scan of the grade log; the longest event-loop stall during a load and a search. Before each
 * measured load the heap is collected (outside the window), and no store outlives its own load.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { historyQuery } from '../src-main/core/history/query'
import { loadPlain, plainPage, readSessionFile, scanSearch } from './bench-history-baselines'
import { seeded, type HistoryBench } from './bench-history-context'
import { paired, progress, stats, type Stats } from './bench-stats'
import { loopDelayDuring } from './bench-stall'

type Timed = { ms: number; delay: Stats }

export async function coldLoadRows(ctx: HistoryBench): Promise<void> {
  const { H, coldN, gc, rows, coldLoad, measure, row, stallRow } = ctx
  await measure('cold load of the derived indexes', '< 2 s', async () => {
    const loads: number[] = []
    const base: number[] = []
    let worst: Timed | null = null
    let worstBase: Timed | null = null
    for (let i = 0; i < coldN; i++) {
      gc()
      const r = await loopDelayDuring(coldLoad) // the loaded store is dropped here
      gc()
      const b = await loopDelayDuring(() => loadPlain(H))
      // Each load's own figures on stderr: one noisy load on a shared machine shows as one line, not a trend.
      progress(
        `  load ${i + 1}: ${r.ms.toFixed(0)} ms, stall ${r.delay.max.toFixed(1)} ms; plain ${b.ms.toFixed(0)} ms, stall ${b.delay.max.toFixed(1)} ms`
      )
      loads.push(r.ms)
      base.push(b.ms)
      if (!worst || r.delay.max > worst.delay.max) worst = r
      if (!worstBase || b.delay.max > worstBase.delay.max) worstBase = b
    }
    rows.push(
      row(
        'cold load of derived indexes (new store, warmUp; folder warmed once)',
        stats(loads),
        'stream + parse index and grade log',
        stats(base).p50,
        '< 2 s',
        2000
      )
    )
    rows.push(
      stallRow(
        '  longest event-loop stall during that cold load',
        worst!.delay,
        'stall during the plain streaming load',
        worstBase!.delay,
        worst!.ms
      )
    )
  })
}

/** Cold, the page waits for the list to load: the goal for cold loads is 2 s at 100k (100 ms is for warm). */
export async function coldPageRow(ctx: HistoryBench): Promise<void> {
  const { H, coldN, gc, rows, lookup, fresh, measure, row } = ctx
  const q0 = historyQuery()
  await measure('first History page, cold', '< 2 s (a cold load)', async () => {
    const a: number[] = []
    const b: number[] = []
    for (let i = 0; i < coldN; i++) {
      gc()
      let t = performance.now()
      await (await fresh()).list(q0, lookup)
      a.push(performance.now() - t)
      gc()
      t = performance.now()
      plainPage((await loadPlain(H, { grades: false })).summaries, q0)
      b.push(performance.now() - t)
    }
    rows.push(
      row(
        'first History page, cold (new store, first list)',
        stats(a),
        'stream index + filter/sort/page',
        stats(b).p50,
        '< 2 s (a cold load)',
        2000
      )
    )
  })
}

/** A scan of the grade log with the store's search semantics: how long, and how many sessions match. */
export interface Scan {
  ms: number
  found: number
}

/** Text search on a new store (it loads the grades), next to a scan of the grade log; returns the scan. */
export async function coldSearchRow(ctx: HistoryBench, what: string, text: string): Promise<Scan | null> {
  const { H, large, gc, rows, lookup, fresh, loaded, measure, row } = ctx
  const n = large ? 1 : 3
  let scan: Scan | null = null
  await measure(`text search "${text}" (${what}), cold`, '', async () => {
    const ms: number[] = []
    let found = 0
    for (let i = 0; i < n; i++) {
      gc()
      const t = performance.now()
      found = (await scanSearch(join(H, 'grades.jsonl'), text, lookup.questionText)).size
      ms.push(performance.now() - t)
    }
    scan = { ms: stats(ms).p50, found }
    loaded() // a search loads the grades
    const a: number[] = []
    for (let i = 0; i < n; i++) {
      gc()
      const t = performance.now()
      await (await fresh()).list(historyQuery({ text }), lookup)
      a.push(performance.now() - t)
    }
    const name = `text search "${text}" (${what}), cold (new store)`
    rows.push({ ...row(name, stats(a), scanName(found), scan.ms, '', Infinity), pass: true })
  })
  return scan
}

export const scanName = (found: number): string => `scan of the grade log on disk (${found} sessions)`

export async function searchStallRow(ctx: HistoryBench): Promise<void> {
  const { H, gc, rows, lookup, fresh, loaded, measure, stallRow } = ctx
  await measure('longest event-loop stall during a search', 'max < 50 ms', async () => {
    loaded()
    const s = await fresh()
    gc()
    const r = await loopDelayDuring(async () => {
      await s.list(historyQuery({ text: 'etcd' }), lookup)
      await s.list(historyQuery({ text: 'thrott' }), lookup)
    })
    gc()
    const b = await loopDelayDuring(() => scanSearch(join(H, 'grades.jsonl'), 'etcd', lookup.questionText))
    rows.push(
      stallRow(
        'longest event-loop stall during a search (cold store: "etcd", then "thrott")',
        r.delay,
        'stall during the plain scan',
        b.delay,
        r.ms
      )
    )
  })
}

/** Opening a session needs no index: random session files (seeded), each read, verified and replayed by a new store, next to a plain read. */
export async function openSessionRow(ctx: HistoryBench): Promise<void> {
  const { H, warm, rows, fresh, measure, row } = ctx
  await measure('open one session', '< 100 ms', async () => {
    const sessionIds = (await readdir(join(H, 'sessions'))).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length))
    const s = await fresh()
    const pick = seeded(11)
    const ids = Array.from({ length: 2 * warm.max }, () => sessionIds[Math.floor(pick() * sessionIds.length)])
    const r = await paired(
      (i) => s.read(ids[2 * i]),
      (i) => readSessionFile(H, ids[2 * i + 1]),
      warm
    )
    rows.push(
      row(
        'open one session (random ids: read, verify, replay)',
        stats(r.a),
        'readFile + decode of a random session file',
        stats(r.b).p50,
        '< 100 ms',
        100
      )
    )
  })
}

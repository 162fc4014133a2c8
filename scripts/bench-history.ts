/**
 * History rows of `npm run bench` (issue #12) at `--sessions N`: each store measure next to a plain
 * baseline of the same work measured in the same run (scripts/bench-history-baselines.ts): loading,
 * the History page, attempts and one session here; search in bench-history-search.ts; the clock,
 * memory and rebuild in bench-history-clock.ts. The cold and clock rows are measured in a fresh child
 * process (bench-history-cold*.ts) and placed here in their usual order. A measure that throws (the store of before #12 fails
 * at 100k with "Invalid string length") is a failed row, not a crash.
 */
import { historyQuery } from '../src-main/core/history/query'
import type { HistoryStore } from '../src-main/core/history/store'
import type { HistoryQuery } from '../src-main/core/history/types'
import { loadPlain, plainAttempts, plainPage } from './bench-history-baselines'
import { runCold } from './bench-history-cold-run'
import { clockRows } from './bench-history-clock'
import { historyBench, seeded, type HistoryBenchInput } from './bench-history-context'
import { searchRows } from './bench-history-search'
import { paired, progress, stats, type Row } from './bench-stats'
import { loopDelayDuring } from './bench-stall'

export type { HistoryBenchInput } from './bench-history-context'

export async function benchHistory(input: HistoryBenchInput): Promise<Row[]> {
  const ctx = historyBench(input)
  const { H, banks, warm, rows, lookup, fresh, coldLoad, loadWarm, warmStore, measure, row } = ctx
  // ---- loading -----------------------------------------------------------------------------------
  progress('history: plain streaming load (baseline; also warms the page cache)')
  const firstPlain = await loopDelayDuring(() => loadPlain(H))
  await measure('first load after generation (new store: open + warmUp; writes any missing derived file)', '< 2 s', async () => {
    const r = await loopDelayDuring(coldLoad)
    rows.push({
      ...row(
        'first load after generation (open + warmUp; writes missing derived files)',
        { n: 1, p50: r.ms, max: r.ms },
        'stream + parse index and grade log',
        firstPlain.ms,
        '',
        Infinity
      ),
      pass: true,
      note: `longest stall ${r.delay.max.toFixed(0)} ms`
    })
  })
  // The cold and clock rows run in a fresh child process, before this one holds the baselines' arrays
  // and the warm store (about 1.5 GB at 100k sessions), whose garbage collections would land in them.
  const cold = await runCold(input)
  rows.push(...cold.groups.load, ...cold.groups.page)
  progress("history: plain streaming load (the warm rows' baseline data)")
  const plain = await loadPlain(H)
  const live = new Set(plain.summaries.map((s) => s.id))

  // ---- the History page --------------------------------------------------------------------------
  const q0 = historyQuery()
  await loadWarm()
  // The History page needs only the summaries: when the full warm-up failed, a store that listed
  // once (as the app's first History visit does) still answers pages, and the row says so.
  let pageStore: { store: HistoryStore; note?: string } | null = null
  const pages = async (): Promise<{ store: HistoryStore; note?: string }> => {
    if (pageStore) return pageStore
    try {
      return (pageStore = { store: warmStore() })
    } catch (e) {
      const s = await fresh()
      await s.list(q0, lookup)
      return (pageStore = { store: s, note: `summaries only: ${e instanceof Error ? e.message : String(e)}` })
    }
  }
  const pageRow = async (name: string, q: HistoryQuery): Promise<void> =>
    measure(name, '< 100 ms', async () => {
      const { store, note: why } = await pages()
      const got = await store.list(q, lookup)
      const want = plainPage(plain.summaries, q)
      const same = got.total === want.total && got.items.map((s) => s.id).join() === want.ids.join()
      const r = await paired(
        () => store.list(q, lookup),
        () => plainPage(plain.summaries, q),
        warm
      )
      const note = [
        same ? `${got.total} sessions, same page as the baseline` : `DIFFERS from the baseline: ${got.total} vs ${want.total} sessions`,
        why
      ]
        .filter(Boolean)
        .join('; ')
      rows.push(row(name, stats(r.a), `Array filter + sort + page of ${plain.summaries.length}`, stats(r.b).p50, '< 100 ms', 100, note))
    })
  await pageRow('first History page, warm', q0)
  await pageRow(
    'filtered + sorted page (topics, min score, status; by score asc, 2nd page)',
    historyQuery({ topics: ['etcd', 'dns'], minRating: 3, statuses: ['finished'], sort: { key: 'averageRating', dir: 'asc' }, offset: 25 })
  )

  await searchRows(ctx, cold)

  // ---- attempts and sessions ---------------------------------------------------------------------
  const pool = banks.flatMap((b) => b.questions.map((q) => q.id))
  await measure('attempts of one question', '< 100 ms', async () => {
    const pick = seeded(7)
    const qs = Array.from({ length: warm.max }, () => pool[Math.floor(pick() * pool.length)])
    const want = plainAttempts(plain.grades, qs[0], live).length
    const got = (await warmStore().attempts(qs[0])).length
    const r = await paired(
      (i) => warmStore().attempts(qs[i]),
      (i) => plainAttempts(plain.grades, qs[i], live),
      warm
    )
    const note = got === want ? `${got} attempts of the first, as the baseline` : `DIFFERS: ${got} attempts vs ${want}`
    rows.push(
      row(
        'attempts of one question (random questions)',
        stats(r.a),
        `Array filter + sort of ${plain.grades.length} grades`,
        stats(r.b).p50,
        '< 100 ms',
        100,
        note
      )
    )
  })
  rows.push(...cold.groups.open)
  rows.push(...cold.groups.expiry)
  await clockRows(ctx)
  return rows
}

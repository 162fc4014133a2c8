/**
 * What the history rows of the bench share (issue #12): the folder, how many samples a size allows,
 * the content lookup, fresh and cold-loaded stores, the warm store, the row builders and the probe
 * child process (scripts/bench-history-probe.ts).
 */
import { join } from 'node:path'
import type { Bank } from '../src-main/core/bank/types'
import { HistoryStore } from '../src-main/core/history/store'
import type { ContentLookup } from '../src-main/core/history/types'
import { runChild } from './bench-child'
import { failedRow, progress, tail, type Row, type SampleOptions, type Stats } from './bench-stats'

export interface HistoryBenchInput {
  dataDir: string
  banks: Bank[]
  sessionIds: string[]
  sessions: number
  /** An empty folder for the round engine's own history (expiry rows). */
  engineDir: string
}

/** A deterministic pick, so two runs ask the same questions of the same sessions. */
export const seeded = (seed: number) => (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32

export interface HistoryBench extends HistoryBenchInput {
  /** The history folder inside dataDir. */
  H: string
  /** Over 20,000 sessions: fewer cold samples, longer warm budgets. */
  large: boolean
  coldN: number
  warm: SampleOptions
  rows: Row[]
  lookup: ContentLookup
  /** A new store, opened (nothing loaded). */
  fresh(): Promise<HistoryStore>
  /** A new store after warmUp; after one failure, every call throws at once. */
  coldLoad(): Promise<HistoryStore>
  /** Throws when a full load failed before (for measures that load everything another way). */
  loaded(): void
  loadWarm(): Promise<unknown>
  /** The store the warm rows use; throws the error of its load when it could not load. */
  warmStore(): HistoryStore
  child<T>(mode: string, timeoutMs?: number): Promise<T>
  /** A full garbage collection where Node runs with --expose-gc (the cold child), else nothing. */
  gc(): void
  /** Runs one measure; a throw becomes a failed row. */
  measure(name: string, goal: string, fn: () => Promise<void>): Promise<void>
  row(name: string, s: Stats, baselineName: string, baseline: number, goal: string, limit: number, note?: string): Row
  stallRow(name: string, d: Stats, baselineName: string, b: Stats, ms: number): Row
}

export function historyBench(input: HistoryBenchInput): HistoryBench {
  const { dataDir, banks, sessions } = input
  const H = join(dataDir, 'history')
  const large = sessions > 20_000
  /** Cold measures (each a new store) per size; warm ones run for a time budget, 100 samples give a p95. */
  const coldN = large ? 2 : 5
  const warm: SampleOptions = { min: 20, max: 200, budgetMs: large ? 15_000 : 4000 }
  const rows: Row[] = []
  const textOf = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q.text] as const)))
  const lookup: ContentLookup = { questionText: (id: string) => textOf.get(id), bankTitle: (): undefined => undefined }
  const fresh = async (): Promise<HistoryStore> => {
    const s = new HistoryStore(dataDir)
    await s.open()
    return s
  }
  // A store that failed to load once (the store of before #12 at 100k: "Invalid string length",
  // after minutes) is not loaded again: the later rows that need a full load fail with that error.
  let loadFailure: string | null = null
  const loaded = (): void => {
    if (loadFailure) throw new Error(`not retried: ${loadFailure}`)
  }
  const coldLoad = async (): Promise<HistoryStore> => {
    loaded()
    try {
      const s = await fresh()
      await s.warmUp()
      return s
    } catch (e) {
      loadFailure ??= e instanceof Error ? e.message : String(e)
      throw e
    }
  }
  let store: HistoryStore | null = null
  let storeError: unknown = 'not loaded yet'
  /** Loads the store the warm rows use; a failure is kept and each warm row fails with it. */
  const loadWarm = (): Promise<unknown> =>
    coldLoad().then(
      (s) => (store = s),
      (e) => (storeError = e)
    )
  const warmStore = (): HistoryStore => {
    if (!store) throw new Error(`the store did not load: ${storeError instanceof Error ? storeError.message : String(storeError)}`)
    return store
  }
  /** Runs scripts/bench-history-probe.ts in a child process and returns its JSON line. */
  const child = <T>(mode: string, timeoutMs = 0): Promise<T> =>
    runChild<T>(join(import.meta.dirname, 'bench-history-probe.ts'), [dataDir, mode], timeoutMs)
  const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined)
  const measure = async (name: string, goal: string, fn: () => Promise<void>): Promise<void> => {
    progress(`history: ${name}`)
    try {
      await fn()
    } catch (e) {
      rows.push(failedRow(name, goal, e))
      progress(`  failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  /** A row judged on the highest percentile its samples carry. */
  const row = (name: string, s: Stats, baselineName: string, baseline: number, goal: string, limit: number, note?: string): Row => {
    const t = tail(s)
    return {
      measure: name,
      ...s,
      baselineName,
      baseline,
      goal,
      pass: t.value < limit,
      note: [note, `judged on ${t.name}`].filter(Boolean).join('; ')
    }
  }
  const stallRow = (name: string, d: Stats, baselineName: string, b: Stats, ms: number): Row => ({
    measure: name,
    ...d,
    baselineName,
    baseline: b.max,
    ratio: b.max > 0 ? `max ${(d.max / b.max).toFixed(1)}×` : '',
    goal: 'max < 50 ms',
    pass: d.max < 50,
    note: `loop sampled every 1 ms over ${(ms / 1000).toFixed(1)} s`
  })

  return { ...input, H, large, coldN, warm, rows, lookup, fresh, coldLoad, loaded, loadWarm, warmStore, child, gc, measure, row, stallRow }
}

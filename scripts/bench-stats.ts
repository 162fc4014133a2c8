/**
 * The rows of `npm run bench` and the statistics behind them: percentiles only where the samples
 * can carry them (p95 from 100 samples, p99 from 1,000), paired sampling so that a measure and its
 * baseline see the same machine, and the table / JSON output.
 */
import { writeFileSync } from 'node:fs'

export interface Row {
  measure: string
  /** How many samples the percentiles come from. */
  n: number
  p50: number
  p95?: number
  p99?: number
  max?: number
  baselineName: string
  baseline: number
  /** How this row compares with its baseline, when p50/baseline is not the right reading. */
  ratio?: string
  goal: string
  pass: boolean
  /** Why the row could not be measured (the row then fails). */
  error?: string
  note?: string
}

export const MIN_P95 = 100
export const MIN_P99 = 1000

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)
const at = (s: number[], p: number): number => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]

/** Any percentile, whatever the count (for goals judged on p50, or internal use). */
export const pct = (xs: number[], p: number): number => at(sorted(xs), p)

export interface Stats {
  n: number
  p50: number
  p95?: number
  p99?: number
  max: number
}

/** p50 and max always; p95 only from 100 samples, p99 only from 1,000. */
export function stats(xs: number[]): Stats {
  const s = sorted(xs)
  return {
    n: s.length,
    p50: at(s, 50),
    p95: s.length >= MIN_P95 ? at(s, 95) : undefined,
    p99: s.length >= MIN_P99 ? at(s, 99) : undefined,
    max: s[s.length - 1]
  }
}

/** The highest percentile the samples carry ("p95" from 100, "max" below): what a tail goal is judged on. */
export function tail(s: Stats): { name: string; value: number } {
  if (s.p99 !== undefined) return { name: 'p99', value: s.p99 }
  if (s.p95 !== undefined) return { name: 'p95', value: s.p95 }
  return { name: 'max', value: s.max }
}

export interface SampleOptions {
  /** Always at least this many. */
  min: number
  /** Never more. */
  max: number
  /** Stop after this much time once `min` is reached. */
  budgetMs: number
}

/**
 * Runs `a` and `b` alternately (so both see the same load on a shared machine) until the budget is
 * spent, and returns the durations of each.
 */
export async function paired(
  a: (i: number) => unknown,
  b: ((i: number) => unknown) | null,
  opts: SampleOptions
): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] }
  const start = performance.now()
  for (let i = 0; i < opts.max && (i < opts.min || performance.now() - start < opts.budgetMs); i++) {
    let t = performance.now()
    await a(i)
    out.a.push(performance.now() - t)
    if (!b) continue
    t = performance.now()
    await b(i)
    out.b.push(performance.now() - t)
  }
  return out
}

/** A row for a measure that threw: it fails, with the error in its place. */
export function failedRow(measure: string, goal: string, e: unknown): Row {
  const error = e instanceof Error ? e.message : String(e)
  return { measure, n: 0, p50: NaN, baselineName: '', baseline: NaN, goal, pass: false, error }
}

const started = performance.now()
/** Progress on stderr, so that stdout keeps only the table. */
export const progress = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`)
}

const f = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '' : n < 10 ? n.toFixed(2) : n.toFixed(1))

export function printTable(header: string, rows: Row[]): void {
  console.log(`\n${header}\n`)
  console.log('| measure | n | p50 ms | p95 ms | p99 ms | max ms | baseline | baseline ms | ratio | goal | ok |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |')
  for (const r of rows) {
    const ratio =
      r.ratio ?? (Number.isNaN(r.baseline) || r.baseline <= 0 || Number.isNaN(r.p50) ? '' : `${(r.p50 / r.baseline).toFixed(1)}×`)
    const dash = (v: number | undefined, need: number): string => (v !== undefined ? f(v) : r.n > 0 && r.n < need ? '—' : '')
    const what = r.error ? `${r.measure} — FAILED: ${r.error}` : r.note ? `${r.measure} (${r.note})` : r.measure
    const ok = r.goal ? (r.pass ? 'yes' : 'NO') : ''
    console.log(
      `| ${what} | ${r.n || ''} | ${f(r.p50)} | ${dash(r.p95, MIN_P95)} | ${dash(r.p99, MIN_P99)} | ${f(r.max)} | ${r.baselineName} | ${f(r.baseline)} | ${ratio} | ${r.goal} | ${ok} |`
    )
  }
}

export function writeJson(file: string, meta: Record<string, unknown>, rows: Row[]): void {
  const clean = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : Math.round(v * 100) / 100)
  const out = rows.map((r) => ({
    ...r,
    p50: clean(r.p50),
    p95: clean(r.p95),
    p99: clean(r.p99),
    max: clean(r.max),
    baseline: clean(r.baseline)
  }))
  writeFileSync(file, JSON.stringify({ ...meta, rows: out }, null, 2) + '\n')
}

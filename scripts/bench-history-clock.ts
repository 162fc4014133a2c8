/**
 * Clock, memory and rebuild rows of the history bench (issue #12): the real engine's expiry lateness
 * during cold history loads next to a bare timer's (run in the cold child process), the app's main
 * process through its warm-up (memory, time, stalls; bundled, in a child process: bench-app-probe.ts),
 * and a rebuild from the session files (in a child process,
 * with a time limit; its baseline reads random session files for at most a minute and scales up).
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { loadPlain, readSomeSessionFiles } from './bench-history-baselines'
import type { HistoryBench } from './bench-history-context'
import { MIN_P99, stats, type Stats } from './bench-stats'
import { probeApp, type AppProbe } from './bench-app-probe'
import { bareTimer, engineTimer, latenessDuring } from './bench-stall'

/** The rebuild's baseline reads session files for at most this long, then scales to all of them. */
const READ_BUDGET_MS = 60_000

export async function expiryRows(ctx: HistoryBench): Promise<void> {
  const { H, banks, gc, rows, coldLoad, measure } = ctx
  await measure('expiry lateness during a cold history load', 'p99 ≤ 2× baseline', async () => {
    const probe = await engineTimer(ctx.engineDir, banks)
    await latenessDuring(() => new Promise((r) => setTimeout(r, 400)), probe, { minSamples: 0, maxLoads: 1, budgetMs: 0 }) // warm-up: JIT, files
    // Loads are quick (about 1.5 s at 100k, 0.15 s at 1k, each after a collection): enough of them
    // for 1,000 expiries within loads (the goal is on p99), or two minutes.
    const plan = { minSamples: 1000, maxLoads: 5000, budgetMs: 120_000, before: gc }
    // The loop's longest stall over the loads, not over the collections between them.
    const loop = monitorEventLoopDelay({ resolution: 1 })
    const late = stats(await latenessDuring(coldLoad, probe, { ...plan, before: () => (loop.disable(), gc(), loop.enable()) }))
    loop.disable()
    const bare = stats(await latenessDuring(() => loadPlain(H), bareTimer, plan))
    // For reading: a bare timer during the store's own load shows how much of the lateness is the loop's.
    const bareInStore = stats(await latenessDuring(coldLoad, bareTimer, plan))
    const [a, b] =
      late.n >= 1000 && bare.n >= 1000
        ? [late.p99!, bare.p99!]
        : late.n >= 100 && bare.n >= 100
          ? [late.p95!, bare.p95!]
          : [late.max, bare.max]
    const which = late.n >= 1000 && bare.n >= 1000 ? 'p99' : late.n >= 100 && bare.n >= 100 ? 'p95' : 'max'
    rows.push({
      measure: 'expiry lateness during cold history loads (real RoundEngine)',
      ...late,
      baselineName: `bare setTimeout during the plain streaming load (n ${bare.n}, ${which} ${b.toFixed(1)} ms)`,
      baseline: bare.p50,
      ratio: `${which} ${(a / b).toFixed(1)}×`,
      goal: 'p99 ≤ 2× baseline p99',
      pass: late.n >= 20 && a <= 2 * b,
      note:
        late.n < 20
          ? `only ${late.n} expiries fell within the loads: too few to judge (fails)`
          : which === 'p99'
            ? undefined
            : `fewer than 1,000 expiries: judged on ${which}; longest loop stall meanwhile ${(loop.max / 1e6).toFixed(0)} ms`
    })
    rows.push({
      measure: '  bare setTimeout lateness during the same cold store loads (for reading: the loop, not the engine)',
      ...bareInStore,
      baselineName: '',
      baseline: NaN,
      goal: '',
      pass: true
    })
  })
}

export async function clockRows(ctx: HistoryBench): Promise<void> {
  const { H, sessions, sessionIds, rows, loaded, child, measure, row, stallRow } = ctx
  // ---- the app's main process through its warm-up, bundled, in a child process -------------------
  await measure('the app after loading the history', 'RSS < 400 MB', async () => {
    loaded() // the app loads as the store does
    const empty = mkdtempSync(join(tmpdir(), 'idrill-bench-empty-'))
    const idle = await probeApp(empty, 120_000).finally(() => rmSync(empty, { recursive: true, force: true }))
    const used = await probeApp(ctx.dataDir, Math.max(300_000, 10 * sessions))
    if (used.sessions !== sessions) throw new Error(`the app lists ${used.sessions} sessions, not ${sessions}`)
    const mb = (b: number): string => `${Math.round(b / 1e6)} MB`
    const idleMem = `RSS ${mb(idle.rss)}, heapUsed ${mb(idle.heapUsed)}`
    rows.push({
      measure: `main-process memory after loading ${sessions} sessions, history and review warm (the app bundled, child, after GC): RSS ${mb(used.rss)}, heapUsed ${mb(used.heapUsed)}, array buffers ${mb(used.arrayBuffers)}`,
      n: 1,
      p50: NaN,
      baselineName: `the same app on an empty data folder: ${idleMem}`,
      baseline: NaN,
      ratio: `+${mb(used.rss - idle.rss)}`,
      goal: 'RSS < 400 MB',
      pass: used.rss < 400e6
    })
    rows.push({
      ...row(
        `the app's warm-up after start-up: history indexes, then review (${used.graded} grades)`,
        { n: 1, p50: used.reviewMs, max: used.reviewMs },
        'the same app on an empty data folder',
        idle.reviewMs,
        '',
        Infinity,
        `bundle loaded ${used.loadMs.toFixed(0)} ms after the process started, then ready in ${used.readyMs.toFixed(0)} ms, history warm at ${used.historyMs.toFixed(0)} ms, review at ${used.reviewMs.toFixed(0)} ms`
      ),
      pass: true
    })
    rows.push(
      stallRow(
        '  longest event-loop stall from start-up through that warm-up',
        loopStats(used.loop),
        'the same app on an empty data folder',
        loopStats(idle.loop),
        used.reviewMs
      )
    )
  })

  // ---- rebuild: the derived files set aside, then warmUp, in a child process with a time limit ---
  await measure('rebuild from the session files', 'max < 50 ms', async () => {
    const derived = ['index.jsonl', 'grades.jsonl'].map((f) => join(H, f)).filter(existsSync)
    for (const f of derived) renameSync(f, `${f}.bench-aside`)
    const limitMs = Math.max(180_000, 3 * sessions)
    let r: Stats & { ms: number }
    try {
      r = await child<Stats & { ms: number }>('rebuild', limitMs)
    } finally {
      // Leave the folder usable: the set-aside files go back when the rebuild did not write new ones.
      for (const f of derived)
        if (existsSync(f)) rmSync(`${f}.bench-aside`, { force: true })
        else renameSync(`${f}.bench-aside`, f)
    }
    const d: Stats = { n: r.n, p50: r.p50, p95: r.n >= 100 ? r.p95 : undefined, p99: r.n >= 1000 ? r.p99 : undefined, max: r.max }
    const b = await readSomeSessionFiles(H, sessionIds, READ_BUDGET_MS)
    const name = `rebuild of the derived indexes from ${sessions} session files (child process; the rebuild in its worker thread, then a load)`
    const all = b.read === sessionIds.length
    const what = all
      ? 'every session file'
      : `${b.read.toLocaleString('en-US')} random session files (of ${sessionIds.length.toLocaleString('en-US')})`
    const baseName = `readFile + decode of ${what}${all ? '' : `, scaled to all (${b.perFile.toFixed(2)} ms a file × ${sessionIds.length})`}`
    const base = b.perFile * sessionIds.length
    rows.push({ ...row(name, { n: 1, p50: r.ms, max: r.ms }, baseName, base, '', Infinity), pass: true })
    rows.push(stallRow('  longest event-loop stall during that rebuild', d, `stall while reading ${what}`, b.delay, r.ms))
  })
}

/** The probe's loop figures as the bench's stats: p99 only from 1,000 samples. */
const loopStats = (l: AppProbe['loop']): Stats => ({ n: l.n, p50: l.p50, p99: l.n >= MIN_P99 ? l.p99 : undefined, max: l.max })

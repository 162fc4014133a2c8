/**
 * History rows of `npm run bench` (issue #12) at `--sessions N`: each store measure next to a plain
 * baseline of the same work measured in the same run (scripts/bench-history-baselines.ts), the
 * event-loop stalls and expiry lateness while history loads (scripts/bench-stall.ts), and the memory
 * of a child process that loaded the history (scripts/bench-history-probe.ts). A measure that throws
 * (the store of before #12 fails at 100k with "Invalid string length") is a failed row, not a crash.
 */
import { execFile } from 'node:child_process'
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
import type { Bank } from '../src-main/core/bank/types'
import { historyQuery } from '../src-main/core/history/query'
import { HistoryStore } from '../src-main/core/history/store'
import type { HistoryQuery } from '../src-main/core/history/types'
import { loadPlain, plainAttempts, plainPage, readSessionFile, scanSearch, type PlainGrade } from './bench-history-baselines'
import { failedRow, paired, progress, stats, tail, type Row, type Stats } from './bench-stats'
import { bareTimer, engineTimer, latenessDuring, loopDelayDuring } from './bench-stall'
import { GENERIC_WORDS, questionVocabulary } from './synthetic-history'

export interface HistoryBenchInput {
  dataDir: string
  banks: Bank[]
  sessionIds: string[]
  sessions: number
  /** An empty folder for the round engine's own history (expiry rows). */
  engineDir: string
}

/** A deterministic pick, so two runs ask the same questions of the same sessions. */
const seeded = (seed: number) => (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32

/** A word of exactly one question's answer and of no question text or generic word: a rare search term. */
function rareWord(banks: Bank[]): string {
  const questions = banks.flatMap((b) => b.questions)
  const seen = new Map<string, number>()
  for (const q of questions) for (const w of questionVocabulary(q)) seen.set(w, (seen.get(w) ?? 0) + 1)
  const texts = questions.map((q) => q.text.toLowerCase()).join(' ')
  const rare = [...seen].filter(([w, n]) => n === 1 && w.length >= 8 && !GENERIC_WORDS.includes(w) && !texts.includes(w))
  return rare.map(([w]) => w).sort()[0] ?? 'kubelet'
}

export async function benchHistory(input: HistoryBenchInput): Promise<Row[]> {
  const { dataDir, banks, sessionIds, sessions } = input
  const H = join(dataDir, 'history')
  const large = sessions > 20_000
  const coldN = large ? 2 : 5
  const warm = { min: 20, max: 200, budgetMs: large ? 8000 : 4000 }
  const rows: Row[] = []
  const textOf = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q.text] as const)))
  const lookup = { questionText: (id: string) => textOf.get(id), bankTitle: (): undefined => undefined }
  const fresh = async (): Promise<HistoryStore> => {
    const s = new HistoryStore(dataDir)
    await s.open()
    return s
  }
  const coldLoad = async (): Promise<HistoryStore> => {
    const s = await fresh()
    await s.warmUp()
    return s
  }
  /** Runs scripts/bench-history-probe.ts in a child process and returns its JSON line. */
  const child = async <T>(mode: string, timeoutMs = 0): Promise<T> => {
    const script = join(import.meta.dirname, 'bench-history-probe.ts')
    const args = ['--expose-gc', '--import', 'tsx', script, dataDir, mode]
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20, timeout: timeoutMs }).catch(
      (e: { stderr?: string; message: string; killed?: boolean }) => {
        if (e.killed) throw new Error(`did not finish within ${Math.round(timeoutMs / 1000)} s (stopped)`)
        throw new Error(`child process failed: ${(e.stderr ?? e.message).trim().split('\n').filter(Boolean).slice(-1)[0]}`)
      }
    )
    return JSON.parse(stdout.trim().split('\n').pop()!) as T
  }
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

  // ---- loading -----------------------------------------------------------------------------------
  let plain: { summaries: import('../src-main/core/history/types').SessionSummary[]; grades: PlainGrade[] } = { summaries: [], grades: [] }
  progress('history: plain streaming load (baseline; also warms the page cache)')
  const firstPlain = await loopDelayDuring(async () => (plain = await loadPlain(H)))
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
  await measure('cold load of the derived indexes', '< 2 s', async () => {
    const loads: number[] = []
    const base: number[] = []
    let worst: { ms: number; delay: Stats } | null = null
    let worstBase: { ms: number; delay: Stats } | null = null
    for (let i = 0; i < coldN; i++) {
      const r = await loopDelayDuring(coldLoad)
      const b = await loopDelayDuring(() => loadPlain(H))
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
  const live = new Set(plain.summaries.map((s) => s.id))

  // ---- the History page --------------------------------------------------------------------------
  const q0 = historyQuery()
  await measure('first History page, cold', '< 100 ms', async () => {
    const r = await paired(
      async () => (await fresh()).list(q0, lookup),
      () => loadPlain(H, { grades: false }).then((p) => plainPage(p.summaries, q0)),
      { min: coldN, max: coldN, budgetMs: 0 }
    )
    rows.push(
      row(
        'first History page, cold (new store, first list)',
        stats(r.a),
        'stream index + filter/sort/page',
        stats(r.b).p50,
        '< 100 ms',
        100
      )
    )
  })
  let store: HistoryStore | null = null
  let storeError: unknown = null
  await coldLoad().then(
    (s) => (store = s),
    (e) => (storeError = e)
  )
  /** The warm store; when it could not load, each warm row fails with that error. */
  const warmStore = (): HistoryStore => {
    if (!store) throw new Error(`the store did not load: ${storeError instanceof Error ? storeError.message : String(storeError)}`)
    return store
  }
  const pageRow = async (name: string, q: HistoryQuery): Promise<void> =>
    measure(name, '< 100 ms', async () => {
      const got = await warmStore().list(q, lookup)
      const want = plainPage(plain.summaries, q)
      const same = got.total === want.total && got.items.map((s) => s.id).join() === want.ids.join()
      const r = await paired(
        () => warmStore().list(q, lookup),
        () => plainPage(plain.summaries, q),
        warm
      )
      const note = same
        ? `${got.total} sessions, same page as the baseline`
        : `DIFFERS from the baseline: ${got.total} vs ${want.total} sessions`
      rows.push(row(name, stats(r.a), `Array filter + sort + page of ${plain.summaries.length}`, stats(r.b).p50, '< 100 ms', 100, note))
    })
  await pageRow('first History page, warm', q0)
  await pageRow(
    'filtered + sorted page (topics, min score, status; by score asc, 2nd page)',
    historyQuery({ topics: ['etcd', 'dns'], minRating: 3, statuses: ['finished'], sort: { key: 'averageRating', dir: 'asc' }, offset: 25 })
  )

  // ---- text search -------------------------------------------------------------------------------
  const terms: [string, string][] = [
    ['a common word', 'etcd'],
    ['a rare word', rareWord(banks)],
    ['a prefix', 'thrott']
  ]
  const gradesFile = join(H, 'grades.jsonl')
  const scans = new Map<string, { ms: number[]; found: number }>()
  for (const [what, text] of terms) {
    const ms: number[] = []
    let found = 0
    for (let i = 0; i < (large ? 1 : 3); i++) {
      const t = performance.now()
      found = (await scanSearch(gradesFile, text, lookup.questionText)).size
      ms.push(performance.now() - t)
    }
    scans.set(text, { ms, found })
    const base = stats(ms).p50
    const baseName = `scan of the grade log on disk (${found} sessions)`
    await measure(`text search "${text}" (${what}), cold`, '', async () => {
      const r = await paired(async () => (await fresh()).list(historyQuery({ text }), lookup), null, {
        min: large ? 1 : 3,
        max: large ? 1 : 3,
        budgetMs: 0
      })
      rows.push({ ...row(`text search "${text}" (${what}), cold (new store)`, stats(r.a), baseName, base, '', Infinity), pass: true })
    })
    await measure(`text search "${text}" (${what}), warm`, '< 100 ms', async () => {
      const total = (await warmStore().list(historyQuery({ text }), lookup)).total
      const r = await paired(() => warmStore().list(historyQuery({ text }), lookup), null, warm)
      const note = total === found ? `${total} sessions, as the baseline` : `${total} sessions; baseline semantics find ${found}`
      rows.push(row(`text search "${text}" (${what}), warm`, stats(r.a), baseName, base, '< 100 ms', 100, note))
    })
  }
  await measure('longest event-loop stall during a search', 'max < 50 ms', async () => {
    const s = await fresh()
    const r = await loopDelayDuring(async () => {
      await s.list(historyQuery({ text: 'etcd' }), lookup)
      await s.list(historyQuery({ text: 'thrott' }), lookup)
    })
    const b = await loopDelayDuring(() => scanSearch(gradesFile, 'etcd', lookup.questionText))
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
  await measure('open one session', '< 100 ms', async () => {
    const s = await coldLoad()
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

  // ---- the clock during a cold load ----------------------------------------------------------------
  await measure('expiry lateness during a cold history load', 'p99 ≤ 2× baseline', async () => {
    const probe = await engineTimer(input.engineDir, banks)
    await latenessDuring(() => new Promise((r) => setTimeout(r, 400)), probe, { minSamples: 0, maxLoads: 1, budgetMs: 0 }) // warm-up: JIT, files
    const plan = { minSamples: 100, maxLoads: large ? coldN : 40, budgetMs: large ? 0 : 20_000 }
    const late = stats(await latenessDuring(coldLoad, probe, plan))
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
            : `fewer than 1,000 expiries: judged on ${which}`
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

  // ---- memory, in a child process ----------------------------------------------------------------
  await measure('memory after loading the history', 'RSS < 400 MB', async () => {
    const idle = await child<{ rss: number; heapUsed: number }>('idle')
    const used = await child<{ rss: number; heapUsed: number }>('store')
    const mb = (b: number): string => `${Math.round(b / 1048576)} MB`
    rows.push({
      measure: `main-process memory after loading ${sessions} sessions (child, after GC): RSS ${mb(used.rss)}, heapUsed ${mb(used.heapUsed)}`,
      n: 1,
      p50: NaN,
      baselineName: `same process, nothing loaded: RSS ${mb(idle.rss)}, heapUsed ${mb(idle.heapUsed)}`,
      baseline: NaN,
      ratio: `+${mb(used.rss - idle.rss)}`,
      goal: 'RSS < 400 MB',
      pass: used.rss < 400 * 1048576
    })
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
      for (const f of derived) if (!existsSync(f)) renameSync(`${f}.bench-aside`, f) // leave the folder usable
    }
    const d: Stats = { n: r.n, p50: r.p50, p95: r.n >= 100 ? r.p95 : undefined, p99: r.n >= 1000 ? r.p99 : undefined, max: r.max }
    const b = await loopDelayDuring(async () => {
      for (const id of sessionIds) await readSessionFile(H, id)
    })
    const name = `rebuild of the derived indexes from ${sessions} session files (child process)`
    rows.push({ ...row(name, { n: 1, p50: r.ms, max: r.ms }, 'readFile + decode of every session file', b.ms, '', Infinity), pass: true })
    rows.push(stallRow('  longest event-loop stall during that rebuild', d, 'stall while reading every session file', b.delay, r.ms))
  })
  return rows
}

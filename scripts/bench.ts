/**
 * npm run bench — measures the round timer and the history store on this machine, each next to a
 * baseline measured in the same run, and prints one table. Options: --sessions N (default 10000).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Conf from 'conf'
import { loadBankLibrary } from '../src-main/core/bank/library'
import { HistoryStore } from '../src-main/core/history/store'
import { historyQuery } from '../src-main/core/history/query'
import { systemClock, type Clock } from '../src-main/core/session/clock'
import { RoundEngine } from '../src-main/core/session/engine'
import type { RoundSetup } from '../src-main/core/session/types'
import type { KeyValueFile } from '../src-main/core/settings'
import { createAppServices } from '../src-main/services'
import { generateHistory } from './synthetic-history'
import { benchLibrary } from './bench-library' // issue-10
import { benchReview } from './bench-review' // review (issue #8)

const { values } = parseArgs({ options: { sessions: { type: 'string' }, expiries: { type: 'string' } } })
const SESSIONS = Number(values.sessions ?? 10_000)
const EXPIRIES = Number(values.expiries ?? 240)
const CONTENT = join(import.meta.dirname, '..', 'content', 'banks')
const { banks } = await loadBankLibrary(CONTENT)
const temp = (): string => mkdtempSync(join(tmpdir(), 'idrill-bench-'))
const cleanup: string[] = []

interface Row {
  measure: string
  p50: number
  p95: number
  p99?: number
  baselineName: string
  baseline: number
  /** How this row compares with its baseline, when p50/baseline is not the right reading. */
  ratio?: string
  goal: string
  pass: boolean
}
const rows: Row[] = []

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}
async function sample(n: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}
const setup = (o: Partial<RoundSetup> = {}): RoundSetup => ({
  bankIds: [],
  topics: [],
  difficulties: [],
  questionCount: 1,
  secondsPerQuestion: 60,
  order: 'random',
  totalMinutes: null,
  allowOvertime: false,
  ...o
})
const query = historyQuery
const noContent = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }
const openSettings = (dir: string) => () => new Conf({ cwd: dir, configName: 'settings', projectName: 'bench' }) as unknown as KeyValueFile

// ---- 1. How late the expiry event fires ------------------------------------------------------
{
  const delays = Array.from({ length: EXPIRIES }, (_, i) => 20 + (i % 4) * 10) // 20–50 ms deadlines
  const bareTimer = (d: number): Promise<number> =>
    new Promise<number>((resolve) => {
      const due = performance.now() + d
      setTimeout(() => resolve(performance.now() - due), d)
    })
  // The real engine on the real clock and a real history folder; only the deadlines are short.
  let deadline = 0
  const clock: Clock = {
    ...systemClock,
    setTimer: (ms, fn) => ((deadline = performance.now() + Math.max(0, ms)), systemClock.setTimer(ms, fn))
  }
  const dir = temp()
  cleanup.push(dir)
  const store = new HistoryStore(dir)
  await store.open()
  let fired: ((late: number) => void) | null = null
  const engine = new RoundEngine({
    log: store,
    clock,
    banks: () => banks,
    emit: (e) => e.type === 'expired' && fired?.(performance.now() - deadline)
  })
  // Engine expiries and bare timers alternate, so that both see the same machine (GC, disk, load).
  const late: number[] = []
  const bare: number[] = []
  // The first 20 of each are warm-up (JIT, file cache) and not counted.
  for (const [n, d] of [...delays.slice(0, 20), ...delays].entries()) {
    const counted = n >= 20
    const got = new Promise<number>((resolve) => (fired = resolve))
    const v = await engine.start(setup({ secondsPerQuestion: d / 1000 }))
    const lateness = await got
    await new Promise((r) => setTimeout(r, 2)) // the reveal is written after the event
    await engine.end({ roundId: v.id })
    const bareLateness = await bareTimer(d)
    if (counted) {
      late.push(lateness)
      bare.push(bareLateness)
    }
  }
  const p50 = pct(late, 50)
  const p99 = pct(late, 99)
  const ratio = `p50 ${(p50 / pct(bare, 50)).toFixed(1)}×, p99 ${(p99 / pct(bare, 99)).toFixed(1)}×`
  rows.push({
    measure: `expiry event lateness (${EXPIRIES} expiries)`,
    p50,
    p95: pct(late, 95),
    p99,
    baselineName: 'bare setTimeout, same delays',
    baseline: pct(bare, 50),
    ratio,
    goal: 'p99 ≤ 2× baseline p99',
    pass: p99 <= 2 * pct(bare, 99)
  })
  rows.push({
    measure: '  bare setTimeout lateness (baseline)',
    p50: pct(bare, 50),
    p95: pct(bare, 95),
    p99: pct(bare, 99),
    baselineName: '',
    baseline: NaN,
    goal: '',
    pass: true
  })
}

// ---- 2. A large history ------------------------------------------------------------------------
const big = temp()
cleanup.push(big)
const genStart = performance.now()
const generated = await generateHistory(big, banks, { sessions: SESSIONS, questionsPerSession: 20 })
const genMs = performance.now() - genStart
const empty = temp()
cleanup.push(empty)

{
  const cold = async (dataDir: string): Promise<number> => {
    const t = performance.now()
    await createAppServices({
      dataDir,
      contentDir: CONTENT,
      version: 'bench',
      openSettingsFile: openSettings(dataDir),
      emit: () => undefined,
      warmUpDelayMs: null // measured on their own below
    })
    return performance.now() - t
  }
  await cold(empty)
  const withHistory = await sample(15, () => cold(big))
  const without = await sample(15, () => cold(empty))
  rows.push({
    measure: `start-up to ready, ${SESSIONS} sessions`,
    p50: pct(
      withHistory.map((x) => x),
      50
    ),
    p95: pct(withHistory, 95),
    baselineName: 'start-up, empty history',
    baseline: pct(without, 50),
    goal: '< 100 ms',
    pass: pct(withHistory, 95) < 100
  })
}

{
  const indexBytes = readFileSync(join(big, 'history', 'index.jsonl'), 'utf8')
  const parseAll = (): unknown => indexBytes.split('\n').map((l) => (l ? JSON.parse(l.slice(9)) : null))
  const firstPage = await sample(10, async () => {
    const store = new HistoryStore(big)
    await store.open()
    return store.list(query(), noContent)
  })
  const baseline = await sample(10, parseAll)
  rows.push({
    measure: 'first page of history (cold: reads the index)',
    p50: pct(firstPage, 50),
    p95: pct(firstPage, 95),
    baselineName: 'JSON.parse of the index lines',
    baseline: pct(baseline, 50),
    goal: '< 100 ms',
    pass: pct(firstPage, 95) < 100
  })

  const store = new HistoryStore(big)
  await store.open()
  await store.list(query(), noContent)
  const all = (await store.list(query({ limit: SESSIONS }), noContent)).items
  const filtered = await sample(30, () =>
    store.list(
      query({ topics: ['etcd', 'dns'], minRating: 3, statuses: ['finished'], sort: { key: 'averageRating', dir: 'asc' } }),
      noContent
    )
  )
  const filterBaseline = await sample(30, () =>
    all
      .filter((s) => s.topics.includes('etcd') && (s.averageRating ?? 0) >= 3)
      .sort((a, b) => (a.averageRating ?? 0) - (b.averageRating ?? 0))
  )
  rows.push({
    measure: 'filtered + sorted query (topic, score, status)',
    p50: pct(filtered, 50),
    p95: pct(filtered, 95),
    baselineName: `bare Array.filter+sort of ${SESSIONS}`,
    baseline: pct(filterBaseline, 50),
    goal: '< 100 ms',
    pass: pct(filtered, 95) < 100
  })

  const gradesBytes = readFileSync(join(big, 'history', 'grades.jsonl'), 'utf8')
  const textOf = new Map(banks.flatMap((b) => b.questions.map((q) => [q.id, q.text] as const)))
  const coldSearch = await sample(1, () =>
    store.list(query({ text: 'conntrack' }), { ...noContent, questionText: (id: string) => textOf.get(id) })
  )
  const search = await sample(20, () =>
    store.list(query({ text: 'remember vxlan' }), { ...noContent, questionText: (id: string) => textOf.get(id) })
  )
  const searchBaseline = await sample(20, () => gradesBytes.toLowerCase().includes('remember vxlan'))
  rows.push({
    measure: `text search, ${generated.grades} grades (warm; cold first: ${coldSearch[0].toFixed(0)} ms)`,
    p50: pct(search, 50),
    p95: pct(search, 95),
    baselineName: 'String.includes over grade log',
    baseline: pct(searchBaseline, 50),
    goal: '< 100 ms',
    pass: pct(search, 95) < 100
  })

  const ids = generated.sessionIds
  const fresh = new HistoryStore(big)
  await fresh.open()
  const openOne = await sample(50, () => fresh.read(ids[Math.floor(Math.random() * ids.length)]))
  const oneFile = join(big, 'history', 'sessions', `${ids[0]}.jsonl`)
  const openBaseline = await sample(50, () =>
    readFileSync(oneFile, 'utf8')
      .split('\n')
      .map((l) => (l ? JSON.parse(l.slice(9)) : null))
  )
  rows.push({
    measure: 'open one session (read, verify, replay)',
    p50: pct(openOne, 50),
    p95: pct(openOne, 95),
    baselineName: 'readFile + JSON.parse of it',
    baseline: pct(openBaseline, 50),
    goal: '< 100 ms',
    pass: pct(openOne, 95) < 100
  })
}

{
  // A grade through the real engine into the 10,000-session history: on disk (fdatasync) before it returns.
  const services = await createAppServices({
    dataDir: big,
    contentDir: CONTENT,
    version: 'bench',
    openSettingsFile: openSettings(big),
    emit: () => undefined,
    warmUpDelayMs: null
  })
  const engine = services.rounds
  const v = await engine.start(setup({ questionCount: 100, secondsPerQuestion: 3600, order: 'as-written' }))
  const grades: number[] = []
  for (let i = 0; i < 100; i++) {
    await engine.reveal({ roundId: v.id })
    const t = performance.now()
    await engine.grade({ roundId: v.id, index: i, rating: 4, keyPoints: [0], note: 'bench' })
    grades.push(performance.now() - t)
    if (i < 99) await engine.next({ roundId: v.id })
  }
  await engine.end({ roundId: v.id })
  const syncFile = join(big, 'fsync-probe')
  const { appendDurable } = await import('../src-main/core/fs/durable')
  const fsyncs = await sample(100, () => appendDurable(syncFile, 'x'.repeat(200) + '\n'))
  rows.push({
    measure: 'grade durable on disk (engine → fdatasync)',
    p50: pct(grades, 50),
    p95: pct(grades, 95),
    baselineName: 'bare append + fdatasync',
    baseline: pct(fsyncs, 50),
    goal: 'p95 < 20 ms',
    pass: pct(grades, 95) < 20
  })
}

// ---- issue-10: importing a large collection, searching 10,000 questions ------------------------
rows.push(...(await benchLibrary(pct)))
// ---- export + backup (issue #9) --------------------------------------------------------------
{
  const { toCsv } = await import('../src-main/core/export/csv')
  const { sessionsJson } = await import('../src-main/core/export/json')
  const { buildScorecard } = await import('../src-main/core/export/scorecard')
  const { exportProgress } = await import('../src-main/core/export/formats')
  const { createBackup } = await import('../src-main/core/backup/create')
  const { cp } = await import('node:fs/promises')
  const store = new HistoryStore(big)
  await store.open()
  const ids = generated.sessionIds.slice(-1000)
  const states: Awaited<ReturnType<HistoryStore['read']>>[] = []
  for (const id of ids) states.push(await store.read(id))
  const opts = { drafts: true, answers: false }
  const stringify = await sample(5, () => JSON.stringify(states))
  const csv = await sample(5, () => toCsv(states.map((st) => buildScorecard(st, opts))))
  const json = await sample(5, () =>
    sessionsJson(
      states.map((st) => buildScorecard(st, opts)),
      'bench'
    )
  )
  for (const [measure, xs] of [
    [`export ${ids.length} sessions to CSV (scorecards + RFC 4180 + formula guard)`, csv],
    [`export ${ids.length} sessions to JSON (scorecards, versioned document)`, json]
  ] as const) {
    rows.push({
      measure,
      p50: pct(xs, 50),
      p95: pct(xs, 95),
      baselineName: 'JSON.stringify of the same replayed sessions',
      baseline: pct(stringify, 50),
      goal: '≤ 5× baseline',
      pass: pct(xs, 50) <= 5 * pct(stringify, 50)
    })
  }
  const job = { check: (): void => undefined, progress: (): void => undefined }
  const readAll = await sample(3, async () => {
    const fresh = new HistoryStore(big)
    for (const id of ids) await fresh.read(id)
  })
  const pdf = await sample(3, () => {
    const fresh = new HistoryStore(big)
    return exportProgress({
      ids,
      read: (id) => fresh.read(id),
      range: { from: null, to: null, lastN: ids.length },
      format: 'pdf',
      appVersion: 'bench',
      review: null,
      job
    })
  })
  rows.push({
    measure: `progress report PDF over ${ids.length} sessions (read, replay, chart, PDF)`,
    p50: pct(pdf, 50),
    p95: pct(pdf, 95),
    baselineName: `reading + replaying the same ${ids.length} sessions`,
    baseline: pct(readAll, 50),
    goal: '< 10 s',
    pass: pct(pdf, 95) < 10_000
  })
  const out = temp()
  cleanup.push(out)
  let n = 0
  const backup = await sample(3, () => createBackup(big, join(out, `b${n++}.tar.gz`), { appVersion: 'bench' }))
  const copy = await sample(3, async () => {
    const to = join(out, `copy${n++}`)
    await cp(join(big, 'history', 'sessions'), join(to, 'sessions'), { recursive: true })
    await cp(join(big, 'history', 'questions'), join(to, 'questions'), { recursive: true })
  })
  rows.push({
    measure: `backup of the ${SESSIONS}-session history (sha256 + tar + gzip)`,
    p50: pct(backup, 50),
    p95: pct(backup, 95),
    baselineName: 'bare copy of the same files (fs.cp)',
    baseline: pct(copy, 50),
    goal: '≤ 10× baseline',
    pass: pct(backup, 50) <= 10 * pct(copy, 50)
  })
}
// ---- end export + backup ------------------------------------------------------------------------
// ---- review (issue #8): rows from scripts/bench-review.ts on the same synthetic history ----
rows.push(...(await benchReview(big, banks)))

for (const d of cleanup) rmSync(d, { recursive: true, force: true })

const f = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '' : n < 10 ? n.toFixed(2) : n.toFixed(1))
console.log(
  `\nInterview Drill benchmarks — ${new Date().toISOString()} — node ${process.version}, ${SESSIONS} synthetic sessions / ${generated.grades} grades generated in ${(genMs / 1000).toFixed(1)} s\n`
)
console.log('| measure | p50 ms | p95 ms | p99 ms | baseline | baseline p50 ms | ratio | goal | ok |')
console.log('| --- | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |')
for (const r of rows) {
  const ratio = r.ratio ?? (Number.isNaN(r.baseline) || r.baseline <= 0 ? '' : `${(r.p50 / r.baseline).toFixed(1)}×`)
  console.log(
    `| ${r.measure} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.baselineName} | ${f(r.baseline)} | ${ratio} | ${r.goal} | ${r.goal ? (r.pass ? 'yes' : 'NO') : ''} |`
  )
}

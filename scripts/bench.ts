/**
 * npm run bench — measures the round timer and the history store on this machine, each next to a
 * baseline measured in the same run, and prints one table. Progress goes to stderr.
 * Options: --sessions N (default 10000), --expiries N (1000), --json out.json (the rows, for notes),
 * --only timer,startup,history,grade,library,export,review (default: all sections).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Conf from 'conf'
import { loadBankLibrary } from '../src-main/core/bank/library'
import { HistoryStore } from '../src-main/core/history/store'
import { systemClock, type Clock } from '../src-main/core/session/clock'
import { RoundEngine } from '../src-main/core/session/engine'
import type { RoundSetup } from '../src-main/core/session/types'
import type { KeyValueFile } from '../src-main/core/settings'
import { createAppServices } from '../src-main/services'
import { generateHistory } from './synthetic-history'
import { benchLibrary } from './bench-library' // issue-10
import { benchReview } from './bench-review' // review (issue #8)
import { benchHistory } from './bench-history' // issue #12
import { failedRow, pct, printTable, progress, stats, tail, writeJson, type Row } from './bench-stats'

const { values } = parseArgs({
  options: { sessions: { type: 'string' }, expiries: { type: 'string' }, json: { type: 'string' }, only: { type: 'string' } }
})
const SESSIONS = Number(values.sessions ?? 10_000)
const EXPIRIES = Number(values.expiries ?? 1000) // p99 is printed and judged from 1,000 samples
const SECTIONS = ['timer', 'startup', 'history', 'grade', 'library', 'export', 'review']
const only = values.only ? values.only.split(',').map((x) => x.trim()) : SECTIONS
if (!(SESSIONS > 0) || !(EXPIRIES > 0) || only.some((x) => !SECTIONS.includes(x))) {
  console.error(`usage: npm run bench -- [--sessions N] [--expiries N] [--json out.json] [--only ${SECTIONS.join(',')}]`)
  process.exit(2)
}
const CONTENT = join(import.meta.dirname, '..', 'content', 'banks')
const { banks } = await loadBankLibrary(CONTENT)
const temp = (): string => mkdtempSync(join(tmpdir(), 'idrill-bench-'))
const cleanup: string[] = []
const rows: Row[] = []

/** Runs one section of the bench when asked for; one that throws becomes a failed row, the rest still run. */
const made = { grades: 0, generateMs: 0 }
const meta = (): Record<string, unknown> => ({ date: new Date().toISOString(), node: process.version, sessions: SESSIONS, ...made })
// Ctrl-C at 100,000 sessions would leave gigabytes behind: the temp folders go first.
process.once('SIGINT', () => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true })
  process.exit(130)
})

/**
 * Runs one section of the bench when asked for; one that throws becomes a failed row, the rest
 * still run. With --json, the rows so far are written after each section (a long run keeps them).
 */
async function section(name: string, fn: () => Promise<void>): Promise<void> {
  if (!only.includes(name)) return
  progress(`section ${name}`)
  try {
    await fn()
  } catch (e) {
    rows.push(failedRow(`${name} section`, 'runs', e))
    progress(`  section ${name} failed: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (values.json) writeJson(values.json, { ...meta(), partial: true }, rows)
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
const openSettings = (dir: string) => () => new Conf({ cwd: dir, configName: 'settings', projectName: 'bench' }) as unknown as KeyValueFile

// ---- 1. How late the expiry event fires ------------------------------------------------------
await section('timer', async () => {
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
  // Judged on the highest percentile the samples carry: p99 from 1,000 expiries (the default), p95 from 100.
  const p50 = pct(late, 50)
  const t = tail(stats(late))
  const b = tail(stats(bare))
  const ratio = `p50 ${(p50 / pct(bare, 50)).toFixed(1)}×, ${t.name} ${(t.value / b.value).toFixed(1)}× (n ${late.length})`
  rows.push({
    measure: `expiry event lateness (${EXPIRIES} expiries)`,
    ...stats(late),
    baselineName: 'bare setTimeout, same delays',
    baseline: pct(bare, 50),
    ratio,
    goal: 'p99 ≤ 2× baseline p99',
    pass: t.name === b.name && t.value <= 2 * b.value,
    note: t.name === 'p99' ? undefined : `fewer than 1,000 expiries: judged on ${t.name}`
  })
  rows.push({
    measure: '  bare setTimeout lateness (baseline)',
    ...stats(bare),
    baselineName: '',
    baseline: NaN,
    goal: '',
    pass: true
  })
})

// ---- 2. A large history ------------------------------------------------------------------------
const big = temp()
cleanup.push(big)
const genStart = performance.now()
progress(`generating ${SESSIONS} sessions`)
const generated = await generateHistory(big, banks, {
  sessions: SESSIONS,
  questionsPerSession: 20,
  onProgress: (done, total) => progress(`  generated ${done} / ${total} sessions`)
})
const genMs = performance.now() - genStart
Object.assign(made, { grades: generated.grades, generateMs: Math.round(genMs) })
const empty = temp()
cleanup.push(empty)

await section('startup', async () => {
  const cold = async (dataDir: string): Promise<number> => {
    const t = performance.now()
    await createAppServices({
      dataDir,
      contentDir: CONTENT,
      version: 'bench',
      openSettingsFile: openSettings(dataDir),
      emit: () => undefined,
      warmUpDelayMs: null, // measured on their own below
      autoBackupDelayMs: null // else each of these 200 start-ups backs up the whole history 2 minutes later, amid the later rows
    })
    return performance.now() - t
  }
  await cold(empty)
  const withHistory = await sample(100, () => cold(big))
  const without = await sample(100, () => cold(empty))
  rows.push({
    measure: `start-up to ready, ${SESSIONS} sessions`,
    ...stats(withHistory),
    baselineName: 'start-up, empty history',
    baseline: pct(without, 50),
    goal: '< 100 ms',
    pass: tail(stats(withHistory)).value < 100,
    note: 'goal judged on p95 of 100'
  })
})

await section('history', async () => {
  const engineDir = temp()
  cleanup.push(engineDir)
  rows.push(...(await benchHistory({ dataDir: big, banks, sessionIds: generated.sessionIds, sessions: SESSIONS, engineDir })))
})

await section('grade', async () => {
  // A grade through the real engine into the 10,000-session history: on disk (fdatasync) before it returns.
  const services = await createAppServices({
    dataDir: big,
    contentDir: CONTENT,
    version: 'bench',
    openSettingsFile: openSettings(big),
    emit: () => undefined,
    warmUpDelayMs: null,
    autoBackupDelayMs: null
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
    ...stats(grades),
    baselineName: 'bare append + fdatasync',
    baseline: pct(fsyncs, 50),
    goal: 'p95 < 20 ms',
    pass: pct(grades, 95) < 20 // 100 samples
  })
})

// ---- issue-10: importing a large collection, searching 10,000 questions ------------------------
await section('library', async () => void rows.push(...(await benchLibrary(pct))))
// ---- export + backup (issue #9) --------------------------------------------------------------
await section('export', async () => {
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
      ...stats(xs),
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
    ...stats(pdf),
    baselineName: `reading + replaying the same ${ids.length} sessions`,
    baseline: pct(readAll, 50),
    goal: '< 10 s',
    pass: tail(stats(pdf)).value < 10_000,
    note: 'goal judged on the max of 3'
  })
  // A backup of 100,000 sessions (2 GB) takes over 20 minutes on 2 shared cores: above 20,000 it
  // runs only when asked for by name (--only export).
  if (SESSIONS > 20_000 && !values.only?.includes('export')) {
    progress('  backup row skipped above 20,000 sessions (run with --only export to measure it)')
    return
  }
  const out = temp()
  cleanup.push(out)
  let n = 0
  const reps = SESSIONS > 20_000 ? 1 : 3
  const backup = await sample(reps, () => createBackup(big, join(out, `b${n++}.tar.gz`), { appVersion: 'bench' }))
  const copy = await sample(reps, async () => {
    const to = join(out, `copy${n++}`)
    await cp(join(big, 'history', 'sessions'), join(to, 'sessions'), { recursive: true })
    await cp(join(big, 'history', 'questions'), join(to, 'questions'), { recursive: true })
  })
  rows.push({
    measure: `backup of the ${SESSIONS}-session history (sha256 + tar + gzip)`,
    ...stats(backup),
    baselineName: 'bare copy of the same files (fs.cp)',
    baseline: pct(copy, 50),
    goal: '≤ 10× baseline',
    pass: pct(backup, 50) <= 10 * pct(copy, 50)
  })
})
// ---- end export + backup ------------------------------------------------------------------------
// ---- review (issue #8): rows from scripts/bench-review.ts on the same synthetic history ----
await section('review', async () => void rows.push(...(await benchReview(big, banks))))

for (const d of cleanup) rmSync(d, { recursive: true, force: true })

const header = `Interview Drill benchmarks — ${new Date().toISOString()} — node ${process.version}, ${SESSIONS} synthetic sessions / ${generated.grades} grades generated in ${(genMs / 1000).toFixed(1)} s`
printTable(header, rows)
if (values.json) {
  writeJson(values.json, meta(), rows)
  progress(`rows written to ${values.json}`)
}

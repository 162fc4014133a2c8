/**
 * The rebuild from the session files in a worker thread (issue #12): the same files as a rebuild on
 * the main thread, the same answers, the same reports of damaged files; and the rebuild still
 * happens, on the main thread, when no worker can run.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { historyQuery } from '../../../src-main/core/history/query'
import type { WorkerScript } from '../../../src-main/core/history/rebuild-worker-run'
import { HistoryStore } from '../../../src-main/core/history/store'
import type { ContentLookup } from '../../../src-main/core/history/types'
import { generateHistory } from '../../../scripts/synthetic-history'
import { smallDisk } from '../../helpers/tmpfs'
import { FIXTURE_BANKS, REBUILD_WORKER, sourceWorker, tempDir } from '../../helpers/world'

const lookup: ContentLookup = { questionText: () => undefined, bankTitle: () => undefined }
const hist = (dataDir: string, ...p: string[]): string => join(dataDir, 'history', ...p)
const DERIVED = ['index.jsonl', 'grades.jsonl', 'search.jsonl', 'list.jsonl']

/** A generated history of `sessions` sessions with its derived files removed, and a copy of it. */
async function lostIndexes(sessions = 120, a = tempDir()): Promise<[string, string]> {
  const { banks } = await loadBankLibrary(FIXTURE_BANKS)
  await generateHistory(a, banks, { sessions, questionsPerSession: 3 })
  for (const f of DERIVED) rmSync(hist(a, f), { force: true })
  const b = tempDir()
  cpSync(a, b, { recursive: true })
  return [a, b]
}

/**
 * A store on `dataDir`. Its pacer clock counts the slices the main thread rests between: a rebuild
 * on the main thread rests every few lines; the load of what a worker wrote, a few times in all.
 */
async function open(
  dataDir: string,
  worker: WorkerScript | null
): Promise<{ store: HistoryStore; bulk: () => number; rests: () => number }> {
  let now = 0
  let rests = 0
  const clock = { now: () => now++, rest: () => (rests++, new Promise<void>((r) => setImmediate(r))) }
  const store = new HistoryStore(dataDir, clock, worker)
  await store.open()
  let changes = 0
  store.onBulkChange(() => changes++)
  return { store, bulk: () => changes, rests: () => rests }
}

/** The slices a rebuild on the main thread rests between, on a copy of `dataDir` as it is now. */
async function restsHere(dataDir: string): Promise<number> {
  const copy = tempDir()
  cpSync(dataDir, copy, { recursive: true })
  const h = await open(copy, null)
  await h.store.warmUp()
  return h.rests()
}

/** What a user sees of a history: every session in order, a search, one question's attempts. */
async function answers(store: HistoryStore): Promise<unknown> {
  const page = await store.list(historyQuery({ limit: 500 }), lookup)
  const search = await store.list(historyQuery({ limit: 500, text: 'etcd' }), lookup)
  const first = page.items[0]
  const detail = await store.read(first.id)
  return { page, search: search.items.map((s) => s.id), attempts: await store.attempts(detail.questions[0].questionId) }
}

describe('a rebuild in a worker thread', () => {
  it('writes the same derived files as a rebuild on the main thread and answers the same', async () => {
    const [inWorker, here] = await lostIndexes()
    const w = await open(inWorker, REBUILD_WORKER)
    const h = await open(here, null)
    expect(await answers(w.store)).toEqual(await answers(h.store))
    for (const f of DERIVED) expect(readFileSync(hist(inWorker, f), 'utf8'), f).toBe(readFileSync(hist(here, f), 'utf8'))
    expect([w.bulk(), h.bulk()]).toEqual([1, 1]) // the review index is told once, either way
    expect([w.store.problems, h.store.problems]).toEqual([[], []])
    // 120 sessions and 360 grades: the main thread rested over a hundred times when it rebuilt.
    expect(h.rests()).toBeGreaterThan(100)
    expect(w.rests()).toBeLessThan(h.rests() / 5)
  })

  it('keeps a damaged index aside and reports it once, then lists every session from the new one', async () => {
    const [dataDir] = await lostIndexes(40)
    const before = await open(dataDir, REBUILD_WORKER)
    expect((await before.store.list(historyQuery(), lookup)).total).toBe(40)
    appendFileSync(hist(dataDir, 'index.jsonl'), 'garbage\n')
    rmSync(hist(dataDir, 'list.jsonl'))
    const here = await restsHere(dataDir)
    const { store, rests } = await open(dataDir, REBUILD_WORKER)
    expect((await store.list(historyQuery(), lookup)).total).toBe(40)
    expect(rests()).toBeLessThan(here / 3) // rebuilt in the worker (its load from snapshots rests too)
    expect(store.problems).toEqual([
      {
        file: hist(dataDir, 'index.jsonl'),
        keptAt: expect.stringContaining('corrupt'),
        message: expect.stringMatching(/history index was .*kept aside and rebuilt from the session files/)
      }
    ])
    expect(readFileSync(store.problems[0].keptAt!, 'utf8')).toContain('garbage')
    expect(readFileSync(hist(dataDir, 'index.jsonl'), 'utf8')).not.toContain('garbage')
  })

  it('sets a damaged session file aside and the main store reports it', async () => {
    const [dataDir] = await lostIndexes(30)
    const [victim] = readdirSync(hist(dataDir, 'sessions'))
    writeFileSync(hist(dataDir, 'sessions', victim), 'not a session\n')
    const here = await restsHere(dataDir)
    const { store, rests } = await open(dataDir, REBUILD_WORKER)
    expect((await store.list(historyQuery(), lookup)).total).toBe(29)
    expect(rests()).toBeLessThan(here / 3) // rebuilt in the worker (its load from snapshots rests too)
    expect(store.problems.map((p) => p.message).join('\n')).toContain(victim.replace('.jsonl', ''))
    expect(readdirSync(hist(dataDir, 'corrupt')).some((n) => n.endsWith(victim))).toBe(true)
  })

  it.each([
    ['cannot start (its file is missing)', join(tempDir(), 'no-such-worker.mjs')],
    ['fails', new URL(`data:text/javascript,${encodeURIComponent('throw new Error("out of memory")')}`)],
    ['ends with no report', new URL('data:text/javascript,process.exit(3)')]
  ])('still rebuilds, on the main thread, when the worker %s', async (_why, worker) => {
    const [dataDir, here] = await lostIndexes(30)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const w = await open(dataDir, worker)
    const h = await open(here, null)
    expect(await answers(w.store)).toEqual(await answers(h.store))
    expect(w.bulk()).toBe(1)
    expect(w.rests()).toBeGreaterThan(h.rests() / 2)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rebuild worker failed .*rebuilding on the main thread/))
    warn.mockRestore()
    for (const f of DERIVED) expect(existsSync(hist(dataDir, f)), f).toBe(true)
    expect(w.store.problems).toEqual([])
  })
})

describe('a rebuild worker that dies after its work', () => {
  // The real job (damaged session set aside, damaged index kept aside and replaced), then a crash
  // before it says it is done: as an out-of-memory kill late in a rebuild leaves things.
  const diesLate = sourceWorker(`
import { parentPort, workerData } from 'node:worker_threads'
const { runRebuildJob } = await load('src-main/core/history/rebuild-job.ts')
await runRebuildJob(workerData, (problem) => parentPort.postMessage({ problem }))
throw new Error('out of memory')`)

  it('loses none of the problems it reported, and sets aside only the damaged index, once', async () => {
    const [dataDir] = await lostIndexes(30)
    await (await open(dataDir, REBUILD_WORKER)).store.warmUp()
    const [victim] = readdirSync(hist(dataDir, 'sessions'))
    writeFileSync(hist(dataDir, 'sessions', victim), 'not a session\n')
    appendFileSync(hist(dataDir, 'index.jsonl'), 'garbage\n')
    rmSync(hist(dataDir, 'list.jsonl'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { store, bulk } = await open(dataDir, diesLate)
    expect((await store.list(historyQuery(), lookup)).total).toBe(29)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/rebuild worker failed .*out of memory/))
    warn.mockRestore()
    const said = store.problems.map((p) => p.message).join('\n')
    expect(said).toContain(victim.replace('.jsonl', '')) // reported by the worker before it died
    const keptIndexes = readdirSync(hist(dataDir, 'corrupt')).filter((n) => n.endsWith('index.jsonl'))
    expect(keptIndexes).toHaveLength(1)
    expect(readFileSync(hist(dataDir, 'corrupt', keptIndexes[0]), 'utf8')).toContain('garbage')
    expect(store.problems.filter((p) => p.file === hist(dataDir, 'index.jsonl'))).toHaveLength(1)
    expect(bulk()).toBe(1)
  })
})

const disk = smallDisk(4096)
const skipDisk = typeof disk === 'string' ? disk : false
describe.skipIf(skipDisk)(`a rebuild in a worker on a full disk${skipDisk ? ` (skipped: ${skipDisk})` : ' (a 4 MiB tmpfs)'}`, () => {
  const d = disk as Exclude<typeof disk, string>
  afterAll(() => d?.unmount())

  it('lists every session from memory, says once what could not be written, and writes it all once there is room', async () => {
    const [dataDir] = await lostIndexes(20, join(d.dir, 'data'))
    d.fill()
    try {
      const { store } = await open(dataDir, REBUILD_WORKER)
      expect((await store.list(historyQuery(), lookup)).total).toBe(20)
      const said = store.problems.map((p) => `${p.file}: ${p.message}`)
      expect(said.join('\n')).toMatch(/index.jsonl: The history index could not be written \(ENOSPC\)/)
      expect(new Set(said).size).toBe(said.length) // the worker's report and the retry here: listed once
      expect(readdirSync(hist(dataDir)).filter((f) => DERIVED.includes(f))).toEqual([]) // no half-written index
    } finally {
      d.free()
    }
    const { store } = await open(dataDir, REBUILD_WORKER)
    expect((await store.list(historyQuery(), lookup)).total).toBe(20)
    expect(store.problems).toEqual([])
    for (const f of DERIVED) expect(existsSync(hist(dataDir, f)), f).toBe(true)
  })
})

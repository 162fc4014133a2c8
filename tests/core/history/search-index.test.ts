import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { historyQuery } from '../../../src-main/core/history/query'
import { HistoryStore } from '../../../src-main/core/history/store'
import type { ContentLookup, HistoryQuery } from '../../../src-main/core/history/types'
import { generateHistory } from '../../../scripts/synthetic-history'
import { FIXTURE_BANKS, setup, tempDir, world } from '../../helpers/world'

type World = Awaited<ReturnType<typeof world>>
const lookup: ContentLookup = {
  questionText: (id) => ({ 'sample-etcd-two': "Why can't you run a two-member etcd cluster safely?" })[id],
  bankTitle: () => undefined
}
const files = (dataDir: string) => ({
  index: join(dataDir, 'history', 'index.jsonl'),
  grades: join(dataDir, 'history', 'grades.jsonl'),
  search: join(dataDir, 'history', 'search.jsonl'),
  list: join(dataDir, 'history', 'list.jsonl'),
  corrupt: join(dataDir, 'history', 'corrupt')
})

async function round(w: World, drafts: [string, string], notes: [string, string], ratings: [number, number]): Promise<string> {
  const v = await w.engine.start(setup())
  for (let i = 0; i < 2; i++) {
    await w.engine.saveDraft({ roundId: v.id, index: i, draft: drafts[i] })
    w.clock.advance(5_000)
    await w.engine.reveal({ roundId: v.id })
    await w.engine.grade({ roundId: v.id, index: i, rating: ratings[i] as 1, keyPoints: [], note: notes[i] })
    await w.engine.next({ roundId: v.id })
  }
  w.clock.advance(3_600_000)
  return v.id
}

const QUERIES: Partial<HistoryQuery>[] = [
  { text: 'quorum' },
  { text: 'quo' },
  { text: 'Raft LEADER' },
  { text: 'etcd' },
  { text: 'two-member' },
  { text: 'conntrack', sort: { key: 'relevance', dir: 'desc' } },
  { text: 'raft', sort: { key: 'averageRating', dir: 'asc' } },
  { text: 'nothing-like-this' },
  { text: 'rem', statuses: ['finished'], limit: 1, offset: 1 }
]

async function answers(store: HistoryStore): Promise<unknown[]> {
  const out: unknown[] = []
  for (const q of QUERIES) {
    const page = await store.list(historyQuery({ limit: 50, ...q }), lookup)
    out.push([q.text, page.total, page.items.map((s) => s.id)])
  }
  out.push(await store.attempts('sample-etcd-two'))
  return out
}

async function reopen(dataDir: string): Promise<HistoryStore> {
  const s = new HistoryStore(dataDir)
  await s.open()
  return s
}

/** A history written grade by grade while the search index is loaded: every path of `record`. */
async function history(): Promise<{ w: World; ids: string[] }> {
  const w = await world()
  await w.store.warmUp() // loaded before the rounds: the index is kept up to date as grades arrive
  const ids = [
    await round(w, ['quorum needs a majority', 'raft leader election'], ['remember quorum', ''], [2, 3]),
    await round(w, ['conntrack table full', 'conntrack conntrack drops'], ['', 'remember nf_conntrack_max'], [4, 5]),
    await round(w, ['Raft: the leader replicates', 'quota'], ['', 'remember raft'], [1, 5])
  ]
  await w.store.delete(ids[1], null)
  await w.store.restore(ids[1])
  await w.store.delete(ids[2], null)
  await (await reopen(w.dataDir)).warmUp() // writes the snapshot of the search index
  return { w, ids }
}

describe('the history word index', () => {
  it('answers the same when built grade by grade, reloaded, or rebuilt from the grade log or the journals', async () => {
    const { w } = await history()
    const incremental = await answers(w.store)
    expect(incremental[0]).toEqual(['quorum', 1, [expect.any(String)]])
    expect(incremental[2]).toEqual(['Raft LEADER', 1, [expect.any(String)]]) // the deleted session is not found
    expect((incremental.at(-1) as { note: string }[]).map((a) => a.note)).toEqual(['remember quorum', '']) // the third session is deleted

    const f = files(w.dataDir)
    expect(await answers(await reopen(w.dataDir))).toEqual(incremental) // snapshot + the grade log after it
    rmSync(f.search)
    expect(await answers(await reopen(w.dataDir))).toEqual(incremental) // from the grade log
    expect(existsSync(f.search)).toBe(true)
    rmSync(f.search)
    rmSync(f.grades)
    rmSync(f.index)
    rmSync(f.list)
    expect(await answers(await reopen(w.dataDir))).toEqual(incremental) // from the session journals
  })

  it('finds by prefix, needs every word, and ranks the best match first', async () => {
    const { w, ids } = await history()
    const list = (q: Partial<HistoryQuery>) => w.store.list(historyQuery(q), lookup).then((p) => p.items.map((s) => s.id))
    expect(await list({ text: 'conn' })).toEqual([ids[1]])
    expect(await list({ text: 'quorum raft' })).toEqual([ids[0]])
    expect(await list({ text: 'quorum conntrack' })).toEqual([])
    // Three mentions of conntrack in one session outrank a question text that mentions etcd once.
    expect(await list({ text: 'conntrack etcd', sort: { key: 'relevance', dir: 'desc' } })).toEqual([ids[1]])
    expect(await list({ text: 'remember', sort: { key: 'relevance', dir: 'desc' } })).toHaveLength(2)
  })

  it.each([
    ['search index', 'search' as const, /search index was damaged/],
    ['list snapshot', 'list' as const, /history list was damaged/]
  ])('keeps a damaged %s aside, rebuilds it from its log and says so', async (_what, which, message) => {
    const { w } = await history()
    const expected = await answers(w.store)
    const file = files(w.dataDir)[which]
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.slice(0, 150) + 'X' + text.slice(151))
    const store = await reopen(w.dataDir)
    expect(await answers(store)).toEqual(expected)
    expect(store.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(message), keptAt: expect.any(String) })])
    expect(readdirSync(files(w.dataDir).corrupt).some((n) => n.endsWith(`${which}.jsonl`))).toBe(true)
    expect(readFileSync(file, 'utf8')).not.toContain('X')
  })

  it('does not trust a snapshot of a grade log that was since rewritten', async () => {
    const { w, ids } = await history()
    const f = files(w.dataDir)
    const old = readFileSync(f.search)
    await w.store.clear(null)
    writeFileSync(f.search, old) // a snapshot of the log before it was cleared
    const store = await reopen(w.dataDir)
    expect((await store.list(historyQuery({ text: 'quorum' }), lookup)).total).toBe(0)
    expect(await store.attempts('sample-etcd-two')).toEqual([])
    expect(ids).toHaveLength(3)
  })

  it('loads in slices: with every step costing a millisecond, it rests at least once per 8 lines', async () => {
    const dataDir = tempDir()
    const { banks } = await loadBankLibrary(FIXTURE_BANKS)
    const { grades } = await generateHistory(dataDir, banks, { sessions: 200, questionsPerSession: 3 })
    let now = 0
    let rests = 0
    const clock = {
      now: () => ++now,
      rest: async () => {
        rests++
        await new Promise((r) => setImmediate(r))
      }
    }
    rmSync(files(dataDir).search, { force: true })
    const store = new HistoryStore(dataDir, clock)
    await store.open()
    await store.warmUp() // summaries, grade log, and the snapshot written
    expect(rests).toBeGreaterThanOrEqual((200 + grades) / 8)
    rests = 0
    const again = new HistoryStore(dataDir, clock)
    await again.warmUp() // from the two snapshots: a few long lines
    expect(rests).toBeGreaterThan(0)
    expect((await again.list(historyQuery(), lookup)).total).toBe(200)
  })
})

import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeRecord } from '../../../src-main/core/fs/records'
import { HistoryStore, migrateSession, SESSION_MIGRATIONS } from '../../../src-main/core/history/store'
import { historyQuery } from '../../../src-main/core/history/query'
import type { HistoryQuery } from '../../../src-main/core/history/types'
import { setup, world } from '../../helpers/world'

const query = (q: Partial<HistoryQuery> = {}): HistoryQuery => historyQuery({ limit: 50, ...q })
const noText = { questionText: (): undefined => undefined, bankTitle: (id: string) => (id === 'sample' ? 'Sample bank' : undefined) }

/** Plays a whole two-question round and returns its id. */
async function playRound(
  w: Awaited<ReturnType<typeof world>>,
  ratings: [1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5],
  draft = '',
  note = ''
): Promise<string> {
  const v = await w.engine.start(setup())
  for (const [i, r] of ratings.entries()) {
    if (draft) await w.engine.saveDraft({ roundId: v.id, index: i, draft: draft })
    w.clock.advance(10_000)
    await w.engine.reveal({ roundId: v.id })
    await w.engine.grade({ roundId: v.id, index: i, rating: r, keyPoints: [], note: note })
    await w.engine.next({ roundId: v.id })
  }
  w.clock.advance(86_400_000)
  return v.id
}

const sessionFile = (dataDir: string, id: string): string => join(dataDir, 'history', 'sessions', `${id}.jsonl`)
const corruptFiles = (dataDir: string): string[] =>
  existsSync(join(dataDir, 'history', 'corrupt')) ? readdirSync(join(dataDir, 'history', 'corrupt')) : []

async function reopen(dataDir: string): Promise<HistoryStore> {
  const s = new HistoryStore(dataDir)
  await s.open()
  return s
}

describe('HistoryStore', () => {
  it('keeps the complete records of a session whose last append was cut off, and reports it', async () => {
    const w = await world()
    const id = await playRound(w, [4, 5])
    appendFileSync(sessionFile(w.dataDir, id), '0badc0de\t{"t":"grade","i":1,"rat')
    const store = await reopen(w.dataDir)
    const state = await store.read(id)
    expect(state.attempts.map((a) => a.grade?.rating)).toEqual([4, 5])
    expect(store.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/incomplete last record/) })])
    expect(corruptFiles(w.dataDir)).toHaveLength(1)
    expect(readFileSync(sessionFile(w.dataDir, id), 'utf8').endsWith('\n')).toBe(true)
  })

  it.each([
    ['a failed checksum', (text: string) => text.replace('"rating":4', '"rating":1'), [undefined, 5]],
    ['invalid JSON', (text: string) => text.replace(/\n[0-9a-f]{8}\t\{"t":"open"/, '\nxxxxxxxx\t{"t":"open"'), [4, 5]]
  ])('keeps every intact record of a session with %s, keeps the original aside and reports it', async (_what, damage, ratings) => {
    const w = await world()
    const bad = await playRound(w, [4, 5])
    const good = await playRound(w, [2, 2])
    const original = damage(readFileSync(sessionFile(w.dataDir, bad), 'utf8'))
    writeFileSync(sessionFile(w.dataDir, bad), original)
    const store = await reopen(w.dataDir)
    const state = await store.read(bad)
    expect(state.attempts.map((a) => a.grade?.rating)).toEqual(ratings)
    expect(store.problems[0]).toMatchObject({ message: expect.stringMatching(/damaged line/), keptAt: expect.any(String) })
    expect(readFileSync(store.problems[0].keptAt!, 'utf8')).toBe(original)
    expect((await store.list(query(), noText)).items.map((s) => s.id).sort()).toEqual([bad, good].sort())
  })

  it('sets a session from a newer format aside, reports it and lists the rest', async () => {
    const w = await world()
    const bad = await playRound(w, [4, 5])
    const good = await playRound(w, [2, 2])
    const text = readFileSync(sessionFile(w.dataDir, bad), 'utf8')
    writeFileSync(
      sessionFile(w.dataDir, bad),
      text.replace(/^[^\n]*\n/, encodeRecord({ ...JSON.parse(text.split('\n')[0].slice(9)), v: 99 }))
    )
    const store = await reopen(w.dataDir)
    await expect(store.read(bad)).rejects.toMatchObject({ code: 'corrupt' })
    expect(store.problems[0].keptAt).toBeTruthy()
    expect(existsSync(store.problems[0].keptAt!)).toBe(true)
    expect((await store.list(query(), noText)).items.map((s) => s.id)).toEqual([good])
    expect(existsSync(sessionFile(w.dataDir, bad))).toBe(false)
  })

  it('drops a session whose file is missing from the list and says so', async () => {
    const w = await world()
    const gone = await playRound(w, [3, 3])
    await playRound(w, [4, 4])
    rmSync(sessionFile(w.dataDir, gone))
    const store = await reopen(w.dataDir)
    await expect(store.read(gone)).rejects.toMatchObject({ code: 'not-found' })
    expect(store.problems[0].message).toMatch(/file is missing/)
    expect((await store.list(query(), noText)).total).toBe(1)
    expect((await (await reopen(w.dataDir)).list(query(), noText)).total).toBe(1)
  })

  it.each([
    ['damaged', (text: string) => text.slice(0, 40) + 'garbage\n' + text.slice(40)],
    ['from a newer version', () => encodeRecord({ k: 'h', v: 7 })],
    ['deleted', null]
  ])('rebuilds an index that is %s from the session files', async (_what, damage) => {
    const w = await world()
    const a = await playRound(w, [1, 2], 'my draft about quorum')
    const b = await playRound(w, [5, 5])
    const index = join(w.dataDir, 'history', 'index.jsonl')
    if (damage) writeFileSync(index, damage(readFileSync(index, 'utf8')))
    else rmSync(index)
    const store = await reopen(w.dataDir)
    const page = await store.list(query({ sort: { key: 'averageRating', dir: 'asc' } }), noText)
    expect(page.items.map((s) => [s.id, s.averageRating])).toEqual([
      [a, 1.5],
      [b, 5]
    ])
    if (damage) expect(store.problems[0]).toMatchObject({ message: expect.stringMatching(/history index/), keptAt: expect.any(String) })
    expect((await store.list(query({ text: 'QUORUM' }), noText)).items.map((s) => s.id)).toEqual([a])
  })

  it('sets a damaged in-progress marker aside instead of failing to start', async () => {
    const w = await world()
    writeFileSync(join(w.dataDir, 'history', 'active.json'), '{"sessionId":')
    const store = await reopen(w.dataDir)
    expect(await store.interrupted()).toBeNull()
    expect(store.problems[0].message).toMatch(/round in progress was damaged/)
  })

  it('filters by topic, status, date and score, searches drafts, notes and question texts, and pages', async () => {
    const w = await world()
    const low = await playRound(w, [1, 2], 'etcd raft leader', '')
    const high = await playRound(w, [5, 4], '', 'remember DaemonSet')
    const s = w.store
    expect((await s.list(query({ minRating: 4 }), noText)).items.map((x) => x.id)).toEqual([high])
    expect((await s.list(query({ maxRating: 2 }), noText)).items.map((x) => x.id)).toEqual([low])
    expect((await s.list(query({ text: 'raft' }), noText)).items.map((x) => x.id)).toEqual([low])
    expect((await s.list(query({ text: 'daemonset' }), noText)).items.map((x) => x.id)).toEqual([high])
    const texts: Record<string, string> = { 'sample-etcd-two': 'Why two members?' }
    expect((await s.list(query({ text: 'two members' }), { questionText: (id) => texts[id], bankTitle: () => undefined })).total).toBe(2)
    expect((await s.list(query({ statuses: ['abandoned'] }), noText)).total).toBe(0)
    expect((await s.list(query({ topics: ['etcd'] }), noText)).total).toBe(2)
    expect((await s.list(query({ topics: ['dns'] }), noText)).total).toBe(0)
    const startedLow = (await s.summary(low))!.startedAt.slice(0, 10)
    expect((await s.list(query({ from: startedLow, to: startedLow }), noText)).items.map((x) => x.id)).toEqual([low])
    const paged = await s.list(query({ limit: 1, offset: 1 }), noText)
    expect(paged).toMatchObject({ total: 2, all: 2, items: [{ id: low }] })
    expect(paged.items[0].bankTitles).toEqual(['Sample bank'])
    expect(readFileSync(join(w.dataDir, 'history', 'index.jsonl'), 'utf8')).not.toContain('Sample bank')
  })

  it('deletes a session with undo, and clears history but keeps the round in progress', async () => {
    const w = await world()
    const a = await playRound(w, [3, 3])
    const b = await playRound(w, [4, 4])
    await w.store.delete(a, null)
    expect((await w.store.list(query(), noText)).items.map((x) => x.id)).toEqual([b])
    expect(await w.store.attempts('sample-etcd-two')).toHaveLength(1)
    await w.store.restore(a)
    expect((await w.store.list(query(), noText)).total).toBe(2)
    expect(await w.store.attempts('sample-etcd-two')).toMatchObject([
      { sessionId: a, rating: 3 },
      { sessionId: b, rating: 4 }
    ])
    const running = await w.engine.start(setup())
    await expect(w.store.delete(running.id, running.id)).rejects.toMatchObject({ code: 'busy' })
    expect(await w.store.clear(running.id)).toBe(2)
    expect((await (await reopen(w.dataDir)).list(query(), noText)).items.map((x) => x.id)).toEqual([running.id])
    expect(existsSync(sessionFile(w.dataDir, a))).toBe(false)
  })

  it('keeps the question a session was graded against, stored once however many sessions show it', async () => {
    const w = await world()
    const a = await playRound(w, [3, 4])
    await playRound(w, [5, 5])
    const dir = join(w.dataDir, 'history', 'questions')
    expect(readdirSync(dir)).toHaveLength(2)
    expect(readFileSync(sessionFile(w.dataDir, a), 'utf8')).not.toContain('quorum')
    const state = await (await reopen(w.dataDir)).read(a)
    expect(state.questions[0]).toMatchObject({
      questionId: 'sample-etcd-two',
      text: "Why can't you run a two-member etcd cluster safely?",
      keyPoints: expect.arrayContaining(['Use odd sizes'])
    })
    expect(state.questions[0].answer).toContain('**quorum**')
    for (const f of readdirSync(dir)) rmSync(join(dir, f))
    const lost = await (await reopen(w.dataDir)).read(a)
    expect(lost.questions[0].answer).toMatch(/could not be found/)
    expect(lost.attempts[0].grade?.rating).toBe(3)
  })

  it('starts with format 1 and refuses formats it cannot upgrade', () => {
    expect(SESSION_MIGRATIONS).toEqual({})
    const start = { t: 'start' as const, v: 1, id: 'x', at: '', setup: setup(), questions: [] }
    expect(migrateSession([start])).toEqual([start])
    expect(() => migrateSession([{ ...start, v: 0 }])).toThrow(/no migration from session format 0/)
  })
})

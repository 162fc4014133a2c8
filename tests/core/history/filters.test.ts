/** History filters by bank and difficulty (issue #11 §4), and index lines written before them. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { HistoryStore } from '../../../src-main/core/history/store'
import { encodeIndexHeader, encodeSummaryLine } from '../../../src-main/core/history/indexes'
import { historyQuery } from '../../../src-main/core/history/query'
import { HistoryQuerySchema } from '../../../src-main/core/history/schema'
import type { HistoryQuery } from '../../../src-main/core/history/types'
import { setup, world } from '../../helpers/world'

const query = (q: Partial<HistoryQuery> = {}): HistoryQuery => historyQuery({ limit: 50, ...q })
const lookup = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }

async function play(w: Awaited<ReturnType<typeof world>>, difficulties: ('easy' | 'medium')[], count: number): Promise<string> {
  const v0 = await w.engine.start(setup({ difficulties, questionCount: count }))
  for (let i = 0; i < count; i++) {
    w.clock.advance(5_000)
    await w.engine.reveal({ roundId: v0.id })
    await w.engine.grade({ roundId: v0.id, index: i, rating: 3, keyPoints: [], note: '' })
    await w.engine.next({ roundId: v0.id })
  }
  w.clock.advance(60_000)
  return v0.id
}

describe('History filters by bank and difficulty', () => {
  it('lists the sessions that drew from a chosen bank or had a question of a chosen difficulty', async () => {
    const w = await world()
    const easyOnly = await play(w, ['easy'], 1)
    const both = await play(w, [], 2)
    const ids = async (q: Partial<HistoryQuery>): Promise<string[]> => (await w.store.list(query(q), lookup)).items.map((s) => s.id).sort()
    expect(await ids({ difficulties: ['easy'] })).toEqual([easyOnly, both].sort())
    expect(await ids({ difficulties: ['medium'] })).toEqual([both])
    expect(await ids({ difficulties: ['hard'] })).toEqual([])
    expect(await ids({ difficulties: ['hard', 'medium'] })).toEqual([both])
    expect(await ids({ bankIds: ['sample'] })).toEqual([easyOnly, both].sort())
    expect(await ids({ bankIds: ['networking'] })).toEqual([])
    expect(await ids({ bankIds: ['sample'], difficulties: ['medium'] })).toEqual([both])
    expect(await ids({ bankIds: [], difficulties: [] })).toHaveLength(2)
  })

  it('accepts queries without the new fields (older callers) and refuses unknown difficulties', () => {
    const old = { ...historyQuery() } as Record<string, unknown>
    delete old.bankIds
    delete old.difficulties
    expect(v.safeParse(HistoryQuerySchema, old).success).toBe(true)
    expect(v.safeParse(HistoryQuerySchema, { ...old, difficulties: ['easy'], bankIds: ['sample'] }).success).toBe(true)
    expect(v.safeParse(HistoryQuerySchema, { ...old, difficulties: ['trivial'] }).success).toBe(false)
  })

  it('reads index lines written before summaries had difficulties, and rebuilds them once from the sessions', async () => {
    const w = await world()
    const easyOnly = await play(w, ['easy'], 1)
    const both = await play(w, [], 2)
    const indexFile = join(w.dataDir, 'history', 'index.jsonl')
    // Rewrite the index as an older version wrote it: the same lines without `difficulties`.
    const summaries = [easyOnly, both].map((id) => {
      const line = readFileSync(indexFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes(`"id":"${id}"`))
        .pop()!
      const s = JSON.parse(line.slice(line.indexOf('\t') + 1)).s
      delete s.difficulties
      return s
    })
    writeFileSync(indexFile, encodeIndexHeader() + summaries.map(encodeSummaryLine).join(''))
    expect(readFileSync(indexFile, 'utf8')).not.toContain('difficulties')

    const store = new HistoryStore(w.dataDir)
    await store.open()
    const page = await store.list(query({ difficulties: ['medium'] }), lookup)
    expect(page.items.map((s) => s.id)).toEqual([both])
    expect(page.all).toBe(2)
    expect(readFileSync(indexFile, 'utf8')).toContain('"difficulties":["easy","medium"]')
    expect(store.problems).toEqual([]) // an upgrade, not damage
  })
})

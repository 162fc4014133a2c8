import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src-main/core/history/store'
import { drive } from '../../helpers/drive'
import { setup, world } from '../../helpers/world'

/** The seam the review index (issue #8) uses besides onDurableRecord: bulk changes and the live grade log. */
describe('review hooks on the history store', () => {
  async function playedRound(w: Awaited<ReturnType<typeof world>>): Promise<string> {
    const d = drive(w)
    const v = await w.engine.start(setup({ questionCount: 2, order: 'as-written', practice: true }))
    await d.reveal(v.id)
    await d.grade(v.id, 0, 2)
    await d.next(v.id)
    await d.reveal(v.id)
    await d.grade(v.id, 1, 5)
    await d.next(v.id)
    return v.id
  }

  it('logs each grade with the snapshot’s bank, topics, difficulty, evidence and the practice flag', async () => {
    const w = await world()
    const id = await playedRound(w)
    const grades = await w.store.liveGrades()
    expect(grades).toHaveLength(2)
    const first = grades.find((g) => g.questionIndex === 0)!
    const q = (await w.store.read(id)).questions[0]
    expect(first).toMatchObject({
      sessionId: id,
      rating: 2,
      bankId: q.bankId,
      topics: q.topics,
      difficulty: q.difficulty,
      keyPointsHit: 0,
      keyPointsTotal: q.keyPoints.length,
      overtimeMs: 0,
      practice: true
    })
    expect(first.usedMs).toEqual(expect.any(Number))
  })

  it('tells observers of delete, restore and clear, and leaves deleted sessions out of the live grades', async () => {
    const w = await world()
    const id = await playedRound(w)
    let changes = 0
    const off = w.store.onBulkChange(() => changes++)
    await w.store.delete(id, null)
    expect(changes).toBe(1)
    expect(await w.store.liveGrades()).toHaveLength(0)
    await w.store.restore(id)
    expect(changes).toBe(2)
    expect(await w.store.liveGrades()).toHaveLength(2)
    await w.store.clear(null)
    expect(changes).toBe(3)
    expect(await w.store.liveGrades()).toHaveLength(0)
    off()
    await playedRound(w)
    await w.store.clear(null)
    expect(changes).toBe(3)
  })

  it('tells observers when the grade log is rebuilt from the session files', async () => {
    const w = await world()
    await playedRound(w)
    rmSync(join(w.dataDir, 'history', 'grades.jsonl'))
    const reopened = new HistoryStore(w.dataDir)
    await reopened.open()
    let changes = 0
    reopened.onBulkChange(() => changes++)
    expect(await reopened.liveGrades()).toHaveLength(2)
    expect(changes).toBe(1)
  })
})

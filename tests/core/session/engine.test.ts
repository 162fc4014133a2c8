import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeRecords } from '../../../src-main/core/fs/records'
import { historyQuery } from '../../../src-main/core/history/query'
import type { SessionRecord } from '../../../src-main/core/session/types'
import { settle, setup, world } from '../../helpers/world'

const recordsOf = (dataDir: string, id: string): SessionRecord[] =>
  decodeRecords<SessionRecord>(readFileSync(join(dataDir, 'history', 'sessions', `${id}.jsonl`), 'utf8')).records

describe('RoundEngine', () => {
  it('counts down on main’s clock, stops while paused, and hides the answer until revealed', async () => {
    const { engine, clock } = await world()
    const v0 = await engine.start(setup())
    expect(v0.question).toMatchObject({ index: 0, remainingMs: 60_000, revealed: false, answer: null, keyPoints: null })
    clock.advance(10_000)
    expect(engine.current()!.question.remainingMs).toBe(50_000)
    await engine.pause({ roundId: v0.id })
    clock.advance(120_000)
    expect(engine.current()!.question.remainingMs).toBe(50_000)
    expect(engine.current()!.ticking).toBe(false)
    await engine.resume({ roundId: v0.id })
    clock.advance(5_000)
    expect(engine.current()!.question.remainingMs).toBe(45_000)
    const revealed = await engine.reveal({ roundId: v0.id })
    expect(revealed.question.answer).toContain('quorum')
    expect(revealed.question.keyPoints).toHaveLength(3)
    expect(revealed.question.usedMs).toBe(15_000)
  })

  it('reveals and locks the draft when time is up, and tells the renderer', async () => {
    const { engine, clock, events, dataDir } = await world()
    const v = await engine.start(setup())
    await engine.saveDraft({ roundId: v.id, index: 0, draft: 'quorum is a majority' })
    clock.advance(60_000)
    await settle()
    const now = engine.current()!
    expect(now.question).toMatchObject({ revealed: true, expired: true, draft: 'quorum is a majority', overtimeMs: 0 })
    expect(events).toContainEqual({ type: 'expired', roundId: v.id, index: 0, scope: 'question' })
    await expect(engine.saveDraft({ roundId: v.id, index: 0, draft: 'more' })).rejects.toMatchObject({ code: 'wrong-phase' })
    // Clock checkpoints (every few seconds while the question runs) are left out of the phase list.
    expect(recordsOf(dataDir, v.id).flatMap((r) => (r.t === 'clock' ? [] : [r.t]))).toEqual(['start', 'open', 'draft', 'reveal'])
  })

  it('records overtime instead when the setting allows it', async () => {
    const { engine, clock, events } = await world()
    const v = await engine.start(setup({ allowOvertime: true }))
    clock.advance(60_000)
    await settle()
    expect(engine.current()!.question).toMatchObject({ revealed: false, expired: true })
    expect(events.some((e) => e.type === 'expired')).toBe(true)
    clock.advance(7_000)
    expect(engine.current()!.question.remainingMs).toBe(-7_000)
    const r = await engine.reveal({ roundId: v.id })
    expect(r.question).toMatchObject({ expired: true, overtimeMs: 7_000, usedMs: 67_000 })
  })

  it('takes grades only after the reveal, writes each before answering, and summarises the round', async () => {
    const { engine, clock, dataDir, store } = await world()
    const v = await engine.start(setup())
    await expect(engine.grade({ roundId: v.id, index: 0, rating: 4, keyPoints: [], note: '' })).rejects.toMatchObject({
      code: 'wrong-phase'
    })
    clock.advance(20_000)
    await engine.reveal({ roundId: v.id })
    await expect(engine.next({ roundId: v.id })).rejects.toMatchObject({ code: 'wrong-phase' })
    await engine.grade({ roundId: v.id, index: 0, rating: 4, keyPoints: [0, 2, 2], note: 'forgot the table' })
    expect(recordsOf(dataDir, v.id).at(-1)).toMatchObject({ t: 'grade', rating: 4, keyPoints: [0, 2], note: 'forgot the table' })
    expect(await store.summary(v.id)).toMatchObject({ status: 'running', gradedCount: 1, averageRating: 4 })
    expect(await store.attempts('sample-etcd-two')).toMatchObject([{ sessionId: v.id, rating: 4, note: 'forgot the table' }])
    await engine.next({ roundId: v.id })
    clock.advance(30_000)
    await engine.reveal({ roundId: v.id })
    await engine.grade({ roundId: v.id, index: 1, rating: 2, keyPoints: [1], note: '' })
    const done = await engine.next({ roundId: v.id })
    expect(done.status).toBe('finished')
    expect(done.summary).toMatchObject({ questionCount: 2, gradedCount: 2, averageRating: 3, scorePercent: 50, answeringMs: 50_000 })
    expect(done.summary!.questions.map((q) => [q.rating, q.usedMs, q.keyPointsHit])).toEqual([
      [4, 20_000, 2],
      [2, 30_000, 1]
    ])
    expect(done.summary!.topics.map((t) => [t.topic, t.averageRating])).toEqual([
      ['kubectl', 2],
      ['services', 2],
      ['etcd', 4]
    ])
    const page = await store.list(historyQuery(), { questionText: () => undefined, bankTitle: () => undefined })
    expect(page.items).toMatchObject([{ id: v.id, status: 'finished', averageRating: 3, gradedCount: 2 }])
  })

  it('ends the round when the total time runs out', async () => {
    const { engine, clock, events } = await world()
    const v = await engine.start(setup({ totalMinutes: 1, secondsPerQuestion: 3600 }))
    clock.advance(60_000)
    await settle()
    expect(engine.current()).toMatchObject({ totalExpired: true, totalRemainingMs: 0, question: { revealed: true } })
    expect(events).toContainEqual({ type: 'expired', roundId: v.id, index: 0, scope: 'round' })
    await engine.grade({ roundId: v.id, index: 0, rating: 3, keyPoints: [], note: '' })
    expect((await engine.next({ roundId: v.id })).status).toBe('finished')
  })

  it('refuses requests for another round or a second round', async () => {
    const { engine } = await world()
    const v = await engine.start(setup())
    await expect(engine.reveal({ roundId: 'someone-else' })).rejects.toMatchObject({ code: 'stale-round' })
    await expect(engine.start(setup())).rejects.toMatchObject({ code: 'round-in-progress' })
    await engine.end({ roundId: v.id })
    expect(engine.current()!.status).toBe('ended-early')
  })

  it('offers a round cut off by a crash, paused where it stopped, with its grades', async () => {
    const first = await world()
    const v = await first.engine.start(setup())
    first.clock.advance(12_000)
    await first.engine.reveal({ roundId: v.id })
    await first.engine.grade({ roundId: v.id, index: 0, rating: 5, keyPoints: [0, 1, 2], note: 'nailed it' })
    await first.engine.next({ roundId: v.id })
    first.clock.advance(4_000)
    await first.engine.saveDraft({ roundId: v.id, index: 1, draft: 'kube-sys' })
    first.clock.advance(3_000) // lost: nothing written after the draft
    // The process dies here: no shutdown, no pause.

    const second = await world(first.dataDir)
    expect(second.engine.interruptedRound()).toMatchObject({ id: v.id, gradedCount: 1, questionCount: 2, index: 1 })
    await expect(second.engine.start(setup())).rejects.toMatchObject({ code: 'round-in-progress' })
    const resumed = await second.engine.resumeInterrupted({ roundId: v.id })
    expect(resumed).toMatchObject({ paused: true, index: 1, question: { draft: 'kube-sys', remainingMs: 56_000, usedMs: 4_000 } })
    second.clock.advance(30_000)
    expect(second.engine.current()!.question.remainingMs).toBe(56_000)
    await second.engine.resume({ roundId: v.id })
    second.clock.advance(1_000)
    await second.engine.reveal({ roundId: v.id })
    await second.engine.grade({ roundId: v.id, index: 1, rating: 3, keyPoints: [], note: '' })
    const done = await second.engine.next({ roundId: v.id })
    expect(done.summary).toMatchObject({ gradedCount: 2, averageRating: 4 })

    const third = await world(first.dataDir)
    expect(third.engine.interruptedRound()).toBeNull()
  })

  it('keeps a discarded interrupted round in history as abandoned', async () => {
    const first = await world()
    const v = await first.engine.start(setup())
    const second = await world(first.dataDir)
    await second.engine.discardInterrupted({ roundId: v.id })
    expect(await second.store.summary(v.id)).toMatchObject({ status: 'abandoned' })
    const third = await world(first.dataDir)
    expect(third.engine.interruptedRound()).toBeNull()
  })

  it('pauses the round on shutdown so a clean quit loses no time', async () => {
    const first = await world()
    const v = await first.engine.start(setup())
    first.clock.advance(9_000)
    await first.engine.shutdown()
    const second = await world(first.dataDir)
    const resumed = await second.engine.resumeInterrupted({ roundId: v.id })
    expect(resumed.question.remainingMs).toBe(51_000)
  })
})

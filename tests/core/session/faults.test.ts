/**
 * A round under faults: a write that fails (disk full), a crash at each phase. Every acknowledged
 * grade must be visible afterwards, and the clock must come back within a checkpoint.
 */
import { appendFileSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../src-main/core/history/store'
import { CHECKPOINT_MS } from '../../../src-main/core/session/limits'
import { RoundEngine } from '../../../src-main/core/session/engine'
import { ManualClock } from '../../../src-main/core/session/clock'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { historyQuery } from '../../../src-main/core/history/query'
import { drive } from '../../helpers/drive'
import { smallDisk } from '../../helpers/tmpfs'
import { FIXTURE_BANKS, settle, setup, tempDir, world } from '../../helpers/world'

type World = Awaited<ReturnType<typeof world>>
const restart = (w: World): Promise<World> => world(w.dataDir, w.clock)
const lookup = { questionText: (): undefined => undefined, bankTitle: () => undefined }
const sessionFile = (w: World, id: string): string => join(w.dataDir, 'history', 'sessions', `${id}.jsonl`)

describe('a write that fails changes nothing', () => {
  it('"End round" and discard that fail to write leave the round as it was (defect 9)', async () => {
    const dataDir = tempDir()
    const clock = new ManualClock()
    const { banks } = await loadBankLibrary(FIXTURE_BANKS)
    const store = new HistoryStore(dataDir)
    await store.open()
    let failing = false
    const full = (): Promise<never> => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
    const log = {
      create: store.create.bind(store),
      append: (...a: Parameters<HistoryStore['append']>) => (failing ? full() : store.append(...a)),
      interrupted: store.interrupted.bind(store)
    }
    const engine = new RoundEngine({ log, clock, banks: () => banks, emit: () => undefined })
    await engine.init()
    const v = await engine.start(setup())
    await engine.reveal({ roundId: v.id })
    failing = true
    await expect(engine.end({ roundId: v.id })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(engine.current()!.status).toBe('running')
    await expect(engine.grade({ roundId: v.id, index: 0, rating: 4, keyPoints: [], note: '' })).rejects.toThrow()
    expect(engine.current()!.question.grade).toBeNull()
    failing = false
    expect((await engine.end({ roundId: v.id })).status).toBe('ended-early')
    expect((await store.list(historyQuery(), lookup)).items[0].status).toBe('ended-early')

    // Discard: the interrupted round stays offered when its finish record cannot be written.
    const w = await world(dataDir, clock)
    const r = await w.engine.start(setup())
    const w2 = await world(dataDir, clock)
    const engine2 = new RoundEngine({
      log: { ...log, append: () => full(), interrupted: w2.store.interrupted.bind(w2.store) },
      clock,
      banks: () => banks,
      emit: () => undefined
    })
    await engine2.init()
    await expect(engine2.discardInterrupted({ roundId: r.id })).rejects.toThrow()
    expect(engine2.interruptedRound()?.id).toBe(r.id)
  })
})

describe('a crash', () => {
  it('gives back the time used on the question within a checkpoint (defect 15)', async () => {
    const w = await world()
    const v = await w.engine.start(setup())
    w.clock.advance(30_000)
    await settle()
    const w2 = await restart(w) // SIGKILL at 0:30 left of 1:00: nothing ran on the way out
    const back = await drive(w2).resumeInterrupted(v.id)
    expect(back.question.usedMs).toBeGreaterThanOrEqual(30_000 - CHECKPOINT_MS)
    expect(back.question.remainingMs).toBeLessThanOrEqual(30_000 + CHECKPOINT_MS)
  })

  it('at each phase of a round keeps every acknowledged grade and the round offered', async () => {
    const phases = ['started', 'drafted', 'revealed', 'graded', 'next', 'paused', 'graded-2'] as const
    for (const [n, phase] of phases.entries()) {
      const w = await world()
      const d = drive(w)
      const v = await w.engine.start(setup())
      const acked: number[] = []
      for (const step of phases.slice(0, n + 1)) {
        if (step === 'drafted') await d.draft(v.id, 0, 'quorum')
        if (step === 'revealed') await d.reveal(v.id)
        if (step === 'graded') acked.push((await d.grade(v.id, 0, 4)).question.grade!.rating)
        if (step === 'next') await d.next(v.id)
        if (step === 'paused') await d.pause(v.id)
        if (step === 'graded-2') {
          await d.reveal(v.id)
          acked.push((await d.grade(v.id, 1, 2)).question.grade!.rating)
        }
        w.clock.advance(1000)
      }
      const w2 = await restart(w)
      expect(w2.engine.interruptedRound(), phase).toMatchObject({ id: v.id, gradedCount: acked.length })
      const back = await drive(w2).resumeInterrupted(v.id)
      expect(back.paused, phase).toBe(true)
      const state = await w2.store.read(v.id)
      expect(
        state.attempts.flatMap((a) => (a.grade ? [a.grade.rating] : [])),
        phase
      ).toEqual(acked)
    }
  })
})

const disk = smallDisk(2048)
const skipDisk = typeof disk === 'string' ? disk : false
describe.skipIf(skipDisk)(`a full disk${skipDisk ? ` (skipped: ${skipDisk})` : ' (a 2 MiB tmpfs)'}`, () => {
  const d = disk as Exclude<typeof disk, string>
  afterAll(() => d?.unmount())
  let n = 0
  const onDisk = (): string => join(d.dir, `data-${n++}`)

  it('a failed append leaves no half record: every acknowledged grade is read back (defect 1)', async () => {
    const w = await world(onDisk())
    const r = drive(w)
    const v = await w.engine.start(setup())
    await r.reveal(v.id)
    await r.grade(v.id, 0, 4)
    await r.next(v.id)
    d.fill()
    try {
      // Bigger than the last page's slack: part of it is written before ENOSPC.
      await expect(r.draft(v.id, 1, 'etcd '.repeat(3000))).rejects.toMatchObject({ code: 'ENOSPC' })
    } finally {
      d.free()
    }
    await r.draft(v.id, 1, 'etcd again')
    await r.reveal(v.id)
    await r.grade(v.id, 1, 5)
    expect((await r.next(v.id)).status).toBe('finished')
    const w2 = await restart(w)
    expect((await w2.store.read(v.id)).attempts.map((a) => a.grade?.rating)).toEqual([4, 5])
    expect((await w2.store.list(historyQuery(), lookup)).items).toMatchObject([{ id: v.id, status: 'finished', gradedCount: 2 }])
  })

  it('starting with the disk still full keeps the round, its files and the marker, and says so (defect 2)', async () => {
    const w = await world(onDisk())
    const r = drive(w)
    const v = await w.engine.start(setup())
    await r.reveal(v.id)
    await r.grade(v.id, 0, 3)
    appendFileSync(sessionFile(w, v.id), '0badc0de\t{"t":"draft","i":1,"dra') // torn by a crash
    d.fill()
    let w2: World
    try {
      w2 = await restart(w)
      expect(w2.engine.interruptedRound()).toMatchObject({ id: v.id, gradedCount: 1 })
      expect(existsSync(sessionFile(w, v.id))).toBe(true)
      expect(existsSync(join(w.dataDir, 'history', 'active.json'))).toBe(true)
      expect(w2.store.problems.map((p) => p.message).join('\n')).toMatch(/could not be written/)
    } finally {
      d.free()
    }
    const w3 = await restart(w2)
    const back = await drive(w3).resumeInterrupted(v.id)
    expect(back.question.grade?.rating).toBe(3)
    await drive(w3).next(v.id)
    const w4 = await restart(w3)
    expect(w4.engine.interruptedRound()).toMatchObject({ id: v.id, gradedCount: 1, index: 1 })
    expect(readdirSync(join(w.dataDir, 'history', 'corrupt')).length).toBeGreaterThan(0)
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DurableRecord } from '../../../src-main/core/history/store'
import { drive } from '../../helpers/drive'
import { setup, world } from '../../helpers/world'

describe('onDurableRecord (the hook the review index subscribes to)', () => {
  it('reports each grade once it is on disk, with the state it leaves, and can be unsubscribed', async () => {
    const w = await world()
    const seen: { e: DurableRecord; onDisk: boolean }[] = []
    const off = w.store.onDurableRecord((e) => {
      const file = join(w.dataDir, 'history', 'sessions', `${e.sessionId}.jsonl`)
      seen.push({ e, onDisk: readFileSync(file, 'utf8').includes(`"t":"${e.record.t}"`) })
    })
    const d = drive(w)
    const v = await w.engine.start(setup())
    await d.reveal(v.id)
    await d.grade(v.id, 0, 4)
    const grades = seen.filter((s) => s.e.record.t === 'grade')
    expect(grades).toHaveLength(1)
    expect(grades[0].onDisk).toBe(true)
    expect(grades[0].e.state.attempts[0].grade?.rating).toBe(4)
    expect(seen.every((s) => s.onDisk)).toBe(true)
    off()
    await d.next(v.id)
    await d.reveal(v.id)
    await d.grade(v.id, 1, 2)
    expect(seen.filter((s) => s.e.record.t === 'grade')).toHaveLength(1)
  })

  it('a failing observer does not fail the write', async () => {
    const w = await world()
    w.store.onDurableRecord(() => {
      throw new Error('observer bug')
    })
    const d = drive(w)
    const v = await w.engine.start(setup())
    await d.reveal(v.id)
    expect((await d.grade(v.id, 0, 5)).question.grade?.rating).toBe(5)
  })
})

/**
 * Storage faults as a user's machine meets them: a full disk, a lost or damaged index, damaged
 * files of every kind, a crash in the middle of delete/restore. Each test checks that every
 * acknowledged grade is visible afterwards and that no file was deleted.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeRecord } from '../../../src-main/core/fs/records'
import { historyQuery } from '../../../src-main/core/history/query'
import { MAX_SESSION_BYTES } from '../../../src-main/core/history/session-files'
import type { Rating } from '../../../src-main/core/session/types'
import { drive } from '../../helpers/drive'
import { setup, world } from '../../helpers/world'

type World = Awaited<ReturnType<typeof world>>
const query = (text = '') => historyQuery({ limit: 500, text })
const lookup = { questionText: (): undefined => undefined, bankTitle: () => undefined }
const hist = (w: World, ...p: string[]): string => join(w.dataDir, 'history', ...p)
const sessionFile = (w: World, id: string): string => hist(w, 'sessions', `${id}.jsonl`)
const corrupt = (w: World): string[] => (existsSync(hist(w, 'corrupt')) ? readdirSync(hist(w, 'corrupt')) : [])

/** Plays a whole round and returns its id; drafts carry a searchable word. */
async function playRound(w: World, ratings: Rating[], word = 'etcd'): Promise<string> {
  const d = drive(w)
  const v = await w.engine.start(setup({ questionCount: ratings.length }))
  for (const [i, r] of ratings.entries()) {
    await d.draft(v.id, i, `${word} answer ${i}`)
    w.clock.advance(3000)
    await d.reveal(v.id)
    await d.grade(v.id, i, r)
    await d.next(v.id)
  }
  w.clock.advance(60_000)
  return v.id
}

/** A round left in progress (as a crash leaves it): the first question graded. */
async function leaveRunning(w: World, rating: Rating = 3): Promise<string> {
  const d = drive(w)
  const v = await w.engine.start(setup())
  await d.reveal(v.id)
  await d.grade(v.id, 0, rating)
  return v.id
}

const restart = (w: World): Promise<World> => world(w.dataDir, w.clock)

describe('a lost or damaged index', () => {
  it('is never recreated nearly empty by a write after it was lost (defect 3)', async () => {
    const w = await world()
    const ids = [await playRound(w, [4, 5]), await playRound(w, [2, 3]), await playRound(w, [5, 5], 'quorum')]
    const running = await leaveRunning(w)
    rmSync(hist(w, 'index.jsonl'))
    rmSync(hist(w, 'grades.jsonl'))
    // Start-up with the round in progress writes to the indexes at once; then the app is killed.
    const w2 = await restart(w)
    expect(w2.engine.interruptedRound()?.id).toBe(running)
    const w3 = await restart(w2)
    const page = await w3.store.list(query(), lookup)
    expect(page.items.map((s) => s.id).sort()).toEqual([...ids, running].sort())
    expect((await w3.store.list(query('etcd'), lookup)).total).toBe(2)
    expect((await w3.store.list(query('quorum'), lookup)).total).toBe(1)
  })

  it('is rebuilt when a round finishes within seconds of its loss, listing every session (defect 3)', async () => {
    const w = await world()
    const ids = [await playRound(w, [4, 5]), await playRound(w, [1, 2])]
    rmSync(hist(w, 'index.jsonl'))
    const w2 = await restart(w)
    ids.push(await playRound(w2, [3, 3]))
    const w3 = await restart(w2)
    expect((await w3.store.list(query(), lookup)).items.map((s) => s.id).sort()).toEqual(ids.sort())
  })

  it('keeps a damaged index aside and lists every session from the rebuilt one', async () => {
    const w = await world()
    const ids = [await playRound(w, [4, 5]), await playRound(w, [1, 2])]
    appendFileSync(hist(w, 'index.jsonl'), 'garbage\n')
    const w2 = await restart(w)
    expect((await w2.store.list(query(), lookup)).total).toBe(2)
    expect(corrupt(w2).some((n) => n.endsWith('index.jsonl'))).toBe(true)
    expect(readFileSync(hist(w, 'index.jsonl'), 'utf8')).not.toContain('garbage')
    expect(ids).toHaveLength(2)
  })
})

describe('damaged session files', () => {
  it('skip and report an unreadable session and list the rest (defect 6)', async () => {
    const w = await world()
    const good = [await playRound(w, [4, 5]), await playRound(w, [3, 3])]
    const dir = await playRound(w, [2, 2])
    const nullQuestions = await playRound(w, [1, 1])
    const huge = await playRound(w, [3, 4])
    truncateSync(sessionFile(w, huge), MAX_SESSION_BYTES + 1) // sparse: over the limit, nothing to read
    rmSync(sessionFile(w, dir))
    mkdirSync(sessionFile(w, dir))
    const lines = readFileSync(sessionFile(w, nullQuestions), 'utf8').split('\n')
    const start = JSON.parse(lines[0].slice(9))
    lines[0] = encodeRecord({ ...start, questions: null }).trimEnd()
    writeFileSync(sessionFile(w, nullQuestions), lines.join('\n'))
    rmSync(hist(w, 'index.jsonl'))
    const w2 = await restart(w)
    const page = await w2.store.list(query(), lookup)
    expect(page.items.map((s) => s.id).sort()).toEqual(good.sort())
    expect(w2.store.problems.map((p) => p.message).join('\n')).toMatch(new RegExp(`${dir}[^]*${nullQuestions}|${nullQuestions}[^]*${dir}`))
    // Nothing deleted: both are kept aside.
    expect(w2.store.problems.map((p) => p.message).join('\n')).toMatch(new RegExp(`${huge} is too large`))
    expect(corrupt(w2).filter((n) => [dir, nullQuestions, huge].some((id) => n.endsWith(`${id}.jsonl`)))).toHaveLength(3)
    const again = await restart(w2)
    expect((await again.store.list(query(), lookup)).total).toBe(2)
  })

  it('never stop the app from starting: the running round is a directory, too large, or has no questions (defect 7)', async () => {
    for (const damage of ['directory', 'null', 'too large'] as const) {
      const w = await world()
      const done = await playRound(w, [4, 4])
      const running = await leaveRunning(w)
      if (damage === 'directory') {
        rmSync(sessionFile(w, running))
        mkdirSync(sessionFile(w, running))
      } else if (damage === 'too large') {
        truncateSync(sessionFile(w, running), MAX_SESSION_BYTES + 1)
      } else {
        const text = readFileSync(sessionFile(w, running), 'utf8').split('\n')
        text[0] = encodeRecord({ ...JSON.parse(text[0].slice(9)), questions: null }).trimEnd()
        writeFileSync(sessionFile(w, running), text.join('\n'))
      }
      const w2 = await restart(w)
      expect(w2.engine.interruptedRound()).toBeNull()
      expect(w2.store.problems.length).toBeGreaterThan(0)
      expect((await w2.store.list(query(), lookup)).items.map((s) => s.id)).toContain(done)
      await playRound(w2, [5, 5])
    }
  })

  it('never stop the app from starting: the index is a directory while a round is in progress (defect 7)', async () => {
    const w = await world()
    const done = await playRound(w, [4, 4])
    const running = await leaveRunning(w)
    rmSync(hist(w, 'index.jsonl'))
    mkdirSync(hist(w, 'index.jsonl'))
    const w2 = await restart(w)
    expect(w2.engine.interruptedRound()?.id).toBe(running)
    expect((await w2.store.list(query(), lookup)).items.map((s) => s.id).sort()).toEqual([done, running].sort())
  })

  it('a damaged question snapshot is reported and the rest of the session shown (defect 13)', async () => {
    const w = await world()
    const id = await playRound(w, [4, 5])
    const snaps = readdirSync(hist(w, 'questions'))
    writeFileSync(hist(w, 'questions', snaps[0]), '{}')
    const w2 = await restart(w)
    const state = await w2.store.read(id)
    expect(state.attempts.map((a) => a.grade?.rating)).toEqual([4, 5])
    expect(state.questions.some((q) => /could not be found/.test(q.answer))).toBe(true)
    expect(w2.store.problems[0].message).toMatch(/saved text of 1 question/)
  })

  it('history:get of an id history does not list changes nothing (defect 11)', async () => {
    const w = await world()
    await playRound(w, [4, 5])
    const before = readFileSync(hist(w, 'index.jsonl'), 'utf8')
    await expect(w.store.read('no-such-session')).rejects.toMatchObject({ code: 'not-found' })
    expect(w.store.problems).toEqual([])
    expect(readFileSync(hist(w, 'index.jsonl'), 'utf8')).toBe(before)
  })
})

describe('the in-progress marker', () => {
  it.each([
    ['damaged JSON', '{"sessionId":'],
    ['null', 'null']
  ])('when it is %s, is kept aside and the round found from the sessions (defect 4)', async (_what, text) => {
    const w = await world()
    await playRound(w, [4, 4])
    const running = await leaveRunning(w, 5)
    writeFileSync(hist(w, 'active.json'), text)
    const w2 = await restart(w)
    expect(w2.engine.interruptedRound()).toMatchObject({ id: running, gradedCount: 1 })
    expect(corrupt(w2).some((n) => n.endsWith('active.json'))).toBe(true)
    expect(w2.store.problems[0].message).toMatch(/marker/)
    const v = await drive(w2).resumeInterrupted(running)
    expect(v.question.grade?.rating).toBe(5)
  })
})

describe('delete and restore', () => {
  it('a crash during restore leaves the session listed and deletable (defect 5)', async () => {
    const w = await world()
    const id = await playRound(w, [4, 5])
    await w.store.delete(id, null)
    // Restore moved the file back, then the app died before the index heard of it.
    const trashed = readdirSync(hist(w, 'trash')).find((n) => n.startsWith(id))!
    writeFileSync(sessionFile(w, id), readFileSync(hist(w, 'trash', trashed)))
    rmSync(hist(w, 'trash', trashed))
    const w2 = await restart(w)
    expect((await w2.store.list(query(), lookup)).items.map((s) => s.id)).toEqual([id])
    await w2.store.delete(id, null)
    expect((await w2.store.list(query(), lookup)).total).toBe(0)
  })

  it('a crash during delete can still be undone after a restart, and the bin survives restarts (defect 10)', async () => {
    const w = await world()
    const crashed = await playRound(w, [4, 5])
    const deleted = await playRound(w, [2, 3])
    await w.store.delete(deleted, null)
    // Delete moved the file to the bin, then the app died before the index heard of it.
    mkdirSync(hist(w, 'trash'), { recursive: true })
    writeFileSync(hist(w, 'trash', `${crashed}.jsonl`), readFileSync(sessionFile(w, crashed)))
    rmSync(sessionFile(w, crashed))
    const w2 = await restart(w)
    expect((await w2.store.list(query(), lookup)).total).toBe(0)
    expect(w2.store.problems).toEqual([])
    await w2.store.restore(crashed)
    await w2.store.restore(deleted)
    const restored = await w2.store.list(query(), lookup)
    expect(restored.items.map((s) => s.id).sort()).toEqual([crashed, deleted].sort())
    expect((await w2.store.read(deleted)).attempts.map((a) => a.grade?.rating)).toEqual([2, 3])
  })
})

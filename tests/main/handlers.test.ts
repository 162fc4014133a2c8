import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher } from '../../src-main/handlers'
import { historyQuery } from '../../src-main/core/history/query'
import type { KeyValueFile } from '../../src-main/core/settings'
import { FIXTURE_BANKS, setup, tempDir } from '../helpers/world'

async function app(dataDir = tempDir(), warmUpDelayMs?: number) {
  const events: string[] = []
  const services = await createAppServices({
    dataDir,
    warmUpDelayMs,
    contentDir: FIXTURE_BANKS,
    version: 't',
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: (e) => events.push(e)
  })
  return { dispatch: createDispatcher(services), events, dataDir, services }
}

describe('the handler registry', () => {
  it('answers a whole round through the contract', async () => {
    const { dispatch, events } = await app()
    const banks = await call(dispatch, 'banks:list', undefined)
    expect(banks).toMatchObject([
      { id: 'sample', questionCount: 2, difficulties: { easy: 1, medium: 1, hard: 0 }, topics: { etcd: 1, services: 1, kubectl: 1 } }
    ])
    const v = await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(dispatch, 'round:reveal', { roundId: v.id })
    await call(dispatch, 'round:grade', { roundId: v.id, index: 0, rating: 4, keyPoints: [1], note: 'ok' })
    const done = await call(dispatch, 'round:next', { roundId: v.id })
    expect(done.status).toBe('finished')
    // A command returns its view; only changes nobody asked for (deadlines) are emitted.
    expect(events).not.toContain('round:changed')
    const page = await call(dispatch, 'history:list', historyQuery())
    expect(page.total).toBe(1)
    const detail = await call(dispatch, 'history:get', { sessionId: v.id })
    expect(detail.questions[0].attempt.grade).toMatchObject({ rating: 4, keyPoints: [1], note: 'ok' })
    expect(await call(dispatch, 'history:attempts', { questionId: v.question.questionId })).toMatchObject([
      { rating: 4, sessionStartedAt: v.startedAt }
    ])
    expect(await call(dispatch, 'history:count', undefined)).toEqual({ deletable: 1 })
  })

  it.each([
    ['round:grade', { roundId: 'r', index: 0, rating: 6, keyPoints: [], note: '' }, /rating/],
    ['round:grade', { roundId: '../../etc', index: 0, rating: 3, keyPoints: [], note: '' }, /roundId must be an id/],
    ['round:start', { ...setup(), questionCount: 0 }, /questionCount at least 1 question/],
    ['round:start', { ...setup(), extra: true }, /extra/],
    ['round:saveDraft', { roundId: 'r', index: 0, draft: 'x'.repeat(20_001) }, /draft is too long/],
    ['history:list', { offset: -1 }, /Invalid input for history:list/],
    ['settings:update', { theme: 'neon' }, /theme/]
  ])('rejects bad input for %s with a typed error that names the field', async (channel, input, message) => {
    const { dispatch } = await app()
    const res = await dispatch(channel, input)
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } })
  })

  it('reads the history indexes in the background after start-up and reports damage it finds', async () => {
    const first = await app()
    const v = await call(first.dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(first.dispatch, 'round:end', { roundId: v.id })
    writeFileSync(join(first.dataDir, 'history', 'index.jsonl'), 'garbage\n')
    const second = await app(first.dataDir, 0)
    await new Promise((r) => setTimeout(r, 200))
    expect(second.events).toContain('app:problems')
    const state = await call(second.dispatch, 'app:state', undefined)
    expect(state.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/history index was damaged/) })])
    expect((await call(second.dispatch, 'history:count', undefined)).deletable).toBe(1)
  })

  it('refuses unknown channels and reports domain errors as typed errors', async () => {
    const { dispatch } = await app()
    expect(await dispatch('fs:readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatch('round:reveal', { roundId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'no-round', message: 'No round is in progress.' }
    })
    expect(await dispatch('round:start', setup({ topics: ['dns'] }))).toMatchObject({
      ok: false,
      error: { code: 'plan', message: expect.stringMatching(/No question matches/) }
    })
    expect(await dispatch('history:get', { sessionId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('starts with a clear message when the question banks folder is missing (defect 14)', async () => {
    const dataDir = tempDir()
    const services = await createAppServices({
      dataDir,
      warmUpDelayMs: null,
      contentDir: join(dataDir, 'no-such-banks'),
      version: 't',
      openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
      emit: () => undefined
    })
    const dispatch = createDispatcher(services)
    expect(await call(dispatch, 'banks:list', undefined)).toEqual([])
    const state = await call(dispatch, 'app:state', undefined)
    expect(state.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/question banks folder/) })])
  })

  it('shows a session whose question snapshot is {} with the rest intact and reports it (defect 13)', async () => {
    const { dispatch, dataDir } = await app()
    const v = await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(dispatch, 'round:reveal', { roundId: v.id })
    await call(dispatch, 'round:grade', { roundId: v.id, index: 0, rating: 4, keyPoints: [], note: 'n' })
    await call(dispatch, 'round:next', { roundId: v.id })
    const qdir = join(dataDir, 'history', 'questions')
    for (const f of readdirSync(qdir)) writeFileSync(join(qdir, f), '{}')
    const { dispatch: again } = await app(dataDir)
    const detail = await call(again, 'history:get', { sessionId: v.id })
    expect(detail.questions[0].attempt.grade).toMatchObject({ rating: 4, note: 'n' })
    expect((await call(again, 'app:state', undefined)).problems.map((p) => p.message).join()).toMatch(/saved text/)
  })

  it('reports a full disk as an io error that says nothing was changed', async () => {
    const { dispatch, services } = await app()
    const v = await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    services.rounds.reveal = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
    expect(await dispatch('round:reveal', { roundId: v.id })).toEqual({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/ENOSPC\): nothing was changed/) }
    })
  })
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher } from '../../src-main/handlers'
import type { KeyValueFile } from '../../src-main/core/settings'
import { setup, tempDir } from '../helpers/world'

const BANKS = join(import.meta.dirname, '../fixtures/bank-format')

async function app(dataDir = tempDir()) {
  const services = await createAppServices({
    dataDir,
    warmUpDelayMs: null,
    contentDir: BANKS,
    version: 't',
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: () => {}
  })
  return createDispatcher(services)
}

describe('follow-ups through the contract (#13)', () => {
  it('lists the follow-up counts apart from the written questions', async () => {
    const dispatch = await app()
    const [bank] = await call(dispatch, 'banks:list', undefined)
    expect(bank).toMatchObject({
      questionCount: 3,
      difficulties: { easy: 1, medium: 1, hard: 1 },
      followUps: { questionCount: 3, difficulties: { easy: 2, medium: 1, hard: 0 } }
    })
  })

  it('starts a round with follow-ups only when asked, and validates the option', async () => {
    const dispatch = await app()
    const plain = await call(dispatch, 'round:start', setup({ questionCount: 50 }))
    expect(plain.count).toBe(3)
    await call(dispatch, 'round:end', { roundId: plain.id })
    const withThem = await call(dispatch, 'round:start', setup({ questionCount: 50, includeFollowUps: true }))
    expect(withThem.count).toBe(6)
    await call(dispatch, 'round:end', { roundId: withThem.id })
    await expect(
      call(dispatch, 'round:start', { ...setup(), includeFollowUps: 'yes' } as unknown as ReturnType<typeof setup>)
    ).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('shows a past session with its spoken answer and follow-ups', async () => {
    const dispatch = await app()
    const v = await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(dispatch, 'round:reveal', { roundId: v.id })
    await call(dispatch, 'round:grade', { roundId: v.id, index: 0, rating: 3, keyPoints: [], note: '' })
    await call(dispatch, 'round:next', { roundId: v.id })
    const detail = await call(dispatch, 'history:get', { sessionId: v.id })
    expect(detail.questions[0].spoken).toMatch(/^A CPU limit/)
    expect(detail.questions[0].followUps).toHaveLength(2)
  })
})

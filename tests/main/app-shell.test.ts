import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher } from '../../src-main/handlers'
import type { KeyValueFile } from '../../src-main/core/settings'
import { DEFAULT_SHORTCUTS } from '../../src-main/core/preferences'
import { tempDir } from '../helpers/world'

const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'banks')

async function app(openFolder?: (p: string) => Promise<boolean>) {
  const dataDir = tempDir()
  const services = await createAppServices({
    dataDir,
    warmUpDelayMs: null,
    contentDir: CONTENT,
    version: 't',
    openFolder,
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: () => {}
  })
  return { dispatch: createDispatcher(services), dataDir }
}

describe('issue #11 channels', () => {
  it('the setup count is the planner’s: a question with several topics counts once', async () => {
    const { dispatch } = await app()
    const banks = await call(dispatch, 'banks:list', undefined)
    const bank = banks.find((b) => Object.keys(b.topics).length >= 3)!
    const topics = Object.entries(bank.topics)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([t]) => t)
    const perTopic = topics.reduce((n, t) => n + bank.topics[t], 0)
    const filter = { bankIds: [bank.id], topics, difficulties: ['easy', 'medium', 'hard'] as ('easy' | 'medium' | 'hard')[] }
    const { count } = await call(dispatch, 'round:matches', filter)
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(perTopic) // the old estimate summed per topic and over-counted
    // A round asking for more than match gets exactly `count` questions.
    const round = await call(dispatch, 'round:start', {
      ...filter,
      questionCount: 100,
      secondsPerQuestion: 60,
      order: 'as-written',
      totalMinutes: null,
      allowOvertime: false
    })
    expect(round.count).toBe(Math.min(100, count))
  })

  it('counts the follow-ups drilled as questions only when the setup includes them, as the planner draws them (#13)', async () => {
    const { dispatch } = await app()
    const banks = await call(dispatch, 'banks:list', undefined)
    const bank = banks.find((b) => b.followUps.questionCount > 0)!
    const filter = { bankIds: [bank.id], topics: [], difficulties: ['easy', 'medium', 'hard'] as ('easy' | 'medium' | 'hard')[] }
    const without = (await call(dispatch, 'round:matches', filter)).count
    const withFollowUps = (await call(dispatch, 'round:matches', { ...filter, includeFollowUps: true })).count
    expect(without).toBe(bank.questionCount)
    expect(withFollowUps).toBe(bank.questionCount + bank.followUps.questionCount)
    const round = await call(dispatch, 'round:start', {
      ...filter,
      includeFollowUps: true,
      questionCount: 100,
      secondsPerQuestion: 60,
      order: 'as-written',
      totalMinutes: null,
      allowOvertime: false
    })
    expect(round.count).toBe(Math.min(100, withFollowUps))
  })

  it('saves UI settings and refuses clashing shortcuts', async () => {
    const { dispatch } = await app()
    const state = await call(dispatch, 'app:state', undefined)
    const ui = { ...state.settings.ui, timeCues: true, shortcuts: { ...DEFAULT_SHORTCUTS, next: 'J' } }
    expect((await call(dispatch, 'settings:update', { ui })).ui.shortcuts.next).toBe('J')
    const bad = await dispatch('settings:update', { ui: { ...ui, shortcuts: { ...DEFAULT_SHORTCUTS, pause: 'N' } } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect((await call(dispatch, 'app:state', undefined)).settings.ui.shortcuts.next).toBe('J')
  })

  it('opens the data folder through the shell port, or says where it is', async () => {
    const opened: string[] = []
    const desktop = await app(async (p) => (opened.push(p), true))
    expect(await call(desktop.dispatch, 'app:openDataFolder', undefined)).toEqual({ opened: true, path: desktop.dataDir })
    expect(opened).toEqual([desktop.dataDir])
    const browser = await app()
    expect(await call(browser.dispatch, 'app:openDataFolder', undefined)).toEqual({ opened: false, path: browser.dataDir })
  })
})

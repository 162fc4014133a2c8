// Port of #10 onto #13: "practise these questions" runs exactly those, even with follow-ups switched on.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher } from '../../src-main/handlers'
import type { KeyValueFile } from '../../src-main/core/settings'
import { tempDir } from '../helpers/world'

const EXTENDED = join(import.meta.dirname, '../fixtures/bank-format/extended.md')

describe('practising chosen questions of a bank with follow-ups', () => {
  it("practises exactly the chosen questions with follow-ups on, and names a user copy's follow-ups in history", async () => {
    const dataDir = tempDir()
    const contentDir = tempDir()
    copyFileSync(EXTENDED, join(contentDir, 'extended.md'))
    const services = await createAppServices({
      dataDir,
      warmUpDelayMs: null,
      contentDir,
      version: 't',
      openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
      emit: () => undefined
    })
    const dispatch = createDispatcher(services)
    const state = await call(dispatch, 'app:state', undefined)
    await call(dispatch, 'settings:update', { roundDefaults: { ...state.settings.roundDefaults, includeFollowUps: true } })

    const bank = await call(dispatch, 'banks:create', { title: 'Mine' })
    const { questionId } = await call(dispatch, 'questions:duplicate', { questionId: 'extended-cpu-limit', bankId: bank.id })
    const round = await call(dispatch, 'questions:practise', { questionIds: [questionId, 'extended-rollout-stall'] })
    expect(round.count).toBe(2)
    expect(round.question).toMatchObject({ questionId })
    // the copy's follow-ups are drillable questions, named in history by their text
    expect(services.content.questionText(`${questionId}-fu1`)).toBe('How would you tell that a service is being throttled?')
    await services.rounds.shutdown()
  })
})

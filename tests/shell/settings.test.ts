import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openElectronSettings } from '../../src-main/shell/settings'
import { DEFAULT_SETTINGS, SettingsService } from '../../src-main/core/settings'
import type { StorageProblem } from '../../src-main/core/history/types'
import { tempDir } from '../helpers/world'

describe('settings in electron-store', () => {
  it('start from the defaults and persist changes to the data folder', async () => {
    const dir = tempDir()
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(s.get()).toEqual(DEFAULT_SETTINGS)
    s.update({ theme: 'dark', roundDefaults: { ...DEFAULT_SETTINGS.roundDefaults, questionCount: 12 } })
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))
    expect(onDisk).toMatchObject({ theme: 'dark', roundDefaults: { questionCount: 12 } })
    const again = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(again.get().theme).toBe('dark')
    expect(problems).toEqual([])
  })

  it('keep a damaged settings file aside, tell the user and use the defaults', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark", ')
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(s.get()).toEqual(DEFAULT_SETTINGS)
    expect(problems).toEqual([
      { file: join(dir, 'settings.json'), keptAt: expect.stringContaining(join(dir, 'corrupt')), message: expect.stringMatching(/damaged/) }
    ])
    expect(readFileSync(problems[0].keptAt!, 'utf8')).toBe('{"theme": "dark", ')
    expect(readdirSync(join(dir, 'corrupt'))).toHaveLength(1)
  })

  it('reset values that fail the schema and say so', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple' }))
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(s.get().theme).toBe('system')
    expect(problems[0].message).toMatch(/not valid/)
    expect(existsSync(join(dir, 'settings.json'))).toBe(true)
    expect(() => s.update({ theme: 'neon' as never })).toThrow()
  })

  it('keeps the valid ui preferences when one of them fails the schema (#11)', async () => {
    const dir = tempDir()
    const bad = { theme: 'light', ui: { ...DEFAULT_SETTINGS.ui, fontScale: 999, timeCues: true } }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(bad))
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(s.get()).toEqual({
      theme: 'light',
      roundDefaults: DEFAULT_SETTINGS.roundDefaults,
      interview: null,
      ui: { ...DEFAULT_SETTINGS.ui, timeCues: true }
    })
    expect(problems[0].message).toMatch(/ui\.fontScale/)
  })

  it('keep every valid setting when one fails the schema, keep the file in corrupt/ and say which (defect 8)', async () => {
    const dir = tempDir()
    const bad = { theme: 'dark', roundDefaults: { ...DEFAULT_SETTINGS.roundDefaults, questionCount: 0, order: 'as-written' } }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(bad))
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    // interview: review (issue #8), null when the file has none; ui: #11, a file from before it gets its defaults
    expect(s.get()).toEqual({
      theme: 'dark',
      roundDefaults: { ...DEFAULT_SETTINGS.roundDefaults, order: 'as-written' },
      interview: null,
      ui: DEFAULT_SETTINGS.ui
    })
    expect(problems).toEqual([
      {
        file: join(dir, 'settings.json'),
        keptAt: expect.stringContaining(join(dir, 'corrupt')),
        message: expect.stringMatching(/roundDefaults\.questionCount/)
      }
    ])
    expect(problems[0].message).not.toMatch(/ui/)
    expect(JSON.parse(readFileSync(problems[0].keptAt!, 'utf8'))).toEqual(bad)
  })

  it('keep a settings file holding null aside and say so (defect 8)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), 'null')
    const problems: StorageProblem[] = []
    const s = await SettingsService.open(dir, () => openElectronSettings(dir), problems)
    expect(s.get()).toEqual(DEFAULT_SETTINGS)
    expect(problems).toEqual([{ file: join(dir, 'settings.json'), keptAt: expect.any(String), message: expect.stringMatching(/damaged/) }])
    expect(readFileSync(problems[0].keptAt!, 'utf8')).toBe('null')
  })
  // ---- review (issue #8) ----
  it('keep a valid interview date when another setting fails, and reset a bad one with the rest kept', async () => {
    const dir = tempDir()
    const interview = { date: '2027-01-15', topics: ['networking'] }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', roundDefaults: DEFAULT_SETTINGS.roundDefaults, interview }))
    const problems: StorageProblem[] = []
    expect((await SettingsService.open(dir, () => openElectronSettings(dir), problems)).get().interview).toEqual(interview)
    const dir2 = tempDir()
    writeFileSync(join(dir2, 'settings.json'), JSON.stringify({ theme: 'dark', interview: { date: 'soon', topics: [] } }))
    const problems2: StorageProblem[] = []
    const s = await SettingsService.open(dir2, () => openElectronSettings(dir2), problems2)
    expect(s.get()).toMatchObject({ theme: 'dark', interview: null })
    expect(problems2[0].message).toMatch(/interview/)
  })
})

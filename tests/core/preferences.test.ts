import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import {
  DEFAULT_SHORTCUTS,
  DEFAULT_UI_SETTINGS,
  actionForKey,
  acceleratorLabel,
  keyName,
  shortcutClashes
} from '../../src-main/core/preferences'
import { UiSettingsSchema } from '../../src-main/core/settings-schema'
import { SettingsSchema } from '../../src-main/contract'
import { DEFAULT_SETTINGS } from '../../src-main/core/settings'

describe('UI preferences and shortcuts', () => {
  it('the defaults are valid and have no clash', () => {
    expect(v.parse(UiSettingsSchema, DEFAULT_UI_SETTINGS)).toEqual(DEFAULT_UI_SETTINGS)
    expect(shortcutClashes(DEFAULT_SHORTCUTS)).toEqual([])
    expect(DEFAULT_UI_SETTINGS.timeCues).toBe(false)
  })

  it('finds two actions on one key, whatever the case', () => {
    expect(shortcutClashes({ ...DEFAULT_SHORTCUTS, pause: 'n' })).toEqual([{ key: 'N', actions: ['next', 'pause'] }])
  })

  it('refuses keys that typing and moving around need', () => {
    expect(shortcutClashes({ ...DEFAULT_SHORTCUTS, next: 'Tab' })).toEqual([{ key: 'Tab', actions: ['next'] }])
    expect(shortcutClashes({ ...DEFAULT_SHORTCUTS, reveal: 'Enter' })).toEqual([{ key: 'Enter', actions: ['reveal'] }])
  })

  it('main refuses a settings update with clashing shortcuts', () => {
    const bad = { ...DEFAULT_UI_SETTINGS, shortcuts: { ...DEFAULT_SHORTCUTS, grade1: '2' } }
    const r = v.safeParse(UiSettingsSchema, bad)
    expect(r.success).toBe(false)
    expect(r.issues?.[0].message).toBe('two actions share one key')
  })

  it('settings saved before this version get the UI defaults', () => {
    const { ui: _ui, ...old } = DEFAULT_SETTINGS
    expect(v.parse(SettingsSchema, old).ui).toEqual(DEFAULT_UI_SETTINGS)
  })

  it('maps key presses to actions', () => {
    expect(keyName(' ')).toBe('Space')
    expect(actionForKey(DEFAULT_SHORTCUTS, ' ')).toBe('reveal')
    expect(actionForKey(DEFAULT_SHORTCUTS, 'n')).toBe('next')
    expect(actionForKey(DEFAULT_SHORTCUTS, 'N')).toBe('next')
    expect(actionForKey(DEFAULT_SHORTCUTS, '?')).toBe('help')
    expect(actionForKey({ ...DEFAULT_SHORTCUTS, next: 'J' }, 'n')).toBeNull()
  })

  it('writes accelerators for the platform', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+D', false)).toBe('Ctrl+Shift+D')
    expect(acceleratorLabel('CmdOrCtrl+Plus', true)).toBe('⌘++')
  })
})

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Settings, RoundSetup } from '@contract'
import { call } from '../api'
import { DEFAULT_UI_SETTINGS, type UiSettings } from '@shared'

export type ThemeChoice = Settings['theme']

/** The user's settings as main keeps them (theme, round defaults). */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const theme = computed<ThemeChoice>(() => settings.value?.theme ?? 'system')
  const roundDefaults = computed<RoundSetup | null>(() => settings.value?.roundDefaults ?? null)
  const ui = computed<UiSettings>(() => settings.value?.ui ?? DEFAULT_UI_SETTINGS)

  function set(value: Settings): void {
    settings.value = value
  }

  async function update(patch: Partial<Settings>): Promise<Settings> {
    const next = await call('settings:update', patch)
    settings.value = next
    return next
  }

  /** Switches at once, and goes back if main refuses to save it. */
  async function setTheme(choice: ThemeChoice): Promise<void> {
    const before = settings.value
    if (before) settings.value = { ...before, theme: choice }
    try {
      await update({ theme: choice })
    } catch (e) {
      settings.value = before
      throw e
    }
  }

  async function saveRoundDefaults(setup: RoundSetup): Promise<void> {
    await update({ roundDefaults: setup })
  }

  /** Changes one UI preference at once; main validates it (clashing shortcuts are refused). */
  async function setUi(patch: Partial<UiSettings>): Promise<void> {
    const before = settings.value
    const next = { ...ui.value, ...patch }
    if (before) settings.value = { ...before, ui: next }
    try {
      await update({ ui: next })
    } catch (e) {
      settings.value = before
      throw e
    }
  }

  return { settings, theme, roundDefaults, ui, set, update, setTheme, saveRoundDefaults, setUi }
})

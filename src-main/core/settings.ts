import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import { keepCopy, moveAside } from './fs/durable'
import type { StorageProblem } from './history/types'
import { RoundSetupSchema } from './session/schema'
import { SettingsPatchSchema, SettingsSchema, UiSettingsSchema, type Settings } from './settings-schema'
import { DEFAULT_UI_SETTINGS } from './preferences'

export const SETTINGS_FILE = 'settings.json'

export { SettingsSchema, SettingsPatchSchema, type Settings }

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  roundDefaults: {
    bankIds: [],
    topics: [],
    difficulties: [],
    questionCount: 5,
    secondsPerQuestion: null,
    order: 'random',
    totalMinutes: null,
    allowOvertime: false
  },
  interview: null, // review (issue #8)
  ui: DEFAULT_UI_SETTINGS
}

/** What electron-store and conf have in common: the whole store as one object, written atomically. */
export interface KeyValueFile {
  store: Record<string, unknown>
}

/**
 * Settings on top of electron-store (or conf in the web shell). A file that is not valid JSON is
 * moved aside (kept) and reported before the store opens it, because conf would otherwise reset it
 * silently; values that fail the schema fall back to their defaults one by one (every valid value
 * is kept), a copy of the file is kept in `corrupt/`, and that is reported too.
 */
export class SettingsService {
  private constructor(
    private readonly file: KeyValueFile,
    private value: Settings
  ) {}

  static async open(dir: string, openFile: () => KeyValueFile, problems: StorageProblem[]): Promise<SettingsService> {
    const path = join(dir, SETTINGS_FILE)
    const corrupt = join(dir, 'corrupt')
    if (existsSync(path)) {
      let ok = false
      try {
        const raw: unknown = JSON.parse(readFileSync(path, 'utf8'))
        ok = typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      } catch {
        ok = false
      }
      if (!ok) {
        const keptAt = await moveAside(path, corrupt, 'corrupt')
        problems.push({ file: path, keptAt, message: 'Your settings file was damaged; it was set aside and the defaults are in use.' })
      }
    }
    const file = openFile()
    const parsed = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, ...file.store })
    let value: Settings
    if (parsed.success) {
      value = parsed.output
    } else {
      // Keep the file as it was, keep every valid value, reset only the invalid ones, and say which.
      const keptAt = existsSync(path) ? await keepCopy(path, corrupt, 'invalid').catch(() => null) : null
      const { settings, reset } = salvage(file.store)
      problems.push({
        file: path,
        keptAt,
        message: `Some settings were not valid and were reset to their defaults (${reset.join(', ')}); the others were kept${keptAt ? ', and a copy of the file was kept' : ''}.`
      })
      value = settings
      file.store = { ...value }
    }
    return new SettingsService(file, value)
  }

  get(): Settings {
    return this.value
  }

  update(patch: Partial<Settings>): Settings {
    const next = v.parse(SettingsSchema, { ...this.value, ...patch })
    this.file.store = { ...next }
    this.value = next
    return next
  }
}

/** Keeps each setting (and each round default) that is valid on its own; the rest take their defaults. */
function salvage(store: Record<string, unknown>): { settings: Settings; reset: string[] } {
  const reset: string[] = []
  const theme = v.safeParse(SettingsSchema.entries.theme, store.theme ?? DEFAULT_SETTINGS.theme)
  if (!theme.success) reset.push('theme')
  const given = (typeof store.roundDefaults === 'object' && store.roundDefaults !== null ? store.roundDefaults : {}) as Record<
    string,
    unknown
  >
  if (store.roundDefaults !== undefined && given !== store.roundDefaults) reset.push('roundDefaults')
  const defaults: Record<string, unknown> = { ...DEFAULT_SETTINGS.roundDefaults }
  for (const [key, schema] of Object.entries(RoundSetupSchema.entries)) {
    if (!(key in given)) continue
    const r = v.safeParse(schema, given[key])
    if (r.success) defaults[key] = r.output
    else reset.push(`roundDefaults.${key}`)
  }
  const roundDefaults = v.safeParse(RoundSetupSchema, defaults)
  // ---- review (issue #8): the interview date is kept when valid on its own ----
  const interview = v.safeParse(SettingsSchema.entries.interview, store.interview ?? null)
  if (!interview.success) reset.push('interview')
  // ---- ui preferences (#11): each one kept if valid on its own ----
  const givenUi = (typeof store.ui === 'object' && store.ui !== null ? store.ui : {}) as Record<string, unknown>
  if (store.ui !== undefined && givenUi !== store.ui) reset.push('ui')
  const uiValues: Record<string, unknown> = structuredClone(DEFAULT_UI_SETTINGS)
  for (const [key, schema] of Object.entries(UiSettingsSchema.entries)) {
    if (!(key in givenUi)) continue
    const r = v.safeParse(schema, givenUi[key])
    if (r.success) uiValues[key] = r.output
    else reset.push(`ui.${key}`)
  }
  const ui = v.safeParse(UiSettingsSchema, uiValues)
  return {
    settings: {
      theme: theme.success ? theme.output : DEFAULT_SETTINGS.theme,
      roundDefaults: roundDefaults.success ? roundDefaults.output : DEFAULT_SETTINGS.roundDefaults,
      interview: interview.success ? interview.output : null, // review (issue #8)
      ui: ui.success ? ui.output : structuredClone(DEFAULT_UI_SETTINGS)
    },
    reset
  }
}

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import { moveAside } from './fs/durable'
import type { StorageProblem } from './history/types'
import { SettingsSchema, type Settings } from '../contract'
import { DEFAULT_UI_SETTINGS } from './preferences'

export const SETTINGS_FILE = 'settings.json'

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
  ui: DEFAULT_UI_SETTINGS
}

/** What electron-store and conf have in common: the whole store as one object, written atomically. */
export interface KeyValueFile {
  store: Record<string, unknown>
}

/**
 * Settings on top of electron-store (or conf in the web shell). A file that is not valid JSON is
 * moved aside (kept) and reported before the store opens it, because conf would otherwise reset it
 * silently; values that fail the schema fall back to their defaults, and that is reported too.
 */
export class SettingsService {
  private constructor(
    private readonly file: KeyValueFile,
    private value: Settings
  ) {}

  static async open(dir: string, openFile: () => KeyValueFile, problems: StorageProblem[]): Promise<SettingsService> {
    const path = join(dir, SETTINGS_FILE)
    if (existsSync(path)) {
      try {
        JSON.parse(readFileSync(path, 'utf8'))
      } catch {
        const keptAt = await moveAside(path, join(dir, 'corrupt'), 'corrupt')
        problems.push({ file: path, keptAt, message: 'Your settings file was damaged; it was set aside and the defaults are in use.' })
      }
    }
    const file = openFile()
    const parsed = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, ...file.store })
    let value: Settings
    if (parsed.success) {
      value = parsed.output
    } else {
      problems.push({ file: path, keptAt: null, message: 'Some settings were not valid and were reset to their defaults.' })
      value = DEFAULT_SETTINGS
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

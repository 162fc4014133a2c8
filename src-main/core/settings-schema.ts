/** The settings' schema (pure, no Node): the settings service validates with it, the contract composes it. */
import * as v from 'valibot'
import { RoundSetupSchema } from './session/schema'
import { InterviewSchema } from './review/schema' // review (issue #8)
import { DEFAULT_SHORTCUTS, DEFAULT_UI_SETTINGS, shortcutClashes, type ShortcutAction } from './preferences'

export const THEMES = ['system', 'light', 'dark'] as const

// ---- ui preferences (#11) ----------------------------------------------------------------------

/** One key as `KeyboardEvent.key` names it, upper-cased letters, "Space" for the space bar. */
const Key = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(12),
  v.regex(/^(?:[!-~]|Space|Escape|Backspace|Delete|Home|End|F[1-9]|F1[0-2])$/, 'must be one key')
)

export const ShortcutsSchema = v.pipe(
  v.strictObject(Object.fromEntries(Object.keys(DEFAULT_SHORTCUTS).map((k) => [k, Key])) as Record<ShortcutAction, typeof Key>),
  v.check((map) => shortcutClashes(map).length === 0, 'two actions share one key')
)

export const UiSettingsSchema = v.strictObject({
  /** Soft sound and a visual cue at 30 s and 10 s left. */
  timeCues: v.boolean(),
  /** Text size in percent of the default. */
  fontScale: v.pipe(v.number(), v.integer(), v.minValue(80), v.maxValue(150)),
  /** After the reveal, the draft beside the model answer (stacked on narrow windows). */
  draftBesideAnswer: v.boolean(),
  shortcuts: ShortcutsSchema
})
export type UiSettings = v.InferOutput<typeof UiSettingsSchema>

// ---- settings -----------------------------------------------------------------------------------

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  roundDefaults: RoundSetupSchema,
  interview: v.optional(v.nullable(InterviewSchema)), // review (issue #8)
  /** Optional with a default, so settings files written before #11 still parse. */
  ui: v.optional(UiSettingsSchema, () => structuredClone(DEFAULT_UI_SETTINGS))
})
export type Settings = v.InferOutput<typeof SettingsSchema>
export const SettingsPatchSchema = v.partial(SettingsSchema)

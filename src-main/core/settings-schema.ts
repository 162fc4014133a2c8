/** The settings' schema (pure, no Node): the settings service validates with it, the contract composes it. */
import * as v from 'valibot'
import { RoundSetupSchema } from './session/schema'
import { InterviewSchema } from './review/schema' // review (issue #8)

export const THEMES = ['system', 'light', 'dark'] as const

export const SettingsSchema = v.strictObject({
  theme: v.picklist(THEMES),
  roundDefaults: RoundSetupSchema,
  interview: v.optional(v.nullable(InterviewSchema)) // review (issue #8)
})
export type Settings = v.InferOutput<typeof SettingsSchema>
export const SettingsPatchSchema = v.partial(SettingsSchema)

/**
 * The IPC contract: every request the renderer may make (channel → input schema → result type) and
 * every event main sends. Main validates inputs with these schemas, the preload exposes exactly
 * these channels, and the renderer derives its types from here. Nothing else crosses the boundary.
 */
import * as v from 'valibot'
import type { BankLoadProblem, Difficulty, QuestionTally } from './core/bank/types'
import type { RoundSummary } from './core/session/summary'
import type { Attempt, InterruptedRound, RoundEvent, RoundQuestion, RoundView } from './core/session/types'
import type { MENU_ITEMS } from './core/preferences'
import type { HistoryPage, QuestionAttemptRecord, SessionListItem, SessionSummary, StorageProblem } from './core/history/types'
import { roundRequests } from './core/session/schema'
import { historyRequests } from './core/history/schema'
import { SettingsPatchSchema, type Settings } from './core/settings-schema'

// ---- requests: the domain's tables, composed --------------------------------------------------

const Nothing = v.optional(v.undefined())

export { RoundSetupSchema } from './core/session/schema'
export { HistoryQuerySchema } from './core/history/schema'
export { SettingsSchema } from './core/settings-schema'

export const requests = {
  'app:state': Nothing,
  'banks:list': Nothing,
  'settings:update': SettingsPatchSchema,
  'round:current': Nothing,
  ...roundRequests,
  ...historyRequests,
  // ---- app shell (#11) ----
  'app:openDataFolder': Nothing
} as const

// ---- results ------------------------------------------------------------------------------------

export interface BankSummary {
  id: string
  title: string
  description: string
  questionCount: number
  topics: Record<string, number>
  difficulties: Record<Difficulty, number>
  /** Questions per topic and difficulty, for the setup screen's counts. */
  matrix: { topic: string; difficulty: Difficulty; count: number }[]
  /** #13: the same counts for the follow-ups drilled as questions (only when the setup includes them). */
  followUps: QuestionTally
}

export type Problem = StorageProblem | (BankLoadProblem & { keptAt?: null })

export interface AppState {
  version: string
  dataDir: string
  /** Files that were skipped or set aside at start-up, to show the user. */
  problems: Problem[]
  interrupted: InterruptedRound | null
  settings: Settings
}

export interface SessionQuestion extends RoundQuestion {
  attempt: Attempt
}

export interface SessionDetail {
  summary: SessionListItem
  result: RoundSummary
  questions: SessionQuestion[]
}

export interface AttemptHistoryItem extends QuestionAttemptRecord {
  sessionStartedAt: string | null
}

export interface Results {
  'app:state': AppState
  'banks:list': BankSummary[]
  'settings:update': Settings
  'round:start': RoundView
  'round:current': RoundView | null
  'round:saveDraft': RoundView
  'round:reveal': RoundView
  'round:grade': RoundView
  'round:next': RoundView
  'round:pause': RoundView
  'round:resume': RoundView
  'round:end': RoundView
  'round:resumeInterrupted': RoundView
  'round:discardInterrupted': null
  'history:list': HistoryPage
  'history:get': SessionDetail
  'history:attempts': AttemptHistoryItem[]
  'history:delete': null
  'history:restore': SessionSummary
  'history:count': { deletable: number }
  'history:clear': { removed: number }
  // ---- app shell (#11) ----
  /** opened: the folder was opened in the file manager; false in the browser shell (show the path). */
  'app:openDataFolder': { opened: boolean; path: string }
  'round:matches': { count: number }
}

export type Channel = keyof typeof requests
export type Input<C extends Channel> = v.InferInput<(typeof requests)[C]>
export type Output<C extends Channel> = Results[C]

export const CHANNELS = Object.keys(requests) as Channel[]

// ---- events (main → renderer) -------------------------------------------------------------------

export interface Events {
  'round:changed': RoundView
  'round:expired': Extract<RoundEvent, { type: 'expired' }>
  'app:problems': Problem[]
  // ---- app shell (#11) ----
  /** A native menu item: the renderer navigates or acts (the list: MENU_ITEMS in core/preferences). */
  'app:menu': MenuCommand
}
export type EventName = keyof Events
export const EVENTS: EventName[] = ['round:changed', 'round:expired', 'app:problems', 'app:menu']

// ---- app shell (#11) ----
/** What a native menu item asks the window to do; features add theirs here. */
export type MenuCommand = (typeof MENU_ITEMS)[number]['command']

// ---- the envelope every request returns ---------------------------------------------------------

export type ErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'no-round'
  | 'stale-round'
  | 'wrong-phase'
  | 'round-in-progress'
  | 'invalid'
  | 'not-found'
  | 'corrupt'
  | 'busy'
  | 'io'
  | 'plan'
  | 'internal'

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** For invalid input: which field and what is wrong with it. */
  issues?: { path: string; message: string }[]
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

/** window.api: one method per channel, grouped by domain (`api.round.grade(...)`), plus events. */
export type Api = {
  [D in Channel extends `${infer X}:${string}` ? X : never]: {
    [C in Channel as C extends `${D}:${infer M}` ? M : never]: (input: Input<C>) => Promise<Envelope<Output<C>>>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

export type { QuestionResult, TopicResult } from './core/session/summary'
export type { RoundView, InterruptedRound, RoundSummary, SessionSummary, SessionListItem, HistoryPage, StorageProblem }
export type { HistoryQuery } from './core/history/schema'
export type { RoundSetup, Rating, RoundStatus } from './core/session/schema'
export type { Settings }
export type { UiSettings } from './core/settings-schema' // #11
export type { FollowUp } from './core/bank/types'

/**
 * The IPC contract: every request the renderer may make (channel → input schema → result type) and
 * every event main sends. Main validates inputs with these schemas, the preload exposes exactly
 * these channels, and the renderer derives its types from here. Nothing else crosses the boundary.
 */
import * as v from 'valibot'
import type { BankLoadProblem, Difficulty, QuestionTally } from './core/bank/types'
import { channel, composeChannels, NoInput, type ResultOf } from './core/channel'
import { libraryChannels } from './library-contract'
import type { InterruptedRound, RoundEvent, RoundView } from './core/session/types'
import { roundChannels } from './core/session/schema'
// ---- review (issue #8) ----
import { reviewChannels, type Interview } from './core/review/schema'
import type {
  Forecast,
  GroupRow,
  HomeSummary,
  QuestionRow,
  ReviewOverview,
  RoundSource,
  Statistics,
  TopicReadiness
} from './core/review/results'
export type { HomeSummary, ReviewOverview, GroupRow, QuestionRow, Statistics, Forecast, TopicReadiness, RoundSource }
export type { Interview }
export { InterviewSchema } from './core/review/schema'
// ---- end review ----
import type { MENU_ITEMS } from './core/preferences'
import type { StorageProblem } from './core/history/types'
import { historyChannels } from './core/history/schema'
import { SettingsPatchSchema, type Settings } from './core/settings-schema'
import type { JobProgress, SaveOutcome } from './core/export/types'
import type { BackupContents, BackupFileInfo } from './core/backup/types'
import { exportChannels } from './core/export/schema'
import { backupChannels } from './core/backup/schema'

export { RoundSetupSchema } from './core/session/schema'
export { HistoryQuerySchema } from './core/history/schema'
export { SettingsSchema } from './core/settings-schema'
export { QuestionFilterSchema } from './library-contract'
export type { SaveOutcome, BackupContents, BackupFileInfo, JobProgress }

// ---- the app's own channels: what the app composes from several domains ------------------------

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

const appChannels = {
  'app:state': channel(NoInput).returns<AppState>(),
  'banks:list': channel(NoInput).returns<BankSummary[]>(),
  'settings:update': channel(SettingsPatchSchema).returns<Settings>(),
  // ---- app shell (#11) ----
  /** opened: the folder was opened in the file manager; false in the browser shell (show the path). */
  'app:openDataFolder': channel(NoInput).returns<{ opened: boolean; path: string }>()
}

// ---- requests: the one table of every channel (input schema + result), and what derives from it --

/**
 * Every request the renderer may make, each declared once by its domain. review's table declares
 * round:start (the round setup widened with a drill source).
 */
export const channels = composeChannels(
  appChannels,
  libraryChannels,
  roundChannels,
  historyChannels,
  exportChannels,
  backupChannels,
  reviewChannels
)

export type Channel = keyof typeof channels
/** Channel → input schema: what the dispatcher validates with. */
export type Requests = { [C in Channel]: (typeof channels)[C]['input'] }
/** Channel → result type. */
export type Results = { [C in Channel]: ResultOf<(typeof channels)[C]> }
export type Input<C extends Channel> = v.InferInput<Requests[C]>
export type Output<C extends Channel> = Results[C]

/** The dispatcher's validation map, derived from `channels`. */
export const requests = Object.fromEntries(Object.entries(channels).map(([name, spec]) => [name, spec.input])) as Requests
/** The allow-list of the preload and the web bridge, derived from `channels`. */
export const CHANNELS = Object.keys(channels) as Channel[]

// ---- events (main → renderer) -------------------------------------------------------------------

export interface Events {
  'round:changed': RoundView
  'round:expired': Extract<RoundEvent, { type: 'expired' }>
  'app:problems': Problem[]
  // ---- issue-10 ----
  'banks:changed': { problems: BankLoadProblem[] }
  'import:progress': { file: string; done: number; total: number }
  // ---- issue #9 ----
  'export:progress': JobProgress
  // ---- app shell (#11) ----
  /** A native menu item: the renderer navigates or acts (the list: MENU_ITEMS in core/preferences). */
  'app:menu': MenuCommand
}
export type EventName = keyof Events
export const EVENTS: EventName[] = [
  'round:changed',
  'round:expired',
  'app:problems',
  'banks:changed',
  'import:progress',
  'export:progress',
  'app:menu'
]

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
  | 'read-only'
  | 'internal'
  | 'cancelled'
  | 'write-failed'
  | 'refused'

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
export type { RoundView, InterruptedRound }
export type { RoundSummary } from './core/session/summary'
export type { SessionSummary, SessionListItem, HistoryPage } from './core/history/types'
export type { StorageProblem }
export type { SessionDetail, SessionQuestion, AttemptHistoryItem } from './core/history/schema'
export type { HistoryQuery } from './core/history/schema'
export type { RoundSetup, Rating, RoundStatus } from './core/session/schema'
export type { Settings }
export type { UiSettings } from './core/settings-schema' // #11
export type { FollowUp } from './core/bank/types'
// ---- issue-10 ----
export type { Library, LibraryBank, QuestionDetail, ImportPreview, ImportPreviewItem } from './library-contract'
export type { QuestionDraft } from './core/bank/edit'

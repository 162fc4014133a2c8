/**
 * The IPC contract: every request the renderer may make (channel → input schema → result type) and
 * every event main sends. Main validates inputs with these schemas, the preload exposes exactly
 * these channels, and the renderer derives its types from here. Nothing else crosses the boundary.
 */
import * as v from 'valibot'
import type { BankLoadProblem, Difficulty } from './core/bank/types'
import type { RoundSummary } from './core/session/summary'
import type { Attempt, InterruptedRound, RoundEvent, RoundQuestion, RoundView } from './core/session/types'
import { DEFAULT_UI_SETTINGS, UiSettingsSchema, type MENU_ITEMS } from './core/preferences'
import type { HistoryPage, QuestionAttemptRecord, SessionListItem, SessionSummary, StorageProblem } from './core/history/types'

// ---- input schemas ------------------------------------------------------------------------------

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'))
const QuestionId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a question id'), v.maxLength(120))
const DifficultySchema = v.picklist(['easy', 'medium', 'hard'])
const StatusSchema = v.picklist(['running', 'finished', 'ended-early', 'abandoned'])
const Index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999))

export const RoundSetupSchema = v.strictObject({
  bankIds: v.pipe(v.array(QuestionId), v.maxLength(100)),
  topics: v.pipe(v.array(QuestionId), v.maxLength(100)),
  difficulties: v.array(DifficultySchema),
  questionCount: v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1 question'), v.maxValue(100, 'at most 100 questions')),
  secondsPerQuestion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(5, 'at least 5 seconds'), v.maxValue(3600, 'at most an hour'))),
  order: v.picklist(['random', 'as-written']),
  totalMinutes: v.nullable(v.pipe(v.number(), v.minValue(1, 'at least 1 minute'), v.maxValue(600, 'at most 10 hours'))),
  allowOvertime: v.boolean()
})

export const SettingsSchema = v.strictObject({
  theme: v.picklist(['system', 'light', 'dark']),
  roundDefaults: RoundSetupSchema,
  // ---- ui preferences (#11) ----
  ui: v.optional(UiSettingsSchema, () => structuredClone(DEFAULT_UI_SETTINGS))
})
export type Settings = v.InferOutput<typeof SettingsSchema>

const RoundRef = v.strictObject({ roundId: Id })
const SessionRef = v.strictObject({ sessionId: Id })
const Nothing = v.optional(v.undefined())

export const HistoryQuerySchema = v.strictObject({
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  sort: v.strictObject({
    key: v.picklist(['startedAt', 'averageRating', 'durationMs', 'questionCount', 'status']),
    dir: v.picklist(['asc', 'desc'])
  }),
  topics: v.pipe(v.array(QuestionId), v.maxLength(100)),
  statuses: v.array(StatusSchema),
  from: v.nullable(v.pipe(v.string(), v.isoDate())),
  to: v.nullable(v.pipe(v.string(), v.isoDate())),
  minRating: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5))),
  maxRating: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5))),
  text: v.pipe(v.string(), v.maxLength(200))
})

export const requests = {
  'app:state': Nothing,
  'banks:list': Nothing,
  'settings:update': v.partial(SettingsSchema),
  'round:start': RoundSetupSchema,
  'round:current': Nothing,
  'round:saveDraft': v.strictObject({
    roundId: Id,
    index: Index,
    draft: v.pipe(v.string(), v.maxLength(20_000, 'the draft is too long (20,000 characters at most)'))
  }),
  'round:reveal': RoundRef,
  'round:grade': v.strictObject({
    roundId: Id,
    index: Index,
    rating: v.picklist([1, 2, 3, 4, 5]),
    keyPoints: v.pipe(v.array(Index), v.maxLength(20)),
    note: v.pipe(v.string(), v.maxLength(2000, 'the note is too long (2,000 characters at most)'))
  }),
  'round:next': RoundRef,
  'round:pause': RoundRef,
  'round:resume': RoundRef,
  'round:end': RoundRef,
  'round:resumeInterrupted': RoundRef,
  'round:discardInterrupted': RoundRef,
  'history:list': HistoryQuerySchema,
  'history:get': SessionRef,
  'history:attempts': v.strictObject({ questionId: QuestionId }),
  'history:delete': SessionRef,
  'history:restore': SessionRef,
  'history:count': Nothing,
  'history:clear': v.strictObject({ expectedCount: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  // ---- app shell (#11) ----
  'app:openDataFolder': Nothing,
  /** How many questions a setup draws from: the planner's own filter, not an estimate. */
  'round:matches': v.strictObject({
    bankIds: v.pipe(v.array(QuestionId), v.maxLength(100)),
    topics: v.pipe(v.array(QuestionId), v.maxLength(100)),
    difficulties: v.array(DifficultySchema)
  })
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

export type { RoundView, InterruptedRound, RoundSummary, SessionSummary, SessionListItem, HistoryPage, StorageProblem }
export type { HistoryQuery } from './core/history/types'
export type { RoundSetup, Rating } from './core/session/types'

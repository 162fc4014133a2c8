/**
 * The IPC contract: every request the renderer may make (channel → input schema → result type) and
 * every event main sends. Main validates inputs with these schemas, the preload exposes exactly
 * these channels, and the renderer derives its types from here. Nothing else crosses the boundary.
 */
import * as v from 'valibot'
import type { BankLoadProblem, Difficulty, QuestionTally } from './core/bank/types'
import { BankTitleSchema, QuestionDraftSchema, TopicSchema } from './core/bank/edit'
import type { LibraryResults } from './library-contract'
import type { RoundSummary } from './core/session/summary'
import type { Attempt, InterruptedRound, RoundEvent, RoundQuestion, RoundView } from './core/session/types'
// ---- review (issue #8) ----
import { reviewRequests, type Interview } from './core/review/schema'
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
import type { HistoryPage, QuestionAttemptRecord, SessionListItem, SessionSummary, StorageProblem } from './core/history/types'
import { DifficultySchema, roundRequests, SlugSchema } from './core/session/schema'
import { historyRequests } from './core/history/schema'
import { SettingsPatchSchema, type Settings } from './core/settings-schema'
import type { JobProgress, SaveOutcome } from './core/export/types'
import type { BackupContents, BackupFileInfo } from './core/backup/types'
import { exportRequests } from './core/export/schema'
import { backupRequests } from './core/backup/schema'

// ---- requests: the domain's tables, composed --------------------------------------------------

const Nothing = v.optional(v.undefined())

export { RoundSetupSchema } from './core/session/schema'
export { HistoryQuerySchema } from './core/history/schema'
export { SettingsSchema } from './core/settings-schema'

// ---- issue-10: banks, questions, import (schemas) ------------------------------------------------
const QuestionId = SlugSchema
const BankId = QuestionId
const UndoToken = v.pipe(v.string(), v.regex(/^[a-z]+-\d{1,9}$/, 'must be an undo token'))
const StageId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an upload id'))
const QuestionIds = v.pipe(v.array(QuestionId), v.minLength(1, 'choose at least one question'), v.maxLength(10_000))
export const QuestionFilterSchema = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(200)),
  bankIds: v.pipe(v.array(BankId), v.maxLength(200)),
  topics: v.pipe(v.array(TopicSchema), v.maxLength(200)),
  difficulties: v.array(DifficultySchema),
  neverTried: v.boolean(),
  grades: v.array(v.picklist([1, 2, 3, 4, 5])),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))
})
const ImportItemSchema = v.strictObject({
  question: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(300)),
  answer: v.pipe(v.string(), v.maxLength(50_000)),
  source: v.pipe(v.string(), v.maxLength(500))
})
const libraryRequests = {
  'banks:library': Nothing,
  'banks:create': v.strictObject({ title: BankTitleSchema, description: v.optional(v.pipe(v.string(), v.maxLength(300))) }),
  'banks:rename': v.strictObject({ bankId: BankId, title: BankTitleSchema, description: v.optional(v.pipe(v.string(), v.maxLength(300))) }),
  'banks:delete': v.strictObject({ bankId: BankId }),
  'banks:restore': v.strictObject({ undoToken: UndoToken }),
  'banks:export': v.strictObject({
    format: v.picklist(['markdown', 'anki']),
    bankId: v.optional(BankId),
    questionIds: v.optional(QuestionIds)
  }),
  'questions:search': QuestionFilterSchema,
  'questions:get': v.strictObject({ questionId: QuestionId }),
  'questions:save': v.strictObject({ bankId: BankId, questionId: v.optional(QuestionId), draft: QuestionDraftSchema }),
  'questions:move': v.strictObject({ questionId: QuestionId, bankId: BankId }),
  'questions:delete': v.strictObject({ questionId: QuestionId }),
  'questions:restore': v.strictObject({ undoToken: UndoToken }),
  'questions:duplicate': v.strictObject({ questionId: QuestionId, bankId: BankId }),
  'questions:practise': v.strictObject({
    questionIds: v.pipe(v.array(QuestionId), v.minLength(1), v.maxLength(100, 'at most 100 questions'))
  }),
  'import:pick': Nothing,
  'import:stage': v.strictObject({
    stageId: StageId,
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    data: v.pipe(v.string(), v.maxLength(180_000), v.base64('must be base64')),
    final: v.boolean()
  }),
  'import:scanStaged': v.strictObject({ stageId: StageId }),
  'import:commit': v.strictObject({
    bankId: v.optional(BankId),
    newBankTitle: v.optional(BankTitleSchema),
    topics: v.pipe(v.array(TopicSchema), v.minLength(1, 'choose at least one topic'), v.maxLength(10)),
    difficulty: DifficultySchema,
    items: v.pipe(v.array(ImportItemSchema), v.minLength(1, 'tick at least one question'), v.maxLength(20_000))
  })
} as const
// ---- export + backup (issue #9) ----------------------------------------------------------------
export interface ExportResults {
  'export:session': SaveOutcome
  'export:sessions': SaveOutcome
  'export:progress': SaveOutcome
  'export:cancel': { cancelled: boolean }
  'backup:create': SaveOutcome
  'backup:choose': { fileId: string; name: string } | null
  'backup:inspect': BackupContents
  'backup:restore': { contents: BackupContents; keptAt: string }
  'backup:list': BackupFileInfo[]
  'backup:pickLocal': { fileId: string; name: string }
}
export type { SaveOutcome, BackupContents, BackupFileInfo, JobProgress }
// ---- end export + backup ------------------------------------------------------------------------

export const requests = {
  ...libraryRequests,
  'app:state': Nothing,
  'banks:list': Nothing,
  'settings:update': SettingsPatchSchema,
  'round:current': Nothing,
  ...roundRequests,
  ...historyRequests,
  ...exportRequests,
  ...backupRequests,
  ...reviewRequests, // ---- review (issue #8): the review:* channels; round:start widened with a drill source ----
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

export interface Results extends LibraryResults, ExportResults {
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
  // ---- review (issue #8) ----
  'review:home': HomeSummary
  'review:overview': ReviewOverview
  'review:questions': QuestionRow[]
  'review:statistics': Statistics
  'review:forecast': Forecast | null
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
export type { RoundView, InterruptedRound, RoundSummary, SessionSummary, SessionListItem, HistoryPage, StorageProblem }
export type { HistoryQuery } from './core/history/schema'
export type { RoundSetup, Rating, RoundStatus } from './core/session/schema'
export type { Settings }
export type { UiSettings } from './core/settings-schema' // #11
export type { FollowUp } from './core/bank/types'
// ---- issue-10 ----
export type { Library, LibraryBank, QuestionDetail, ImportPreview, ImportPreviewItem } from './library-contract'
export type { QuestionDraft } from './core/bank/edit'

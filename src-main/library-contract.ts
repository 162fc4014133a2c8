/**
 * issue-10: the banks:*, questions:* and import:* channels, each with its input schema and its
 * result (#7: one table; the contract composes it). Shapes come from the domain; nothing is
 * declared twice.
 */
import * as v from 'valibot'
import { channel, NoInput } from './core/channel'
import { BankTitleSchema, QuestionDraftSchema, TopicSchema } from './core/bank/edit'
import type { BankLoadProblem, Question } from './core/bank/types'
import type { QuestionPage } from './core/bank/search'
import type { FoundQuestion, SkippedFile } from './core/bank/import/types'
import type { AttemptHistoryItem } from './core/history/schema'
import { DifficultySchema, SlugSchema } from './core/session/schema'
import type { RoundView } from './core/session/types'

export interface LibraryBank {
  id: string
  title: string
  description: string
  questionCount: number
  /** The user's own bank (editable), not a bundled one. */
  user: boolean
  file: string
}

export interface Library {
  banks: LibraryBank[]
  /** Every topic in use, with the bundled vocabulary first. */
  topics: string[]
  problems: BankLoadProblem[]
}

export interface QuestionDetail {
  question: Question
  bank: LibraryBank
  attempts: AttemptHistoryItem[]
}

export interface ImportPreviewItem extends FoundQuestion {
  key: number
  /** A question already in the library with the same text. */
  duplicateOf: { id: string; text: string; bankTitle: string } | null
}

export interface ImportPreview {
  items: ImportPreviewItem[]
  skipped: SkippedFile[]
}

// ---- the input schemas ----

const QuestionId = SlugSchema
const BankId = QuestionId
const UndoToken = v.pipe(v.string(), v.regex(/^[a-z]+-\d{1,9}$/, 'must be an undo token'))
const StageId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be an upload id'))
const QuestionIds = v.pipe(v.array(QuestionId), v.minLength(1, 'choose at least one question'), v.maxLength(10_000))
const BankDescription = v.optional(v.pipe(v.string(), v.maxLength(300)))
const QuestionRef = v.strictObject({ questionId: QuestionId })
const UndoRef = v.strictObject({ undoToken: UndoToken })
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

// ---- the channels ----

export const libraryChannels = {
  'banks:library': channel(NoInput).returns<Library>(),
  'banks:create': channel(v.strictObject({ title: BankTitleSchema, description: BankDescription })).returns<LibraryBank>(),
  'banks:rename': channel(v.strictObject({ bankId: BankId, title: BankTitleSchema, description: BankDescription })).returns<LibraryBank>(),
  'banks:delete': channel(v.strictObject({ bankId: BankId })).returns<{ undoToken: string }>(),
  'banks:restore': channel(UndoRef).returns<null>(),
  'banks:export': channel(
    v.strictObject({
      format: v.picklist(['markdown', 'anki']),
      bankId: v.optional(BankId),
      questionIds: v.optional(QuestionIds)
    })
  ).returns<{ fileName: string; text: string }>(),
  'questions:search': channel(QuestionFilterSchema).returns<QuestionPage>(),
  'questions:get': channel(QuestionRef).returns<QuestionDetail>(),
  'questions:save': channel(
    v.strictObject({ bankId: BankId, questionId: v.optional(QuestionId), draft: QuestionDraftSchema })
  ).returns<Question>(),
  'questions:move': channel(v.strictObject({ questionId: QuestionId, bankId: BankId })).returns<null>(),
  'questions:delete': channel(QuestionRef).returns<{ undoToken: string }>(),
  'questions:restore': channel(UndoRef).returns<null>(),
  'questions:duplicate': channel(v.strictObject({ questionId: QuestionId, bankId: BankId })).returns<{ questionId: string }>(),
  'questions:practise': channel(
    v.strictObject({
      questionIds: v.pipe(v.array(QuestionId), v.minLength(1), v.maxLength(100, 'at most 100 questions'))
    })
  ).returns<RoundView>(),
  /** dialog: false when this shell has no native open dialog (the browser uses a file picker). */
  'import:pick': channel(NoInput).returns<{ dialog: boolean; preview: ImportPreview | null }>(),
  'import:stage': channel(
    v.strictObject({
      stageId: StageId,
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
      data: v.pipe(v.string(), v.maxLength(180_000), v.base64('must be base64')),
      final: v.boolean()
    })
  ).returns<{ received: number }>(),
  'import:scanStaged': channel(v.strictObject({ stageId: StageId })).returns<ImportPreview>(),
  'import:commit': channel(
    v.strictObject({
      bankId: v.optional(BankId),
      newBankTitle: v.optional(BankTitleSchema),
      topics: v.pipe(v.array(TopicSchema), v.minLength(1, 'choose at least one topic'), v.maxLength(10)),
      difficulty: DifficultySchema,
      items: v.pipe(v.array(ImportItemSchema), v.minLength(1, 'tick at least one question'), v.maxLength(20_000))
    })
  ).returns<{ bankId: string; added: number }>()
}

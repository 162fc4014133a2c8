/**
 * issue-10: the results of the banks:*, questions:* and import:* channels (their input schemas are
 * in contract.ts, in the labelled block). Shapes come from the domain; nothing is declared twice.
 */
import type { BankLoadProblem, Question } from './core/bank/types'
import type { QuestionPage } from './core/bank/search'
import type { FoundQuestion, SkippedFile } from './core/bank/import/types'
import type { QuestionAttemptRecord } from './core/history/types'
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
  attempts: (QuestionAttemptRecord & { sessionStartedAt: string | null })[]
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

export interface LibraryResults {
  'banks:library': Library
  'banks:create': LibraryBank
  'banks:rename': LibraryBank
  'banks:delete': { undoToken: string }
  'banks:restore': null
  'banks:export': { fileName: string; text: string }
  'questions:search': QuestionPage
  'questions:get': QuestionDetail
  'questions:save': Question
  'questions:move': null
  'questions:delete': { undoToken: string }
  'questions:restore': null
  'questions:duplicate': { questionId: string }
  'questions:practise': RoundView
  /** dialog: false when this shell has no native open dialog (the browser uses a file picker). */
  'import:pick': { dialog: boolean; preview: ImportPreview | null }
  'import:stage': { received: number }
  'import:scanStaged': ImportPreview
  'import:commit': { bankId: string; added: number }
}

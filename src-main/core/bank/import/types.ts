/** What looks doubtful about a found question; the preview shows these and leaves flagged items unticked. */
export type ImportFlag = 'no-answer' | 'link-only' | 'section-title'

/** One question found in someone else's notes, with where it was found. */
export interface FoundQuestion {
  question: string
  /** Markdown; empty when the source gives no answer. */
  answer: string
  file: string
  /** 1-based line of the question in its file. */
  line: number
  flags: ImportFlag[]
  /** The list number, for question lists whose answers are elsewhere. */
  number?: number
}

/** A numbered answer, from an "Answers" section or an answers file, to pair with a question list. */
export interface NumberedAnswer {
  number: number
  answer: string
  line: number
}

export interface FileImport {
  file: string
  questions: FoundQuestion[]
  answers: NumberedAnswer[]
}

export interface SkippedFile {
  file: string
  reason: string
}

export interface ImportResult {
  /** Every question found, answered or not, in file order. */
  found: FoundQuestion[]
  skipped: SkippedFile[]
}

/** Reports how far an import has got, for large files and folders. */
export type ImportProgress = (p: { file: string; done: number; total: number }) => void | Promise<void>

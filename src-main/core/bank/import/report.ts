import type { ImportResult } from './types'

export interface CliReport {
  questions: { question: string; answer: string; file: string; line: number }[]
  unanswered: { question: string; file: string; line: number }[]
  skipped: { file: string; reason: string }[]
}

/** The command line's JSON: answered and unanswered questions and skipped files; probable section titles only when asked. */
export function toCliReport(result: ImportResult, includeDoubtful: boolean): CliReport {
  const kept = result.found.filter((q) => includeDoubtful || !q.flags.includes('section-title'))
  return {
    questions: kept.filter((q) => q.answer).map(({ question, answer, file, line }) => ({ question, answer, file, line })),
    unanswered: kept.filter((q) => !q.answer).map(({ question, file, line }) => ({ question, file, line })),
    skipped: result.skipped
  }
}

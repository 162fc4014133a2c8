import type { ReviewContext } from '../../../src-main/core/review/schedule'
import { DAY_MS, type CatalogueQuestion, type ReviewGrade } from '../../../src-main/core/review/types'

/** Noon UTC on day `d` after 2026-01-01: far from midnight, so day arithmetic is unambiguous. */
export const T0 = Date.parse('2026-01-01T12:00:00Z')
export const day = (d: number): number => T0 + d * DAY_MS

let n = 0
export function grade(questionId: string, atDay: number, rating: ReviewGrade['rating'], extra: Partial<ReviewGrade> = {}): ReviewGrade {
  const atMs = day(atDay) + (n++ % 1000)
  return {
    sessionId: `s${n}`,
    questionIndex: 0,
    questionId,
    atMs,
    rating,
    bankId: 'bank',
    topics: ['dns'],
    difficulty: 'medium',
    keyPointsHit: null,
    keyPointsTotal: null,
    usedMs: 60_000,
    overtime: false,
    practice: false,
    ...extra
  }
}

export function q(id: string, topics: string[], extra: Partial<CatalogueQuestion> = {}): CatalogueQuestion {
  return { id, bankId: 'bank', text: `Question ${id}?`, topics, difficulty: 'medium', ...extra }
}

export function ctx(nowDay: number, catalogue: CatalogueQuestion[], interview: ReviewContext['interview'] = null): ReviewContext {
  return { nowMs: day(nowDay), catalogue, interview }
}

/** The FSRS-6 forgetting curve with ts-fsrs's default decay, written out by hand for the expected values. */
export function curve(t: number, s: number): number {
  const decay = 0.1542
  const factor = 0.9 ** (-1 / decay) - 1
  return (1 + (factor * t) / s) ** -decay
}

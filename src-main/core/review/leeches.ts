import type { QuestionTrack } from './review-index'

/**
 * A leech is a question you keep forgetting: graded Again (1 or 2) this many times after you had
 * first learnt it. Drilling it again the same way rarely helps; the Review screen flags it and
 * offers a round of just the leeches, best done after re-reading the model answer.
 */
export const LEECH_LAPSES = 4

export function isLeech(t: QuestionTrack): boolean {
  return (t.memory?.lapses ?? 0) >= LEECH_LAPSES
}

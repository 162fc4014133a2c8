/**
 * Issue #13: the spoken answer and the follow-ups travel with a round's question (and so into the
 * history snapshots), and the view shows them only once the answer is revealed.
 */
import type { FollowUp, Question } from '../bank/types'
import type { RoundQuestion } from './types'

export type AnswerParts = Pick<RoundQuestion, 'spoken' | 'followUps' | 'followUpOf'>

/** The new parts of a bank question for its round copy; absent parts stay absent, so that older
 * questions keep the same snapshot (the same content hash) as before. */
export function roundQuestionParts(q: Question): AnswerParts {
  return {
    ...(q.spoken ? { spoken: q.spoken } : {}),
    ...(q.followUps?.length ? { followUps: q.followUps.map((f) => ({ ...f })) } : {}),
    ...(q.followUpOf ? { followUpOf: { ...q.followUpOf } } : {})
  }
}

export interface AnswerPartsView {
  /** The spoken answer; null until revealed, or when the question has none. */
  spoken: string | null
  /** The interviewer's follow-ups with their answers; null until revealed. */
  followUps: FollowUp[] | null
  /** For a follow-up drilled on its own, the question it follows (shown from the start). */
  followUpOf: { id: string; text: string } | null
}

export function answerPartsView(q: RoundQuestion, shown: boolean): AnswerPartsView {
  return {
    spoken: shown ? (q.spoken ?? null) : null,
    followUps: shown ? (q.followUps ?? []) : null,
    followUpOf: q.followUpOf ?? null
  }
}

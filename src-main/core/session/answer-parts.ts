/**
 * Issue #13: the spoken answer and the follow-ups travel with a round's question (and so into the
 * history snapshots), and the view shows them only once the answer is revealed.
 */
import type { Question } from '../bank/types'
import type { QuestionView, RoundQuestion } from './types'

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

export type AnswerPartsView = Required<Pick<QuestionView, 'spoken' | 'followUps' | 'followUpOf'>>

export function answerPartsView(q: RoundQuestion, shown: boolean): AnswerPartsView {
  return {
    spoken: shown ? (q.spoken ?? null) : null,
    followUps: shown ? (q.followUps ?? []) : null,
    followUpOf: q.followUpOf ?? null
  }
}

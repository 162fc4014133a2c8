import type { QuestionAttemptRecord } from '../history/types'
import type { CatalogueQuestion, ReviewGrade } from './types'

/**
 * A grade-log line (`grades.jsonl`) as the review index reads it. Lines written since the review
 * index exists carry the question's bank, topics and difficulty from the session's snapshot, the key
 * points ticked, the time used and the practice flag; older lines fall back to the question as the
 * banks describe it now, with the unknown figures left out (null), never guessed.
 */
export function fromAttempt(r: QuestionAttemptRecord, catalogue: (id: string) => CatalogueQuestion | undefined): ReviewGrade {
  const now = r.topics ? undefined : catalogue(r.questionId)
  return {
    sessionId: r.sessionId,
    questionIndex: r.questionIndex,
    questionId: r.questionId,
    atMs: Date.parse(r.at),
    rating: r.rating as ReviewGrade['rating'],
    bankId: r.bankId ?? now?.bankId ?? '',
    topics: r.topics ?? now?.topics ?? [],
    difficulty: r.difficulty ?? now?.difficulty ?? 'medium',
    keyPointsHit: r.keyPointsHit ?? null,
    keyPointsTotal: r.keyPointsTotal ?? null,
    usedMs: r.usedMs ?? null,
    overtime: r.overtimeMs === undefined ? null : r.overtimeMs > 0,
    practice: r.practice === true
  }
}

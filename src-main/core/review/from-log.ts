import type { QuestionAttemptRecord } from '../history/types'
import type { GradeContext } from './grade-source'
import type { CatalogueQuestion, ReviewGrade } from './types'

/**
 * A grade-log line (`grades.jsonl`) as the review index reads it. Lines written since the review
 * index exists carry the question's bank, topics and difficulty from the session's snapshot, the key
 * points ticked, the time used and the practice flag; older lines fall back to the question as the
 * banks describe it now, with the unknown figures left out (null), never guessed.
 */
export function fromAttempt(r: QuestionAttemptRecord, catalogue: (id: string) => CatalogueQuestion | undefined): ReviewGrade {
  return {
    sessionId: r.sessionId,
    questionIndex: r.questionIndex,
    questionId: r.questionId,
    atMs: Date.parse(r.at),
    rating: r.rating as ReviewGrade['rating'],
    ...fullContext(r, r.questionId, catalogue),
    keyPointsHit: r.keyPointsHit ?? null,
    keyPointsTotal: r.keyPointsTotal ?? null,
    usedMs: r.usedMs ?? null,
    overtime: r.overtimeMs === undefined ? null : r.overtimeMs > 0,
    practice: r.practice === true
  }
}

/** A grade's bank, topics and difficulty; a line without topics (older) takes the question's as the banks have it now. */
export function fullContext(
  r: Partial<GradeContext>,
  questionId: string,
  catalogue: (id: string) => CatalogueQuestion | undefined
): GradeContext {
  const now = r.topics ? undefined : catalogue(questionId)
  return {
    bankId: r.bankId ?? now?.bankId ?? '',
    topics: r.topics ?? now?.topics ?? [],
    difficulty: r.difficulty ?? now?.difficulty ?? 'medium'
  }
}

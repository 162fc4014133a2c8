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

/** A grade as a grade-log record again (the review's own rows keep history's encoding); draft and note are not the review's. */
export function toAttempt(g: ReviewGrade): QuestionAttemptRecord {
  return {
    sessionId: g.sessionId,
    questionIndex: g.questionIndex,
    questionId: g.questionId,
    rating: g.rating,
    at: Number.isFinite(g.atMs) ? new Date(g.atMs).toISOString() : '',
    draft: '',
    note: '',
    bankId: g.bankId,
    topics: g.topics,
    difficulty: g.difficulty,
    keyPointsHit: g.keyPointsHit ?? undefined,
    keyPointsTotal: g.keyPointsTotal ?? undefined,
    usedMs: g.usedMs ?? undefined,
    overtimeMs: g.overtime === null ? undefined : g.overtime ? 1 : 0,
    practice: g.practice
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

import { Rating, type Grade } from 'ts-fsrs'

/**
 * THE one place where the app's 1–5 self-grade becomes an FSRS answer. Change it here and the whole
 * schedule follows: memory state is never stored, it is replayed from the raw grades.
 *
 *   1 blank, 2 vague      -> Again  (you could not give the answer: relearn it)
 *   3 partial             -> Hard   (you got there, with gaps)
 *   4 solid               -> Good
 *   5 interview-ready     -> Easy
 *
 * Intervals are whole days (ts-fsrs with `enable_short_term: false`): no 10-minute learning steps,
 * because a question answered badly is best met again tomorrow, not later in the same sitting.
 */
export const GRADE_MAP: Readonly<Record<1 | 2 | 3 | 4 | 5, Grade>> = {
  1: Rating.Again,
  2: Rating.Again,
  3: Rating.Hard,
  4: Rating.Good,
  5: Rating.Easy
}

export function toFsrsGrade(rating: number): Grade {
  const g = GRADE_MAP[rating as 1 | 2 | 3 | 4 | 5]
  if (g === undefined) throw new RangeError(`A self-grade is 1 to 5, not ${rating}`)
  return g
}

/** A grade counts as recalled (for retention) when it is not Again. */
export function recalled(rating: number): boolean {
  return toFsrsGrade(rating) !== Rating.Again
}

import { Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { GRADE_MAP, recalled, toFsrsGrade } from '../../../src-main/core/review/grade-map'

describe('the 1-5 self-grade onto FSRS', () => {
  it('maps 1-2 to Again, 3 to Hard, 4 to Good, 5 to Easy', () => {
    expect([1, 2, 3, 4, 5].map(toFsrsGrade)).toEqual([Rating.Again, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy])
    expect(Object.keys(GRADE_MAP)).toHaveLength(5)
  })
  it('counts 3 and better as recalled', () => {
    expect([1, 2, 3, 4, 5].map(recalled)).toEqual([false, false, true, true, true])
  })
  it('refuses a grade outside 1-5', () => {
    expect(() => toFsrsGrade(0)).toThrow(/1 to 5/)
    expect(() => toFsrsGrade(6)).toThrow(/1 to 5/)
  })
})

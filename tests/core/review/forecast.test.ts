import { describe, expect, it } from 'vitest'
import { forecast } from '../../../src-main/core/review/forecast'
import { ReviewIndex } from '../../../src-main/core/review/review-index'
import { dueForecast } from '../../../src-main/core/review/schedule'
import { DAY_MS } from '../../../src-main/core/review/types'
import { ctx, curve, day, grade, q } from './helpers'

const midnight = (d: number): number => day(d) - DAY_MS / 2

describe('the interview forecast', () => {
  it('predicts recall per topic at the current pace and finds the smallest daily plan (worked by hand)', () => {
    // One never-tried dns question, interview tomorrow, no recent practice: at this pace recall is 0.
    // The plan answers it today (Good: stability 2.3065 days); tomorrow recall is
    // (1 + 0.9804 / 2.3065) ^ -0.1542 = 0.947, above the 0.8 target: one question a day is enough.
    const f = forecast(new ReviewIndex(), ctx(0, [q('dns-a', ['dns'])], { dayMs: midnight(1), topics: [] }))!
    expect(f.daysLeft).toBe(1)
    expect(f.pace).toBe(0)
    expect(f.topics).toEqual([
      {
        topic: 'dns',
        questions: 1,
        practised: 0,
        recallNow: 0,
        recallAtPace: 0,
        recallWithPlan: expect.closeTo(curve(1, 2.3065), 3),
        readyAtPace: false
      }
    ])
    expect(f.topics[0].recallWithPlan).toBeCloseTo(0.947, 3)
    expect(f.plan).toMatchObject({ perDay: 1, feasible: true, today: ['dns-a'] })
    expect(f.summary).toMatch(/0 of 1 topics would be above 80 %/)
  })

  it('needs two a day when two new questions must both be answered before tomorrow', () => {
    const cat = [q('a', ['dns']), q('b', ['dns']), q('c', ['etcd'])]
    const f = forecast(new ReviewIndex(), ctx(0, cat, { dayMs: midnight(1), topics: ['dns'] }))!
    expect(f.topics.map((t) => t.topic)).toEqual(['dns'])
    expect(f.plan.perDay).toBe(2)
    expect([...f.plan.today].sort()).toEqual(['a', 'b'])
  })

  it('counts the recent pace from scheduled grades of the last 14 days', () => {
    const idx = new ReviewIndex()
    idx.rebuild([grade('a', 0, 4), grade('a', 5, 4), grade('b', 9, 4), grade('b', 9, 4, { practice: true })])
    const f = forecast(idx, ctx(10, [q('a', ['dns']), q('b', ['dns'])], { dayMs: midnight(20), topics: [] }))!
    expect(f.pace).toBe(0.2) // 3 scheduled grades in 14 days
  })

  it('pulls a due date forward so that nothing is first due after the interview', () => {
    const idx = new ReviewIndex()
    idx.rebuild([grade('a', 0, 5)]) // Easy: stability 8.2956 days, due in 8 days
    const without = dueForecast(idx, ctx(0, [q('a', ['dns'])]), 14)
    expect(without.findIndex((d) => d.count === 1)).toBe(8)
    const withInterview = dueForecast(idx, ctx(0, [q('a', ['dns'])], { dayMs: midnight(5), topics: [] }), 14)
    expect(withInterview.findIndex((d) => d.count === 1)).toBe(4) // the day before the interview
    const otherTopic = dueForecast(idx, ctx(0, [q('a', ['dns'])], { dayMs: midnight(5), topics: ['etcd'] }), 14)
    expect(otherTopic.findIndex((d) => d.count === 1)).toBe(8)
  })
})

import { describe, expect, it } from 'vitest'
import { ReviewIndex } from '../../../src-main/core/review/review-index'
import { groupRows, questionRows } from '../../../src-main/core/review/mastery'
import { ctx, curve, grade, q } from './helpers'

// Worked by hand: with ts-fsrs's default weights, a first Good gives stability 2.3065 days and a
// first Again 0.212 days. Mastery is recall tomorrow: on day 9, that is ten days after day 0, and
// (1 + 0.9804 t / S) ^ -0.1542 gives 0.774 and 0.552. A first Easy (8.2956 days) one day on: 0.983.
const catalogue = [q('dns-a', ['dns']), q('dns-b', ['dns']), q('dns-c', ['dns']), q('etcd-a', ['etcd'], { difficulty: 'hard' })]

function index(): ReviewIndex {
  const idx = new ReviewIndex()
  idx.rebuild([
    grade('dns-a', 0, 4, { keyPointsHit: 2, keyPointsTotal: 4, overtime: false }),
    grade('dns-b', 0, 2, { keyPointsHit: 0, keyPointsTotal: 4, overtime: true }),
    grade('etcd-a', 9, 5, { topics: ['etcd'], difficulty: 'hard', keyPointsHit: 3, keyPointsTotal: 3 })
  ])
  return idx
}

describe('mastery per topic', () => {
  it('gives the figures worked out by hand', () => {
    const rows = groupRows(index(), ctx(9, catalogue), 'topic')
    const dns = rows.find((r) => r.key === 'dns')!
    expect(dns.mastery).toBeCloseTo((curve(10, 2.3065) + curve(10, 0.212)) / 2, 3)
    expect(dns.mastery).toBeCloseTo(0.663, 3)
    expect(dns.questions).toBe(3)
    expect(dns.practised).toBe(2)
    expect(dns.neverTried).toBe(1)
    expect(dns.attempts).toBe(2)
    expect(dns.averageGrade).toBe(3)
    expect(dns.keyPointShare).toBe(0.25)
    expect(dns.overtimeRate).toBe(0.5)
    expect(dns.lastPractised?.slice(0, 10)).toBe('2026-01-01')
    expect(dns.meaning).toMatch(/about 7 in 10 of the 2 questions/)
    // Both dns questions are overdue by day 9 (due on days 1 and 3), so both are due today.
    expect(dns.due).toBe(2)
  })

  it('lists the weakest topic first and the weakest question first', () => {
    const c = ctx(9, catalogue)
    const rows = groupRows(index(), c, 'topic')
    expect(rows.map((r) => r.key)).toEqual(['dns', 'etcd'])
    expect(rows[1].mastery).toBeCloseTo(curve(1, 8.2956), 3)
    expect(rows[1].mastery).toBeCloseTo(0.983, 3)
    expect(questionRows(index(), c, 'topic', 'dns').map((r) => r.id)).toEqual(['dns-b', 'dns-a', 'dns-c'])
  })

  it('groups by difficulty and by bank too', () => {
    const byDifficulty = groupRows(index(), ctx(9, catalogue), 'difficulty')
    expect(byDifficulty.map((r) => [r.key, r.questions, r.practised])).toEqual([
      ['medium', 3, 2],
      ['hard', 1, 1]
    ])
    expect(groupRows(index(), ctx(9, catalogue), 'bank')[0]).toMatchObject({ key: 'bank', questions: 4, attempts: 3 })
  })

  it('shows the trend as the mean grade per week', () => {
    const idx = new ReviewIndex()
    idx.rebuild([grade('dns-a', 0, 1), grade('dns-a', 8, 2), grade('dns-a', 29, 4), grade('dns-a', 36, 5)])
    const [dns] = groupRows(idx, { ...ctx(37, catalogue) }, 'topic')
    // Six weeks back from day 37 is day -5: days 0, 8, 29 and 36 fall in weeks 0, 1, 4 and 5.
    expect(dns.trend).toEqual([1, 2, null, null, 4, 5])
    expect(dns.trendWord).toBe('improving')
  })
})

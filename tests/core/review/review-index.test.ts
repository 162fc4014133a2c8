import { describe, expect, it } from 'vitest'
import { gradesLoad } from '../../../src-main/core/review/grade-rows'
import { ReviewIndex } from '../../../src-main/core/review/review-index'
import type { ReviewGrade } from '../../../src-main/core/review/types'
import { grade } from './helpers'

function history(): ReviewGrade[] {
  const out: ReviewGrade[] = []
  let seed = 3
  const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647
  for (let i = 0; i < 400; i++) {
    out.push(
      grade(`q${Math.floor(rand() * 12)}`, Math.floor(i / 4), (1 + Math.floor(rand() * 5)) as ReviewGrade['rating'], {
        topics: [['dns', 'etcd', 'cni'][Math.floor(rand() * 3)]],
        keyPointsHit: Math.floor(rand() * 3),
        keyPointsTotal: 3,
        overtime: rand() < 0.2,
        practice: rand() < 0.1
      })
    )
  }
  return out
}

describe('the review index', () => {
  it('built one grade at a time equals a full rebuild', () => {
    const all = history()
    const full = new ReviewIndex()
    full.rebuild(all)
    const inc = new ReviewIndex()
    for (const g of all) inc.add(g)
    expect(inc.snapshot()).toEqual(full.snapshot())
  })

  it('equals a full rebuild when grades arrive out of order, twice, or are replaced by a re-grade', () => {
    const all = history()
    const shuffled = [...all].reverse()
    const inc = new ReviewIndex()
    for (const g of shuffled) inc.add(g)
    for (const g of all.slice(0, 50)) inc.add(g) // the same lines again (an index re-derived after a crash)
    const regraded = { ...all[10], rating: 5 as const }
    inc.add(regraded)
    const full = new ReviewIndex()
    full.rebuild([...all.slice(0, 10), regraded, ...all.slice(11)])
    expect(inc.snapshot()).toEqual(full.snapshot())
    expect(inc.size).toBe(all.length)
  })

  it('keeps practice rounds in the record but out of the schedule', () => {
    const idx = new ReviewIndex()
    idx.rebuild([grade('a', 0, 4), grade('a', 1, 1, { practice: true })])
    const t = idx.questions.get('a')!
    expect(t.attempts).toBe(2)
    expect(t.memory!.reps).toBe(1)
    expect(t.memory!.lapses).toBe(0)
    const days = [...idx.days.values()]
    expect(days.map((d) => d.grades)).toEqual([1, 1])
    expect(days.reduce((s, d) => s + d.reviews, 0)).toBe(0)
  })

  it('keeps the last line read when a rebuild meets the same grade twice (a re-grade later in the log)', () => {
    const all = history()
    const regraded = { ...all[10], rating: 1 as const, atMs: all[10].atMs + 5000 }
    const twice = new ReviewIndex()
    twice.rebuild([...all, regraded])
    const replaced = new ReviewIndex()
    replaced.rebuild([...all.slice(0, 10), regraded, ...all.slice(11)])
    expect(twice.snapshot()).toEqual(replaced.snapshot())
    expect(twice.size).toBe(all.length)
  })

  it('builds from a feed in slices, resting between them, to the same state as a rebuild at once', async () => {
    const all = history()
    const full = new ReviewIndex()
    full.rebuild(all)
    let rests = 0
    let calls = 0
    const everyTenth = { due: () => ++calls % 10 === 0, rest: async () => void rests++ }
    const sliced = new ReviewIndex()
    await sliced.rebuildInSlices(gradesLoad(all), everyTenth)
    expect(sliced.snapshot()).toEqual(full.snapshot())
    expect(rests).toBeGreaterThan(0)
  })

  it('answers with each question’s latest bank, topics and difficulty, and its grades in time order', () => {
    const idx = new ReviewIndex()
    idx.rebuild([
      grade('a', 3, 4, { topics: ['etcd'], bankId: 'new', difficulty: 'hard', keyPointsHit: 2, keyPointsTotal: 3 }),
      grade('a', 1, 2, { topics: ['dns'], bankId: 'old', usedMs: null, overtime: null })
    ])
    const t = idx.questions.get('a')!
    expect([t.grades.rating(0), t.grades.rating(1)]).toEqual([2, 4])
    expect(t.grades.last()).toMatchObject({ questionId: 'a', topics: ['etcd'], bankId: 'new', difficulty: 'hard', keyPointsHit: 2 })
    expect([t.keyPointsHit, t.keyPointsTotal, t.timed]).toEqual([2, 3, 1])
  })
})

import { createEmptyCard, type Card } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { toFsrsGrade } from '../../../src-main/core/review/grade-map'
import { dueMs, recallAt, replay, scheduler, step, type Memory } from '../../../src-main/core/review/memory'
import { curve, day } from './helpers'

describe('memory state by replaying grades', () => {
  it('equals ts-fsrs scheduling step by step, due dates included', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let run = 0; run < 20; run++) {
      let card: Card = createEmptyCard(new Date(day(0)))
      let m: Memory | null = null
      let d = 0
      for (let i = 0; i < 25; i++) {
        d += Math.floor(rand() * 12)
        const rating = 1 + Math.floor(rand() * 5)
        const at = day(d) + Math.floor(rand() * 3_600_000)
        card = scheduler.next(card, new Date(at), toFsrsGrade(rating)).card
        m = step(m, at, rating)
        expect(m.stability).toBeCloseTo(card.stability, 6)
        expect(m.difficulty).toBeCloseTo(card.difficulty, 6)
        expect(m.lapses).toBe(card.lapses)
        expect(m.reps).toBe(card.reps)
        expect(dueMs(m)).toBe(card.due.getTime())
      }
    }
  })

  it('uses whole days, no 10-minute learning steps: a first Again is due the next day', () => {
    const m = step(null, day(0), 1)
    expect(dueMs(m) - day(0)).toBe(86_400_000)
  })

  it('predicts recall with the FSRS forgetting curve: a Good answer ten days ago is about 77 % today', () => {
    const m = replay([{ atMs: day(0), rating: 4 }])!
    // Initial stability after Good is w[2] = 2.3065 days; (1 + 0.9804 * 10 / 2.3065) ^ -0.1542 = 0.774
    expect(m.stability).toBeCloseTo(2.3065, 4)
    expect(recallAt(m, day(10))).toBeCloseTo(curve(10, 2.3065), 6)
    expect(recallAt(m, day(10))).toBeCloseTo(0.774, 3)
    expect(recallAt(m, day(0))).toBe(1)
    expect(recallAt(null, day(0))).toBe(0)
  })
})

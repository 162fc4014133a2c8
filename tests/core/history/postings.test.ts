import { describe, expect, it } from 'vitest'
import { Postings } from '../../../src-main/core/history/postings'

const entries = (p: Postings): [number, number][] => {
  const out: [number, number][] = []
  p.forEach((d, f) => out.push([d, f]))
  return out
}

describe('word postings', () => {
  it('keeps sessions in order with their counts, whatever order they come in', () => {
    const p = new Postings()
    for (const [d, f] of [
      [5, 1],
      [300, 2],
      [300, 1],
      [2, 4],
      [1_000_000, 1],
      [70_000, 3]
    ] as const)
      p.add(d, f)
    expect(entries(p)).toEqual([
      [2, 4],
      [5, 1],
      [300, 3],
      [70_000, 3],
      [1_000_000, 1]
    ])
    p.remove(300, 1)
    p.remove(5, 1)
    expect(entries(p)).toEqual([
      [2, 4],
      [300, 2],
      [70_000, 3],
      [1_000_000, 1]
    ])
    p.add(2_000_000, 1)
    expect(entries(p).at(-1)).toEqual([2_000_000, 1])
  })

  it('takes one to two bytes a session for a word most sessions have', () => {
    const p = new Postings()
    for (let d = 0; d < 100_000; d += 1 + (d % 3)) p.add(d, 1)
    expect(p.used).toBeLessThan(p.n * 1.1)
    expect(entries(p).length).toBe(p.n)
  })

  it('stops a count at 255', () => {
    const p = new Postings()
    p.add(1, 200)
    p.add(1, 200)
    expect(entries(p)).toEqual([[1, 255]])
  })
})

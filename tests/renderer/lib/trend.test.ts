import { describe, expect, it } from 'vitest'
import { lastPage, trend } from '../../../src-renderer/src/lib/trend'

describe('the attempts trend', () => {
  it('keeps a few attempts as they are', () => {
    expect(trend([2, 5], 1)).toEqual({ values: [2, 5], highlight: 1, perPoint: 1 })
  })

  it('draws hundreds of attempts as at most 40 means, and finds the highlighted one', () => {
    const values = Array.from({ length: 400 }, (_, i) => (i < 200 ? 1 : 5))
    const t = trend(values, 399)
    expect(t.values).toHaveLength(40)
    expect(t.perPoint).toBe(10)
    expect(t.values[0]).toBe(1)
    expect(t.values[39]).toBe(5)
    expect(t.highlight).toBe(39)
    expect(trend(values, -1).highlight).toBeNull()
  })

  it('pages a long list from its newest end', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    expect(lastPage(items, 20)).toEqual({ items: items.slice(25), offset: 25 })
    expect(lastPage(items, 60)).toEqual({ items, offset: 0 })
  })
})

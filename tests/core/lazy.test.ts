import { describe, expect, it } from 'vitest'
import { lazily } from '../../src-main/core/lazy'

describe('lazily', () => {
  it('makes the thing once for every caller, and tries again after a failure', async () => {
    let calls = 0
    const get = lazily(async () => {
      calls++
      if (calls === 1) throw new Error('font not found')
      return { made: calls }
    })
    await expect(get()).rejects.toThrow('font not found')
    const [a, b] = await Promise.all([get(), get()])
    expect(a).toBe(b)
    expect(await get()).toEqual({ made: 2 })
    expect(calls).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { ManualClock, systemClock } from '../../../src-main/core/session/clock'

describe('systemClock timers', () => {
  it('never fire before their deadline, fractional milliseconds included', async () => {
    const early: number[] = []
    await Promise.all(
      [0.3, 1.7, 2.5, 4.9, 7.25, 10.6].map(
        (ms) =>
          new Promise<void>((resolve) => {
            const due = systemClock.now() + ms
            systemClock.setTimer(ms, () => {
              if (systemClock.now() < due) early.push(ms)
              resolve()
            })
          })
      )
    )
    expect(early).toEqual([])
  })

  it('can be cancelled, even while waiting out the last fraction', async () => {
    let fired = 0
    const a = systemClock.setTimer(3.5, () => fired++)
    const b = systemClock.setTimer(0.2, () => fired++)
    systemClock.clearTimer(a)
    systemClock.clearTimer(b)
    await new Promise((r) => setTimeout(r, 20))
    expect(fired).toBe(0)
  })
})

describe('ManualClock', () => {
  it('fires due timers in deadline order as time is advanced', () => {
    const clock = new ManualClock()
    const order: string[] = []
    clock.setTimer(300, () => order.push('c'))
    const b = clock.setTimer(200, () => order.push('b'))
    clock.setTimer(100, () => order.push('a'))
    clock.clearTimer(b)
    clock.advance(250)
    expect(order).toEqual(['a'])
    clock.advance(50)
    expect(order).toEqual(['a', 'c'])
    expect(clock.now()).toBe(300)
    expect(clock.pendingTimers()).toBe(0)
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Countdown from '@renderer/components/Countdown.vue'

const timerText = (w: ReturnType<typeof mount>): string => w.get('[role="timer"]').text()

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is a timer named "Time remaining" showing mm:ss', () => {
    const w = mount(Countdown, { props: { remainingMs: 125_000, receivedAt: performance.now(), ticking: false, limitMs: 300_000 } })
    const timer = w.get('[role="timer"]')
    expect(timer.attributes('aria-label')).toBe('Time remaining')
    expect(timer.text()).toBe('02:05')
    w.unmount()
  })

  it('counts down from the time main sent while ticking', async () => {
    const w = mount(Countdown, { props: { remainingMs: 65_000, receivedAt: performance.now(), ticking: true, limitMs: 120_000 } })
    expect(timerText(w)).toBe('01:05')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(timerText(w)).toBe('01:04')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(timerText(w)).toBe('00:59')
    w.unmount()
  })

  it('subtracts the time since the view arrived, not since it was drawn', () => {
    const receivedAt = performance.now()
    vi.advanceTimersByTime(3_000)
    const w = mount(Countdown, { props: { remainingMs: 30_000, receivedAt, ticking: true, limitMs: 60_000 } })
    expect(timerText(w)).toBe('00:27')
    w.unmount()
  })

  it('shows overtime past the deadline', async () => {
    const w = mount(Countdown, { props: { remainingMs: 2_000, receivedAt: performance.now(), ticking: true, limitMs: 60_000 } })
    await vi.advanceTimersByTimeAsync(14_000)
    expect(timerText(w)).toBe('+0:12 overtime')
    expect(w.classes()).toContain('countdown--error')
    await w.setProps({ remainingMs: -75_000, ticking: false })
    expect(timerText(w)).toBe('+1:15 overtime')
    w.unmount()
  })

  it('stops at 00:00 when overtime is not allowed', async () => {
    const w = mount(Countdown, {
      props: { remainingMs: 1_000, receivedAt: performance.now(), ticking: true, limitMs: 60_000, overtime: false }
    })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(timerText(w)).toBe('00:00')
    w.unmount()
  })

  it('stands still when not ticking (paused, revealed)', async () => {
    const w = mount(Countdown, { props: { remainingMs: 30_000, receivedAt: performance.now(), ticking: false, limitMs: 60_000 } })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(timerText(w)).toBe('00:30')
    w.unmount()
  })

  it('freezes on the value main sends when ticking stops', async () => {
    const w = mount(Countdown, { props: { remainingMs: 40_000, receivedAt: performance.now(), ticking: true, limitMs: 60_000 } })
    await vi.advanceTimersByTimeAsync(4_000)
    expect(timerText(w)).toBe('00:36')
    await w.setProps({ remainingMs: 35_500, receivedAt: performance.now(), ticking: false })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(timerText(w)).toBe('00:36')
    expect(vi.getTimerCount()).toBe(0)
    w.unmount()
  })

  it('warns under 20% of the limit', () => {
    const w = mount(Countdown, { props: { remainingMs: 10_000, receivedAt: performance.now(), ticking: false, limitMs: 60_000 } })
    expect(w.classes()).toContain('countdown--warning')
    w.unmount()
  })

  it('takes another name, e.g. for the round timer', () => {
    const w = mount(Countdown, {
      props: { remainingMs: 600_000, receivedAt: 0, ticking: false, limitMs: 900_000, label: 'Round time left', variant: 'bar' }
    })
    expect(w.get('[role="timer"]').attributes('aria-label')).toBe('Round time left')
    expect(timerText(w)).toBe('10:00')
    w.unmount()
  })

  it('shows hours past an hour', () => {
    const w = mount(Countdown, { props: { remainingMs: 3_725_000, receivedAt: 0, ticking: false, limitMs: 7_200_000 } })
    expect(timerText(w)).toBe('1:02:05')
    w.unmount()
  })
})

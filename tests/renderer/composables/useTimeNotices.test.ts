// @vitest-environment happy-dom
/* eslint-disable @typescript-eslint/no-empty-function -- a Web Audio stand-in that only records tones */
import { mount } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTimeNotices } from '@renderer/composables/useTimeNotices'

const tones: number[] = []
class FakeAudio {
  currentTime = 0
  destination = {}
  createOscillator() {
    const osc = {
      type: '',
      frequency: { value: 0 },
      connect: (n: unknown) => n,
      start: () => tones.push(osc.frequency.value),
      stop: () => {},
      onended: null
    }
    return osc
  }
  createGain() {
    return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n }
  }
  close() {}
}

function harness(cuesOn: boolean, remainingMs: number) {
  const round = reactive({
    expired: null,
    receivedAt: performance.now(),
    view: { id: 'r1', index: 0, status: 'running', ticking: true, totalExpired: false },
    question: { remainingMs, revealed: false, expired: false }
  })
  const warnings: string[] = []
  const message = { warning: (t: string) => warnings.push(t) }
  let cue: { value: number | null } = { value: null }
  const C = defineComponent({
    setup() {
      cue = useTimeNotices(round as never, message as never, () => cuesOn).cue
      return () => h('div')
    }
  })
  const w = mount(C)
  return { w, cue: () => cue.value, warnings }
}

describe('time cues', () => {
  beforeEach(() => {
    tones.length = 0
    ;(window as unknown as { AudioContext: unknown }).AudioContext = FakeAudio
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] })
  })
  afterEach(() => vi.useRealTimers())

  it('when on: a soft tone and a visual cue as 30 s and then 10 s left are crossed, once each', async () => {
    const t = harness(true, 32_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.cue()).toBeNull()
    await vi.advanceTimersByTimeAsync(1_500) // 29.5 s left
    expect(t.cue()).toBe(30)
    expect(tones).toEqual([660])
    await vi.advanceTimersByTimeAsync(20_000) // 9.5 s left
    expect(t.cue()).toBe(10)
    expect(tones).toEqual([660, 880])
    await vi.advanceTimersByTimeAsync(3_000)
    expect(t.cue()).toBeNull()
    expect(tones).toEqual([660, 880])
    t.w.unmount()
  })

  it('off by default: nothing', async () => {
    const t = harness(false, 32_000)
    await vi.advanceTimersByTimeAsync(25_000)
    expect(t.cue()).toBeNull()
    expect(tones).toEqual([])
    t.w.unmount()
  })
})

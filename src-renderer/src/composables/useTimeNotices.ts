/**
 * What the round says about time: "Time is up" once per question (from main's event or a view that
 * says so), and, when the user turned it on, a soft tone and a visual cue at 30 s and 10 s left.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { useMessage } from 'naive-ui'
import type { useRoundStore } from '../stores/round'
import { monotonicNow } from '../lib/clock'

export const CUE_SECONDS = [30, 10] as const

/** A short, quiet sine tone (Web Audio; no file to load). */
export function softTone(frequency = 660): void {
  const AC = window.AudioContext
  if (!AC) return
  const ctx = new AC()
  const osc = ctx.createOscillator()
  const gain = ctx.createGain()
  osc.type = 'sine'
  osc.frequency.value = frequency
  gain.gain.setValueAtTime(0.0001, ctx.currentTime)
  gain.gain.exponentialRampToValueAtTime(0.06, ctx.currentTime + 0.02)
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35)
  osc.connect(gain).connect(ctx.destination)
  osc.start()
  osc.stop(ctx.currentTime + 0.4)
  osc.onended = () => void ctx.close()
}

export function useTimeNotices(
  round: ReturnType<typeof useRoundStore>,
  message: ReturnType<typeof useMessage>,
  cuesOn: () => boolean
): { cue: Ref<number | null> } {
  const announced = new Set<string>()
  function announce(key: string, text: string): void {
    if (announced.has(key)) return
    announced.add(key)
    message.warning(text, { duration: 5000 })
  }
  watch(
    () => round.expired,
    (e) => {
      if (!e) return
      if (e.scope === 'round') announce(`${e.roundId}#round`, 'Time is up for the round')
      else announce(`${e.roundId}#${e.index}`, 'Time is up')
    }
  )
  watch(
    () => (round.view?.status === 'running' && round.question?.expired ? `${round.view.id}#${round.view.index}` : null),
    (key) => key && announce(key, 'Time is up'),
    { immediate: true }
  )
  watch(
    () => (round.view?.status === 'running' && round.view.totalExpired ? round.view.id : null),
    (id) => id && announce(`${id}#round`, 'Time is up for the round'),
    { immediate: true }
  )

  // ---- 30 s / 10 s cues: the same arithmetic the countdown draws with ----
  const cue = ref<number | null>(null)
  const given = new Set<string>()
  let cueTimer: ReturnType<typeof setTimeout> | null = null
  const tick = setInterval(() => {
    const v = round.view
    const q = round.question
    if (!cuesOn() || !v || !q || !v.ticking || q.revealed) return
    const left = q.remainingMs - Math.max(0, monotonicNow() - round.receivedAt)
    for (const s of CUE_SECONDS) {
      const key = `${v.id}#${v.index}#${s}`
      // Only when crossing the mark, not when a question starts with less time than that.
      if (left <= s * 1000 && left > (s - 1) * 1000 && !given.has(key)) {
        given.add(key)
        cue.value = s
        softTone(s === 10 ? 880 : 660)
        if (cueTimer) clearTimeout(cueTimer)
        cueTimer = setTimeout(() => (cue.value = null), 2000)
      }
    }
  }, 200)
  onBeforeUnmount(() => {
    clearInterval(tick)
    if (cueTimer) clearTimeout(cueTimer)
  })
  return { cue }
}

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Events, Input, Rating, RoundView } from '@contract'
import { ApiError, call, on } from '../api'
import { errorMessage } from '../lib/errors'
import { monotonicNow } from '../lib/clock'

export const DRAFT_DEBOUNCE_MS = 700

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'
export type ExpiredNotice = Events['round:expired'] & { seq: number }

/** How far a view of a round has got; a view that is behind the one shown is stale and ignored. */
function progress(v: RoundView): number {
  return (v.status === 'running' ? 0 : 1_000_000) + v.index * 10 + (v.question.revealed ? 2 : 0) + (v.question.grade ? 1 : 0)
}

const sameList = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The round in progress, as main last described it. Main owns time and truth: the store keeps the
 * last RoundView and the local monotonic time it arrived, and only draws from them. What the user is
 * typing or ticking for the question on screen is kept here until main has it.
 */
export const useRoundStore = defineStore('round', () => {
  const view = ref<RoundView | null>(null)
  /** monotonicNow() when `view` arrived: the countdown subtracts the time since. */
  const receivedAt = ref(0)
  const loaded = ref(false)
  const busy = ref(false)

  // The question on screen: the user's draft, ticks, note and chosen rating.
  const draft = ref('')
  const savedDraft = ref('')
  const draftState = ref<SaveState>('idle')
  const draftError = ref<string | null>(null)
  const ticked = ref<number[]>([])
  const note = ref('')
  const rating = ref<Rating | null>(null)
  const gradeState = ref<SaveState>('idle')
  const gradeError = ref<string | null>(null)
  const expired = ref<ExpiredNotice | null>(null)

  const question = computed(() => view.value?.question ?? null)
  const running = computed(() => view.value?.status === 'running')
  const isLast = computed(() => !!view.value && (view.value.index + 1 >= view.value.count || view.value.totalExpired))
  /** The grade is on disk: main answered round:grade for what is shown. */
  const gradeSaved = computed(() => gradeState.value === 'saved' && !!question.value?.grade)
  /** Ticks, note or rating differ from the grade main has. */
  const gradeDirty = computed(() => {
    const g = question.value?.grade
    if (!g) return rating.value !== null
    return (
      g.rating !== rating.value ||
      g.note !== note.value ||
      !sameList(
        g.keyPoints,
        [...ticked.value].sort((a, b) => a - b)
      )
    )
  })
  const canAdvance = computed(() => running.value && !!question.value?.revealed && gradeSaved.value && !busy.value)

  let questionKey = ''
  let draftTimer: ReturnType<typeof setTimeout> | null = null
  let draftChain: Promise<void> = Promise.resolve()
  let gradeSeq = 0
  let gradePending: Promise<boolean> = Promise.resolve(true)
  let expiredSeq = 0

  function resetQuestion(v: RoundView): void {
    const q = v.question
    draft.value = q.draft
    savedDraft.value = q.draft
    draftState.value = 'idle'
    draftError.value = null
    ticked.value = q.grade ? [...q.grade.keyPoints] : []
    note.value = q.grade?.note ?? ''
    rating.value = q.grade?.rating ?? null
    gradeState.value = q.grade ? 'saved' : 'idle'
    gradeError.value = null
    if (draftTimer) clearTimeout(draftTimer)
    draftTimer = null
  }

  /** Takes a view from main (an answer or an event); returns false when it was stale. */
  function accept(v: RoundView | null): boolean {
    if (v === null) {
      view.value = null
      questionKey = ''
      return true
    }
    const cur = view.value
    if (cur && cur.id === v.id && progress(v) < progress(cur)) return false
    view.value = v
    receivedAt.value = monotonicNow()
    const key = `${v.id}#${v.index}`
    if (key !== questionKey) {
      questionKey = key
      resetQuestion(v)
    } else {
      if (v.question.revealed) {
        // Locked: show what main kept, not keys typed after the deadline.
        draft.value = v.question.draft
        savedDraft.value = v.question.draft
        if (draftTimer) clearTimeout(draftTimer)
        draftTimer = null
      }
      if (v.question.grade && gradeState.value === 'idle') {
        rating.value = v.question.grade.rating
        ticked.value = [...v.question.grade.keyPoints]
        note.value = v.question.grade.note
        gradeState.value = 'saved'
      }
    }
    return true
  }

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    on('round:changed', (v) => accept(v))
    on('round:expired', (e) => {
      if (view.value && e.roundId === view.value.id) expired.value = { ...e, seq: ++expiredSeq }
    })
  }

  /** Asks main for the round in progress (also after a reload: same time left, same state). */
  async function load(): Promise<RoundView | null> {
    const v = await call('round:current', undefined)
    accept(v)
    loaded.value = true
    return view.value
  }

  // review (issue #8): the setup may carry a drill source
  async function start(setup: Input<'round:start'>): Promise<RoundView> {
    const v = await call('round:start', setup)
    questionKey = ''
    view.value = null
    accept(v)
    return v
  }

  async function resumeInterrupted(roundId: string): Promise<RoundView> {
    const v = await call('round:resumeInterrupted', { roundId })
    questionKey = ''
    view.value = null
    accept(v)
    loaded.value = true
    return v
  }

  async function discardInterrupted(roundId: string): Promise<void> {
    await call('round:discardInterrupted', { roundId })
  }

  // ---- the draft --------------------------------------------------------------------------------

  function setDraft(text: string): void {
    draft.value = text
    if (draftTimer) clearTimeout(draftTimer)
    // In the question's last seconds every keystroke goes to main at once: when time runs out, main
    // locks the draft it has, and a debounced save would lose what was typed just before.
    const v = view.value
    const left = v ? v.question.remainingMs - (monotonicNow() - receivedAt.value) : Infinity
    if (left < 3 * DRAFT_DEBOUNCE_MS) return void flushDraft()
    draftTimer = setTimeout(() => void flushDraft(), DRAFT_DEBOUNCE_MS)
  }

  /** Saves the draft now if it changed; saves run one after another, in order. */
  function flushDraft(): Promise<void> {
    if (draftTimer) clearTimeout(draftTimer)
    draftTimer = null
    draftChain = draftChain.then(async () => {
      const v = view.value
      if (!v || v.status !== 'running' || v.question.revealed) return
      const text = draft.value
      if (text === savedDraft.value) return
      draftState.value = 'saving'
      try {
        const next = await call('round:saveDraft', { roundId: v.id, index: v.index, draft: text })
        savedDraft.value = text
        if (draft.value === text) draftState.value = 'saved'
        draftError.value = null
        accept(next)
      } catch (e) {
        // The answer got locked meanwhile (time up): nothing to save any more.
        if (e instanceof ApiError && (e.code === 'wrong-phase' || e.code === 'stale-round')) {
          draftState.value = 'idle'
          return
        }
        draftState.value = 'error'
        draftError.value = errorMessage(e)
      }
    })
    return draftChain
  }

  // ---- actions on the round ---------------------------------------------------------------------

  async function act(fn: (v: RoundView) => Promise<RoundView>): Promise<RoundView | null> {
    const v = view.value
    if (!v) return null
    busy.value = true
    try {
      const next = await fn(v)
      accept(next)
      return next
    } finally {
      busy.value = false
    }
  }

  async function reveal(): Promise<RoundView | null> {
    if (!view.value || view.value.question.revealed || !running.value) return view.value
    await flushDraft()
    return act((v) => call('round:reveal', { roundId: v.id }))
  }

  /** Saves a grade with the ticked key points and note; shown as saved only once main answered. */
  function grade(r: Rating): Promise<boolean> {
    gradePending = saveGrade(r)
    return gradePending
  }

  async function saveGrade(r: Rating): Promise<boolean> {
    const v = view.value
    if (!v || !v.question.revealed || v.status !== 'running') return false
    rating.value = r
    gradeState.value = 'saving'
    gradeError.value = null
    const seq = ++gradeSeq
    try {
      const keyPoints = [...ticked.value].sort((a, b) => a - b)
      const next = await call('round:grade', { roundId: v.id, index: v.index, rating: r, keyPoints, note: note.value })
      if (seq !== gradeSeq) return false
      accept(next)
      gradeState.value = 'saved'
      return true
    } catch (e) {
      if (seq !== gradeSeq) return false
      gradeState.value = 'error'
      gradeError.value = errorMessage(e)
      return false
    }
  }

  /** Saves ticks and note again after they changed (grading again replaces the grade). */
  async function saveGradeChanges(): Promise<boolean> {
    // A note written while the grade was still being saved is saved once that answer is in.
    if (gradeState.value === 'saving') await gradePending
    if (rating.value === null || !question.value?.grade || !gradeDirty.value) return true
    return grade(rating.value)
  }

  function setTicked(points: number[]): void {
    ticked.value = [...points]
    if (question.value?.grade && rating.value !== null) void grade(rating.value)
  }

  /** Moves on once the grade is saved (waits for a grade still being saved). */
  async function next(): Promise<RoundView | null> {
    if (gradeState.value === 'saving') await gradePending
    if (!view.value?.question.grade || gradeState.value === 'error') return view.value
    if (gradeDirty.value && !(await saveGradeChanges())) return view.value
    return act((v) => call('round:next', { roundId: v.id }))
  }

  async function pause(): Promise<RoundView | null> {
    if (!running.value || view.value?.paused) return view.value
    await flushDraft()
    return act((v) => call('round:pause', { roundId: v.id }))
  }

  async function resume(): Promise<RoundView | null> {
    if (!running.value || !view.value?.paused) return view.value
    return act((v) => call('round:resume', { roundId: v.id }))
  }

  async function end(): Promise<RoundView | null> {
    if (!running.value) return view.value
    await flushDraft()
    if (gradeDirty.value && question.value?.grade) await saveGradeChanges()
    return act((v) => call('round:end', { roundId: v.id }))
  }

  return {
    view,
    receivedAt,
    loaded,
    busy,
    draft,
    savedDraft,
    draftState,
    draftError,
    ticked,
    note,
    rating,
    gradeState,
    gradeError,
    expired,
    question,
    running,
    isLast,
    gradeSaved,
    gradeDirty,
    canAdvance,
    accept,
    listen,
    load,
    start,
    resumeInterrupted,
    discardInterrupted,
    setDraft,
    flushDraft,
    reveal,
    grade,
    saveGradeChanges,
    setTicked,
    next,
    pause,
    resume,
    end
  }
})

// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope, RoundView } from '@contract'
import { buildApi } from '../../../src-main/api-surface'
import { setApi } from '@renderer/api'
import { DRAFT_DEBOUNCE_MS, useRoundStore } from '@renderer/stores/round'

interface Pending {
  channel: string
  input: unknown
  resolve: (env: Envelope<unknown>) => void
}

/** A fake main: every request waits until the test answers it. */
function fakeMain() {
  const pending: Pending[] = []
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const api = buildApi(
    (channel, input) => new Promise((resolve) => pending.push({ channel, input, resolve: resolve as (env: Envelope<unknown>) => void })),
    (event, fn) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(fn)
      return () => set.delete(fn)
    }
  )
  return {
    api,
    pending,
    /** The oldest unanswered request on a channel. */
    take(channel: string): Pending {
      const i = pending.findIndex((p) => p.channel === channel)
      if (i < 0) throw new Error(`no pending ${channel} (have: ${pending.map((p) => p.channel).join(', ')})`)
      return pending.splice(i, 1)[0]
    },
    emit(event: string, payload: unknown): void {
      listeners.get(event)?.forEach((fn) => fn(payload))
    }
  }
}

function view(over: Partial<RoundView> = {}, q: Partial<RoundView['question']> = {}): RoundView {
  return {
    id: 'r1',
    status: 'running',
    startedAt: '2025-01-01T10:00:00.000Z',
    paused: false,
    ticking: true,
    index: 0,
    count: 3,
    allowOvertime: false,
    totalLimitMs: null,
    totalRemainingMs: null,
    totalExpired: false,
    summary: null,
    ...over,
    question: {
      index: over.index ?? 0,
      questionId: 'q-one',
      bankTitle: 'Bank',
      text: 'Why?',
      topics: ['etcd'],
      difficulty: 'easy',
      timeLimitMs: 60_000,
      usedMs: 0,
      remainingMs: 60_000,
      expired: false,
      overtimeMs: 0,
      draft: '',
      revealed: false,
      answer: null,
      keyPoints: null,
      grade: null,
      ...q
    }
  }
}

const revealed = (q: Partial<RoundView['question']> = {}) =>
  view({ ticking: false }, { revealed: true, answer: 'Because.', keyPoints: ['a', 'b', 'c'], remainingMs: 50_000, usedMs: 10_000, ...q })

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('round store', () => {
  let main: ReturnType<typeof fakeMain>

  beforeEach(() => {
    main = fakeMain()
    setApi(main.api)
    setActivePinia(createPinia())
  })
  afterEach(() => {
    setApi(undefined)
    vi.useRealTimers()
  })

  async function startRevealed() {
    const round = useRoundStore()
    round.listen()
    const loading = round.load()
    main.take('round:current').resolve({ ok: true, value: revealed() })
    await loading
    return round
  }

  it('shows a grade as saved only after round:grade resolved', async () => {
    const round = await startRevealed()
    round.setTicked([0, 2])
    round.note = 'remember quorum'
    const saving = round.grade(4)

    // Chosen at once, but not saved yet.
    expect(round.rating).toBe(4)
    expect(round.gradeState).toBe('saving')
    expect(round.gradeSaved).toBe(false)
    expect(round.canAdvance).toBe(false)

    const req = main.take('round:grade')
    expect(req.input).toEqual({ roundId: 'r1', index: 0, rating: 4, keyPoints: [0, 2], note: 'remember quorum' })

    // Main's change event may arrive before the answer: still not shown as saved.
    const graded = revealed({ grade: { rating: 4, keyPoints: [0, 2], note: 'remember quorum' } })
    main.emit('round:changed', graded)
    await flush()
    expect(round.gradeSaved).toBe(false)

    req.resolve({ ok: true, value: graded })
    expect(await saving).toBe(true)
    expect(round.gradeState).toBe('saved')
    expect(round.gradeSaved).toBe(true)
    expect(round.gradeDirty).toBe(false)
    expect(round.canAdvance).toBe(true)
  })

  it('keeps the choice and shows the error when the grade was not saved', async () => {
    const round = await startRevealed()
    const saving = round.grade(2)
    main.take('round:grade').resolve({ ok: false, error: { code: 'internal', message: 'Something went wrong: disk full' } })
    expect(await saving).toBe(false)
    expect(round.gradeState).toBe('error')
    expect(round.gradeError).toBe('Something went wrong: disk full')
    expect(round.rating).toBe(2)
    expect(round.gradeSaved).toBe(false)
    expect(round.canAdvance).toBe(false)

    // Retrying the same choice saves it.
    const retry = round.grade(2)
    main.take('round:grade').resolve({ ok: true, value: revealed({ grade: { rating: 2, keyPoints: [], note: '' } }) })
    expect(await retry).toBe(true)
    expect(round.gradeSaved).toBe(true)
  })

  it('a later grade wins over an earlier one still in flight', async () => {
    const round = await startRevealed()
    const first = round.grade(2)
    const second = round.grade(5)
    const [a, b] = [main.take('round:grade'), main.take('round:grade')]
    b.resolve({ ok: true, value: revealed({ grade: { rating: 5, keyPoints: [], note: '' } }) })
    expect(await second).toBe(true)
    a.resolve({ ok: true, value: revealed({ grade: { rating: 2, keyPoints: [], note: '' } }) })
    expect(await first).toBe(false)
    expect(round.rating).toBe(5)
    expect(round.gradeSaved).toBe(true)
  })

  it('saves a note left while the grade was still being saved, once that save is answered', async () => {
    const round = await startRevealed()
    const saving = round.grade(4)
    round.note = 'quorum is floor(n/2)+1'
    const leaving = round.saveGradeChanges() // the note loses focus before main answered the grade
    main.take('round:grade').resolve({ ok: true, value: revealed({ grade: { rating: 4, keyPoints: [], note: '' } }) })
    expect(await saving).toBe(true)
    await flush()
    const again = main.take('round:grade')
    expect(again.input).toMatchObject({ rating: 4, note: 'quorum is floor(n/2)+1' })
    again.resolve({ ok: true, value: revealed({ grade: { rating: 4, keyPoints: [], note: 'quorum is floor(n/2)+1' } }) })
    expect(await leaving).toBe(true)
    expect(round.gradeSaved).toBe(true)
    expect(round.gradeDirty).toBe(false)
  })

  it('next waits for a grade still being saved', async () => {
    const round = await startRevealed()
    void round.grade(3)
    const moving = round.next()
    await flush()
    expect(main.pending.map((p) => p.channel)).toEqual(['round:grade'])
    main.take('round:grade').resolve({ ok: true, value: revealed({ grade: { rating: 3, keyPoints: [], note: '' } }) })
    await flush()
    const next = main.take('round:next')
    expect(next.input).toEqual({ roundId: 'r1' })
    next.resolve({ ok: true, value: view({ index: 1 }, { questionId: 'q-two', text: 'How?' }) })
    await moving
    expect(round.view?.index).toBe(1)
    expect(round.rating).toBeNull()
    expect(round.gradeState).toBe('idle')
  })

  it('saves the draft debounced, and at once before the reveal', async () => {
    vi.useFakeTimers()
    const round = useRoundStore()
    const loading = round.load()
    main.take('round:current').resolve({ ok: true, value: view() })
    await loading

    round.setDraft('etc')
    round.setDraft('etcd needs a quorum')
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 50)
    expect(main.pending).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(60)
    const save = main.take('round:saveDraft')
    expect(save.input).toEqual({ roundId: 'r1', index: 0, draft: 'etcd needs a quorum' })
    save.resolve({ ok: true, value: view({}, { draft: 'etcd needs a quorum' }) })
    await vi.advanceTimersByTimeAsync(0)
    expect(round.draftState).toBe('saved')

    round.setDraft('etcd needs a quorum of members')
    const revealing = round.reveal()
    await vi.advanceTimersByTimeAsync(0)
    const early = main.take('round:saveDraft')
    expect(early.input).toEqual({ roundId: 'r1', index: 0, draft: 'etcd needs a quorum of members' })
    expect(main.pending).toHaveLength(0)
    early.resolve({ ok: true, value: view({}, { draft: 'etcd needs a quorum of members' }) })
    await vi.advanceTimersByTimeAsync(0)
    main.take('round:reveal').resolve({ ok: true, value: revealed({ draft: 'etcd needs a quorum of members' }) })
    await revealing
    expect(round.question?.revealed).toBe(true)
    // No save is left pending after the reveal.
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS * 2)
    expect(main.pending).toHaveLength(0)
  })

  it('takes the time left from main and ignores a view that is behind the one shown', async () => {
    const round = await startRevealed()
    const receivedAt = round.receivedAt
    expect(receivedAt).toBeGreaterThan(0)
    // A stale answer (from before the reveal) arrives late: ignored.
    expect(round.accept(view())).toBe(false)
    expect(round.question?.revealed).toBe(true)
    // An event with the round paused is taken.
    main.emit('round:changed', revealed({}))
    expect(round.view?.question.revealed).toBe(true)
  })

  it("saves each keystroke at once in a question's last seconds, so time running out loses none", async () => {
    const round = useRoundStore()
    const loading = round.load()
    main.take('round:current').resolve({ ok: true, value: view({}, { remainingMs: 1500 }) })
    await loading
    round.setDraft('quorum')
    await Promise.resolve()
    expect(main.take('round:saveDraft').input).toEqual({ roundId: 'r1', index: 0, draft: 'quorum' })
  })

  it('locks the draft to what main kept once the answer is revealed by time running out', async () => {
    const round = useRoundStore()
    round.listen()
    const loading = round.load()
    main.take('round:current').resolve({ ok: true, value: view({}, { draft: 'saved part' }) })
    await loading
    round.setDraft('saved part and unsaved keys')
    main.emit('round:expired', { type: 'expired', roundId: 'r1', index: 0, scope: 'question' })
    main.emit('round:changed', revealed({ draft: 'saved part', expired: true }))
    expect(round.expired?.scope).toBe('question')
    expect(round.draft).toBe('saved part')
  })
})

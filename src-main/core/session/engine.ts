import { randomBytes } from 'node:crypto'
import type { Bank } from '../bank/types'
import type { HistoryStore } from '../history/store'
import type { Clock } from './clock'
import { serialQueue } from '../serial'
import { planRound } from './plan'
import { answerPartsView } from './answer-parts' // #13
import { summarizeRound } from './summary'
import {
  SESSION_SCHEMA_VERSION,
  type InterruptedRound,
  type Rating,
  type RoundEvent,
  type RoundSetup,
  type RoundState,
  type RoundStatus,
  type RoundView,
  type SessionRecord
} from './types'

export type RoundErrorCode = 'no-round' | 'stale-round' | 'wrong-phase' | 'round-in-progress' | 'invalid'

export class RoundError extends Error {
  constructor(
    readonly code: RoundErrorCode,
    message: string
  ) {
    super(message)
  }
}

export interface RoundEngineDeps {
  store: HistoryStore
  clock: Clock
  banks: () => Bank[]
  emit: (event: RoundEvent) => void
  random?: () => number
}

/**
 * The state machine of a timed round. Main owns it: deadlines live here on a monotonic clock, every
 * change is written to the session file before the caller hears back, and the renderer only draws
 * the views this returns.
 */
export class RoundEngine {
  private state: RoundState | null = null
  private interrupted: RoundState | null = null
  /** Monotonic time the current running segment began; null while paused or finished. */
  private segmentStart: number | null = null
  private questionTimer: unknown = null
  private totalTimer: unknown = null
  /** One operation at a time, so records reach the file in the order they happen. */
  private readonly exclusive = serialQueue()

  constructor(private readonly deps: RoundEngineDeps) {}

  /** Looks for a round that an earlier run left unfinished (quit, crash, power loss). */
  async init(): Promise<void> {
    this.interrupted = await this.deps.store.interruptedRound()
  }

  get activeId(): string | null {
    return this.state?.status === 'running' ? this.state.id : (this.interrupted?.id ?? null)
  }

  interruptedRound(): InterruptedRound | null {
    const s = this.interrupted
    if (!s) return null
    return {
      id: s.id,
      startedAt: s.startedAt,
      questionCount: s.questions.length,
      gradedCount: s.attempts.filter((a) => a.grade).length,
      index: s.index
    }
  }

  current(): RoundView | null {
    return this.state ? this.view(this.state) : null
  }

  start(setup: RoundSetup): Promise<RoundView> {
    return this.exclusive(async () => {
      if (this.state?.status === 'running')
        throw new RoundError('round-in-progress', 'A round is already in progress. Finish or end it first.')
      if (this.interrupted) throw new RoundError('round-in-progress', 'An interrupted round is waiting: resume or discard it first.')
      const questions = planRound(this.deps.banks(), setup, this.deps.random)
      const at = this.deps.clock.wallNow()
      const id = `${at.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`
      const start: Extract<SessionRecord, { t: 'start' }> = {
        t: 'start',
        v: SESSION_SCHEMA_VERSION,
        id,
        at: at.toISOString(),
        setup,
        questions
      }
      await this.deps.store.createSession(start)
      const state: RoundState = {
        id,
        schemaVersion: SESSION_SCHEMA_VERSION,
        startedAt: start.at,
        endedAt: null,
        status: 'running',
        setup,
        questions,
        attempts: questions.map(() => ({
          draft: '',
          usedMs: 0,
          overtimeMs: 0,
          expired: false,
          revealed: false,
          openedAt: null,
          revealedAt: null,
          grade: null
        })),
        index: 0,
        paused: false,
        roundUsedMs: 0,
        totalExpired: false
      }
      this.state = state
      this.segmentStart = this.deps.clock.now()
      const openedAt = this.wall()
      await this.write({ t: 'open', i: 0, at: openedAt, roundUsedMs: 0 })
      state.attempts[0].openedAt = openedAt
      this.schedule()
      return this.changed()
    })
  }

  saveDraft(roundId: string, index: number, draft: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (index !== s.index) throw new RoundError('stale-round', 'That question is no longer on screen.')
      const a = s.attempts[s.index]
      if (a.revealed) throw new RoundError('wrong-phase', 'The answer is locked once the model answer is shown.')
      this.settle()
      a.draft = draft
      await this.write({ t: 'draft', i: s.index, draft, usedMs: a.usedMs, roundUsedMs: s.roundUsedMs })
      return this.view(s)
    })
  }

  reveal(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (s.attempts[s.index].revealed) return this.view(s)
      await this.doReveal(s)
      return this.changed()
    })
  }

  grade(roundId: string, index: number, rating: Rating, keyPoints: number[], note: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (index !== s.index) throw new RoundError('stale-round', 'That question is no longer on screen.')
      const a = s.attempts[s.index]
      if (!a.revealed) throw new RoundError('wrong-phase', 'Reveal the model answer before grading.')
      const q = s.questions[s.index]
      const ticked = [...new Set(keyPoints)].sort((x, y) => x - y)
      if (ticked.some((k) => k < 0 || k >= q.keyPoints.length)) throw new RoundError('invalid', 'A ticked key point does not exist.')
      this.settle()
      const at = this.wall()
      await this.write({ t: 'grade', i: s.index, rating, keyPoints: ticked, note, at, roundUsedMs: s.roundUsedMs })
      a.grade = { rating, keyPoints: ticked, note, gradedAt: at }
      return this.changed()
    })
  }

  next(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (!s.attempts[s.index].grade) throw new RoundError('wrong-phase', 'Grade this question before moving on.')
      if (s.index + 1 >= s.questions.length || s.totalExpired) {
        await this.finish(s, 'finished')
      } else {
        this.settle()
        const at = this.wall()
        await this.write({ t: 'open', i: s.index + 1, at, roundUsedMs: s.roundUsedMs })
        s.index++
        s.attempts[s.index].openedAt = at
        this.schedule()
      }
      return this.changed()
    })
  }

  pause(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (!s.paused) await this.doPause(s)
      return this.changed()
    })
  }

  resume(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (s.paused) {
        await this.write({ t: 'resume', i: s.index, at: this.wall() })
        s.paused = false
        this.segmentStart = this.deps.clock.now()
        this.schedule()
      }
      return this.changed()
    })
  }

  /** Ends the round now; what was graded is kept. */
  end(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      await this.finish(s, s.attempts.every((a) => a.grade) ? 'finished' : 'ended-early')
      return this.changed()
    })
  }

  /** Takes up the interrupted round, paused where it stopped, every grade in place. */
  resumeInterrupted(roundId: string): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.interrupted
      if (!s || s.id !== roundId) throw new RoundError('no-round', 'That round is no longer waiting to be resumed.')
      this.interrupted = null
      this.state = s
      const limit = s.setup.totalMinutes ? s.setup.totalMinutes * 60_000 : null
      s.totalExpired = limit !== null && s.roundUsedMs >= limit
      const a = s.attempts[s.index]
      a.expired = a.revealed ? a.expired : a.usedMs >= s.questions[s.index].timeLimitMs
      if (!s.paused) {
        await this.write({ t: 'pause', i: s.index, at: this.wall(), usedMs: a.usedMs, roundUsedMs: s.roundUsedMs })
        s.paused = true
      }
      this.segmentStart = null
      return this.changed()
    })
  }

  /** Closes the interrupted round; it stays in history as abandoned. */
  discardInterrupted(roundId: string): Promise<void> {
    return this.exclusive(async () => {
      const s = this.interrupted
      if (!s || s.id !== roundId) throw new RoundError('no-round', 'That round is no longer waiting to be resumed.')
      const record: SessionRecord = { t: 'finish', at: this.wall(), status: 'abandoned', roundUsedMs: s.roundUsedMs }
      s.status = 'abandoned'
      s.endedAt = record.at
      await this.deps.store.append(s.id, record, s)
      this.interrupted = null
    })
  }

  /** Leaves the round in progress paused and on disk, to be offered again on the next start. */
  shutdown(): Promise<void> {
    return this.exclusive(async () => {
      const s = this.state
      if (s?.status === 'running' && !s.paused) await this.doPause(s)
      this.clearTimers()
    })
  }

  // ---- internals -------------------------------------------------------------------------------

  private running(roundId: string): RoundState {
    const s = this.state
    if (!s) throw new RoundError('no-round', 'No round is in progress.')
    if (s.id !== roundId) throw new RoundError('stale-round', 'This round is no longer the current one.')
    if (s.status !== 'running') throw new RoundError('wrong-phase', 'This round has ended.')
    return s
  }

  private wall(): string {
    return this.deps.clock.wallNow().toISOString()
  }

  private async write(record: SessionRecord): Promise<void> {
    await this.deps.store.append(this.state!.id, record, this.state!)
  }

  /** Folds the time since the segment began into the round and, while answering, the question. */
  private settle(): void {
    const s = this.state
    if (!s || this.segmentStart === null) return
    const now = this.deps.clock.now()
    const dt = now - this.segmentStart
    this.segmentStart = now
    s.roundUsedMs += dt
    const a = s.attempts[s.index]
    if (!a.revealed) a.usedMs += dt
  }

  private live(s: RoundState): { usedMs: number; roundUsedMs: number } {
    const a = s.attempts[s.index]
    const dt = this.segmentStart === null ? 0 : this.deps.clock.now() - this.segmentStart
    return { usedMs: a.revealed ? a.usedMs : a.usedMs + dt, roundUsedMs: s.roundUsedMs + dt }
  }

  private async doReveal(s: RoundState): Promise<void> {
    this.settle()
    const a = s.attempts[s.index]
    const limit = s.questions[s.index].timeLimitMs
    const expired = a.usedMs >= limit
    const overtimeMs = Math.max(0, a.usedMs - limit)
    const at = this.wall()
    await this.write({
      t: 'reveal',
      i: s.index,
      at,
      usedMs: a.usedMs,
      overtimeMs,
      expired,
      draft: a.draft,
      roundUsedMs: s.roundUsedMs,
      totalExpired: s.totalExpired
    })
    Object.assign(a, { revealed: true, revealedAt: at, expired, overtimeMs })
    this.schedule()
  }

  private async doPause(s: RoundState): Promise<void> {
    this.settle()
    const a = s.attempts[s.index]
    await this.write({ t: 'pause', i: s.index, at: this.wall(), usedMs: a.usedMs, roundUsedMs: s.roundUsedMs })
    s.paused = true
    this.segmentStart = null
    this.clearTimers()
  }

  private async finish(s: RoundState, status: Exclude<RoundStatus, 'running'>): Promise<void> {
    this.settle()
    const at = this.wall()
    s.status = status
    s.endedAt = at
    s.paused = false
    await this.deps.store.append(s.id, { t: 'finish', at, status, roundUsedMs: s.roundUsedMs }, s)
    this.segmentStart = null
    this.clearTimers()
  }

  private clearTimers(): void {
    if (this.questionTimer !== null) this.deps.clock.clearTimer(this.questionTimer)
    if (this.totalTimer !== null) this.deps.clock.clearTimer(this.totalTimer)
    this.questionTimer = this.totalTimer = null
  }

  /** Arms the deadline timers for what is on screen now. */
  private schedule(): void {
    this.clearTimers()
    const s = this.state
    if (!s || s.status !== 'running' || s.paused) return
    const { usedMs, roundUsedMs } = this.live(s)
    const a = s.attempts[s.index]
    const limit = s.questions[s.index].timeLimitMs
    if (!a.revealed && !a.expired) {
      this.questionTimer = this.deps.clock.setTimer(limit - usedMs, () => this.onTimer('question', s.id, s.index))
    }
    const total = s.setup.totalMinutes ? s.setup.totalMinutes * 60_000 : null
    if (total !== null && !s.totalExpired) {
      this.totalTimer = this.deps.clock.setTimer(total - roundUsedMs, () => this.onTimer('round', s.id, s.index))
    }
  }

  private onTimer(scope: 'question' | 'round', roundId: string, index: number): void {
    const s = this.state
    if (!s || s.id !== roundId || s.status !== 'running' || s.paused || s.index !== index) return
    // Node may fire a timer up to a millisecond early (its loop time is cached): wait out the rest.
    const { usedMs, roundUsedMs } = this.live(s)
    const left = scope === 'question' ? s.questions[s.index].timeLimitMs - usedMs : (s.setup.totalMinutes ?? 0) * 60_000 - roundUsedMs
    if (left > 0) {
      const handle = this.deps.clock.setTimer(left, () => this.onTimer(scope, roundId, index))
      if (scope === 'question') this.questionTimer = handle
      else this.totalTimer = handle
      return
    }
    // Tell the renderer at once; the reveal that follows is written to disk first, then shown.
    this.deps.emit({ type: 'expired', roundId, index, scope })
    void this.exclusive(async () => {
      if (this.state !== s || s.status !== 'running' || s.paused || s.index !== index) return
      const a = s.attempts[s.index]
      if (scope === 'round') s.totalExpired = true
      if (!a.revealed) {
        if (scope === 'round' || !s.setup.allowOvertime) {
          await this.doReveal(s)
        } else {
          this.settle()
          a.expired = true
        }
      }
      this.changed()
    }).catch((e) => console.error('round timer failed', e))
  }

  private changed(): RoundView {
    const view = this.view(this.state!)
    this.deps.emit({ type: 'changed', view })
    return view
  }

  private view(s: RoundState): RoundView {
    const { usedMs, roundUsedMs } = this.live(s)
    const q = s.questions[s.index]
    const a = s.attempts[s.index]
    const total = s.setup.totalMinutes ? s.setup.totalMinutes * 60_000 : null
    const finished = s.status !== 'running'
    return {
      id: s.id,
      status: s.status,
      startedAt: s.startedAt,
      paused: s.paused,
      ticking: !finished && !s.paused && !a.revealed,
      index: s.index,
      count: s.questions.length,
      allowOvertime: s.setup.allowOvertime,
      totalLimitMs: total,
      totalRemainingMs: total === null ? null : Math.max(0, total - roundUsedMs),
      totalExpired: s.totalExpired,
      question: {
        index: s.index,
        questionId: q.questionId,
        bankTitle: q.bankTitle,
        text: q.text,
        topics: q.topics,
        difficulty: q.difficulty,
        timeLimitMs: q.timeLimitMs,
        usedMs: Math.round(usedMs),
        remainingMs: Math.round(q.timeLimitMs - usedMs),
        expired: a.expired || usedMs >= q.timeLimitMs,
        overtimeMs: Math.round(a.revealed ? a.overtimeMs : Math.max(0, usedMs - q.timeLimitMs)),
        draft: a.draft,
        revealed: a.revealed,
        answer: a.revealed || finished ? q.answer : null,
        keyPoints: a.revealed || finished ? q.keyPoints : null,
        ...answerPartsView(q, a.revealed || finished), // #13: spoken answer and follow-ups after the reveal
        grade: a.grade ? { rating: a.grade.rating, keyPoints: a.grade.keyPoints, note: a.grade.note } : null
      },
      summary: finished ? summarizeRound(s) : null
    }
  }
}

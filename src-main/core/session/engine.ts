import { randomBytes } from 'node:crypto'
import type { Bank } from '../bank/types'
import type { Clock } from './clock'
import { serialQueue } from '../serial'
import type { SessionLog } from './log'
import { planRound } from './plan'
import { apply, initialState } from './reducer'
import type { GradeInput, RoundRefInput, RoundSetup, SaveDraftInput } from './schema'
import { RoundTiming, type Deadline } from './timing'
import {
  SESSION_SCHEMA_VERSION,
  type InterruptedRound,
  type RoundEvent,
  type RoundState,
  type RoundStatus,
  type RoundView,
  type SessionRecord
} from './types'
import { describeInterrupted, projectView, totalLimitMs } from './view'

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
  log: SessionLog
  clock: Clock
  banks: () => Bank[]
  /** Changes the user did not ask for (a deadline, a checkpoint); commands return their view instead. */
  emit: (event: RoundEvent) => void
  random?: () => number
}

/**
 * The commands of a timed round. Each one decides, builds a record, has the session log make it
 * durable, and only then takes the state that the reducer `apply` gives (the same one replay uses).
 * A command returns its view; timer-driven changes are emitted. A failed write changes nothing.
 */
export class RoundEngine {
  private state: RoundState | null = null
  private interrupted: RoundState | null = null
  private readonly timing: RoundTiming
  /** One operation at a time, so records reach the file in the order they happen. */
  private readonly exclusive = serialQueue()

  constructor(private readonly deps: RoundEngineDeps) {
    this.timing = new RoundTiming(deps.clock)
  }

  /** Looks for a round that an earlier run left unfinished (quit, crash, power loss). */
  async init(): Promise<void> {
    this.interrupted = await this.deps.log.interrupted()
  }

  get activeId(): string | null {
    return this.state?.status === 'running' ? this.state.id : (this.interrupted?.id ?? null)
  }

  interruptedRound(): InterruptedRound | null {
    return this.interrupted ? describeInterrupted(this.interrupted) : null
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
      const start = { t: 'start', v: SESSION_SCHEMA_VERSION, id, at: at.toISOString(), setup, questions } as const
      const first = initialState(start)
      await this.deps.log.create(start, first)
      this.state = first
      await this.commit({ t: 'open', i: 0, at: this.timing.wall(), roundUsedMs: 0 })
      return this.view(this.state)
    })
  }

  saveDraft({ roundId, index, draft }: SaveDraftInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.onScreen(roundId, index)
      if (s.attempts[s.index].revealed) throw new RoundError('wrong-phase', 'The answer is locked once the model answer is shown.')
      const live = this.timing.live(s)
      return this.view(await this.commit({ t: 'draft', i: s.index, draft, ...live }))
    })
  }

  reveal({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      return this.view(s.attempts[s.index].revealed ? s : await this.doReveal(s, s.totalExpired))
    })
  }

  grade({ roundId, index, rating, keyPoints, note }: GradeInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.onScreen(roundId, index)
      if (!s.attempts[s.index].revealed) throw new RoundError('wrong-phase', 'Reveal the model answer before grading.')
      const ticked = [...new Set(keyPoints)].sort((x, y) => x - y)
      if (ticked.some((k) => k >= s.questions[s.index].keyPoints.length))
        throw new RoundError('invalid', 'A ticked key point does not exist.')
      const { roundUsedMs } = this.timing.live(s)
      return this.view(await this.commit({ t: 'grade', i: s.index, rating, keyPoints: ticked, note, at: this.timing.wall(), roundUsedMs }))
    })
  }

  next({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      if (!s.attempts[s.index].grade) throw new RoundError('wrong-phase', 'Grade this question before moving on.')
      if (s.index + 1 >= s.questions.length || s.totalExpired) return this.view(await this.finish(s, 'finished'))
      const { roundUsedMs } = this.timing.live(s)
      return this.view(await this.commit({ t: 'open', i: s.index + 1, at: this.timing.wall(), roundUsedMs }))
    })
  }

  pause({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      return this.view(s.paused ? s : await this.doPause(s))
    })
  }

  resume({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      return this.view(s.paused ? await this.commit({ t: 'resume', i: s.index, at: this.timing.wall() }) : s)
    })
  }

  /** Ends the round now; what was graded is kept. */
  end({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = this.running(roundId)
      return this.view(await this.finish(s, s.attempts.every((a) => a.grade) ? 'finished' : 'ended-early'))
    })
  }

  /** Takes up the interrupted round, paused where it stopped, every grade in place. */
  resumeInterrupted({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      let s = this.waiting(roundId)
      const limit = totalLimitMs(s)
      const a = s.attempts[s.index]
      const totalExpired = !s.totalExpired && limit !== null && s.roundUsedMs >= limit
      const expired = !a.revealed && !a.expired && a.usedMs >= s.questions[s.index].timeLimitMs
      if (totalExpired || expired) {
        const record: SessionRecord = { t: 'clock', i: s.index, usedMs: a.usedMs, roundUsedMs: s.roundUsedMs, expired, totalExpired }
        s = await this.write(s, record)
      }
      if (!s.paused)
        s = await this.write(s, { t: 'pause', i: s.index, at: this.timing.wall(), usedMs: a.usedMs, roundUsedMs: s.roundUsedMs })
      this.interrupted = null
      this.state = s
      this.timing.stop()
      return this.view(s)
    })
  }

  /** Closes the interrupted round; it stays in history as abandoned. */
  discardInterrupted({ roundId }: RoundRefInput): Promise<void> {
    return this.exclusive(async () => {
      const s = this.waiting(roundId)
      await this.write(s, { t: 'finish', at: this.timing.wall(), status: 'abandoned', roundUsedMs: s.roundUsedMs })
      this.interrupted = null
    })
  }

  /** Leaves the round in progress paused and on disk, to be offered again on the next start. */
  shutdown(): Promise<void> {
    return this.exclusive(async () => {
      const s = this.state
      if (s?.status === 'running' && !s.paused) await this.doPause(s)
      this.timing.clear()
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

  private onScreen(roundId: string, index: number): RoundState {
    const s = this.running(roundId)
    if (index !== s.index) throw new RoundError('stale-round', 'That question is no longer on screen.')
    return s
  }

  private waiting(roundId: string): RoundState {
    const s = this.interrupted
    if (!s || s.id !== roundId) throw new RoundError('no-round', 'That round is no longer waiting to be resumed.')
    return s
  }

  /** Writes a record and returns the state it leaves; `s` stays as it was if the write fails. */
  private async write(s: RoundState, record: SessionRecord): Promise<RoundState> {
    const next = apply(s, record)
    await this.deps.log.append(record, next)
    return next
  }

  /** Writes a record of the round on screen, takes the state it leaves, and re-arms the clock. */
  private async commit(record: SessionRecord): Promise<RoundState> {
    const next = await this.write(this.state!, record)
    this.state = next
    if (next.status !== 'running' || next.paused) this.timing.stop()
    else {
      // Every record but `resume` carries the live time up to now; `resume` starts a segment.
      this.timing.restart()
      this.timing.schedule(next, (what, index) => this.onTimer(what, next.id, index))
    }
    return next
  }

  private doReveal(s: RoundState, totalExpired: boolean): Promise<RoundState> {
    const { usedMs, roundUsedMs } = this.timing.live(s)
    const limit = s.questions[s.index].timeLimitMs
    const a = s.attempts[s.index]
    return this.commit({
      t: 'reveal',
      i: s.index,
      at: this.timing.wall(),
      usedMs,
      overtimeMs: Math.max(0, usedMs - limit),
      expired: usedMs >= limit,
      draft: a.draft,
      roundUsedMs,
      totalExpired
    })
  }

  private doPause(s: RoundState): Promise<RoundState> {
    return this.commit({ t: 'pause', i: s.index, at: this.timing.wall(), ...this.timing.live(s) })
  }

  private finish(s: RoundState, status: Exclude<RoundStatus, 'running'>): Promise<RoundState> {
    return this.commit({ t: 'finish', at: this.timing.wall(), status, roundUsedMs: this.timing.live(s).roundUsedMs })
  }

  private onTimer(what: Deadline | 'checkpoint', roundId: string, index: number): void {
    const current = (): RoundState | null => {
      const s = this.state
      return s && s.id === roundId && s.status === 'running' && !s.paused && s.index === index ? s : null
    }
    const s0 = current()
    if (!s0) return
    if (what === 'checkpoint') {
      void this.exclusive(async () => {
        const s = current()
        if (s) await this.commit({ t: 'clock', i: s.index, ...this.timing.live(s) })
      }).catch((e) => console.error('round checkpoint failed', e))
      return
    }
    // Node may fire a timer up to a millisecond early (its loop time is cached): wait out the rest.
    const left = this.timing.left(s0, what)
    if (left > 0) return this.timing.rearm(what, left, () => this.onTimer(what, roundId, index))
    // Tell the renderer at once; the reveal that follows is written to disk first, then shown.
    this.deps.emit({ type: 'expired', roundId, index, scope: what })
    void this.exclusive(async () => {
      const s = current()
      if (!s) return
      const a = s.attempts[s.index]
      const totalExpired = s.totalExpired || what === 'round'
      if (!a.revealed && (what === 'round' || !s.setup.allowOvertime)) await this.doReveal(s, totalExpired)
      else await this.commit({ t: 'clock', i: s.index, ...this.timing.live(s), expired: !a.revealed || a.expired, totalExpired })
      this.deps.emit({ type: 'changed', view: this.view(this.state!) })
    }).catch((e) => console.error('round timer failed', e))
  }

  private view(s: RoundState): RoundView {
    return projectView(s, this.timing.live(s))
  }
}

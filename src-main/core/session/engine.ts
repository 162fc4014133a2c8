import { randomBytes } from 'node:crypto'
import type { Bank } from '../bank/types'
import type { Clock } from './clock'
import { serialQueue } from '../serial'
import { assertNoRound, roundOnScreen, runningRound, tickingRound, waitingRound } from './guards'
import type { SessionLog } from './log'
import { planRound } from './plan'
import {
  checkpointRecord,
  deadlineRecord,
  draftRecord,
  endStatus,
  finishRecord,
  gradeRecord,
  lapsedDeadlines,
  nextRecord,
  pauseRecord,
  revealRecord,
  roundId as newRoundId,
  startRecord
} from './records'
import { apply, initialState } from './reducer'
import type { GradeInput, RoundRefInput, RoundSetup, SaveDraftInput } from './schema'
import { RoundTiming, type Deadline } from './timing'
import type { InterruptedRound, RoundEvent, RoundState, RoundView, SessionRecord } from './types'
import { describeInterrupted, projectView } from './view'

export { RoundError, type RoundErrorCode } from './guards'

export interface RoundEngineDeps {
  log: SessionLog
  clock: Clock
  banks: () => Bank[]
  /** Changes the user did not ask for (a deadline, a checkpoint); commands return their view instead. */
  emit: (event: RoundEvent) => void
  random?: () => number
}

/**
 * The commands of a timed round. Each one decides (guards.ts, records.ts), has the session log make
 * the record durable, and only then takes the state that the reducer `apply` gives (the same one
 * replay uses). Time is accounted by RoundTiming, the view projected by view.ts. A command returns
 * its view; timer-driven changes are emitted. A failed write changes nothing.
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
      assertNoRound(this.state, this.interrupted)
      const questions = planRound(this.deps.banks(), setup, this.deps.random)
      const at = this.deps.clock.wallNow()
      const start = startRecord(newRoundId(at, randomBytes(3).toString('hex')), at, setup, questions)
      const first = initialState(start)
      await this.deps.log.create(start, first)
      this.state = first
      await this.commit({ t: 'open', i: 0, at: this.timing.wall(), roundUsedMs: 0 })
      return this.view(this.state)
    })
  }

  saveDraft({ roundId, index, draft }: SaveDraftInput): Promise<RoundView> {
    return this.onRound(roundId, index, (s) => this.commit(draftRecord(s, draft, this.timing.live(s))))
  }

  reveal({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.onRound(roundId, null, (s) =>
      s.attempts[s.index].revealed ? s : this.commit(revealRecord(s, this.timing.live(s), this.timing.wall(), s.totalExpired))
    )
  }

  grade(input: GradeInput): Promise<RoundView> {
    return this.onRound(input.roundId, input.index, (s) =>
      this.commit(gradeRecord(s, input, this.timing.wall(), this.timing.live(s).roundUsedMs))
    )
  }

  next({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.onRound(roundId, null, (s) => this.commit(nextRecord(s, this.timing.live(s), this.timing.wall())))
  }

  pause({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.onRound(roundId, null, (s) => (s.paused ? s : this.doPause(s)))
  }

  resume({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.onRound(roundId, null, (s) => (s.paused ? this.commit({ t: 'resume', i: s.index, at: this.timing.wall() }) : s))
  }

  /** Ends the round now; what was graded is kept. */
  end({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.onRound(roundId, null, (s) => this.commit(finishRecord(endStatus(s), this.timing.wall(), this.timing.live(s).roundUsedMs)))
  }

  /** Takes up the interrupted round, paused where it stopped, every grade in place. */
  resumeInterrupted({ roundId }: RoundRefInput): Promise<RoundView> {
    return this.exclusive(async () => {
      let s = waitingRound(this.interrupted, roundId)
      const lapsed = lapsedDeadlines(s)
      if (lapsed) s = await this.write(s, lapsed)
      // Its time as written: nothing of it runs while it waits.
      const written = { usedMs: s.attempts[s.index].usedMs, roundUsedMs: s.roundUsedMs }
      if (!s.paused) s = await this.write(s, pauseRecord(s, written, this.timing.wall()))
      this.interrupted = null
      this.state = s
      this.timing.stop()
      return this.view(s)
    })
  }

  /** Closes the interrupted round; it stays in history as abandoned. */
  discardInterrupted({ roundId }: RoundRefInput): Promise<void> {
    return this.exclusive(async () => {
      const s = waitingRound(this.interrupted, roundId)
      await this.write(s, finishRecord('abandoned', this.timing.wall(), s.roundUsedMs))
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

  /** Runs a command on the round on screen (and, with an index, its question on screen); returns its view. */
  private onRound(roundId: string, index: number | null, command: (s: RoundState) => RoundState | Promise<RoundState>): Promise<RoundView> {
    return this.exclusive(async () => {
      const s = index === null ? runningRound(this.state, roundId) : roundOnScreen(this.state, roundId, index)
      return this.view(await command(s))
    })
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

  private doPause(s: RoundState): Promise<RoundState> {
    return this.commit(pauseRecord(s, this.timing.live(s), this.timing.wall()))
  }

  private onTimer(what: Deadline | 'checkpoint', roundId: string, index: number): void {
    const current = (): RoundState | null => tickingRound(this.state, roundId, index)
    const s0 = current()
    if (!s0) return
    if (what === 'checkpoint') {
      void this.exclusive(async () => {
        const s = current()
        if (s) await this.commit(checkpointRecord(s, this.timing.live(s)))
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
      await this.commit(deadlineRecord(s, what, this.timing.live(s), this.timing.wall()))
      this.deps.emit({ type: 'changed', view: this.view(this.state!) })
    }).catch((e) => console.error('round timer failed', e))
  }

  private view(s: RoundState): RoundView {
    return projectView(s, this.timing.live(s))
  }
}

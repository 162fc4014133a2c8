import type { RoundState } from './types'

export type RoundErrorCode = 'no-round' | 'stale-round' | 'wrong-phase' | 'round-in-progress' | 'invalid'

/** A command the round refuses in the state it is in; nothing was written. */
export class RoundError extends Error {
  constructor(
    readonly code: RoundErrorCode,
    message: string
  ) {
    super(message)
  }
}

/** The round a command names, when it is the one running; otherwise the reason it is refused. */
export function runningRound(s: RoundState | null, roundId: string): RoundState {
  if (!s) throw new RoundError('no-round', 'No round is in progress.')
  if (s.id !== roundId) throw new RoundError('stale-round', 'This round is no longer the current one.')
  if (s.status !== 'running') throw new RoundError('wrong-phase', 'This round has ended.')
  return s
}

/** As runningRound, and the question the command names is the one on screen. */
export function roundOnScreen(s: RoundState | null, roundId: string, index: number): RoundState {
  const running = runningRound(s, roundId)
  if (index !== running.index) throw new RoundError('stale-round', 'That question is no longer on screen.')
  return running
}

/** The interrupted round a command names, while it waits to be resumed or discarded. */
export function waitingRound(s: RoundState | null, roundId: string): RoundState {
  if (!s || s.id !== roundId) throw new RoundError('no-round', 'That round is no longer waiting to be resumed.')
  return s
}

/** The round a timer was armed for, while that question still runs (not paused, not moved on); else null. */
export function tickingRound(s: RoundState | null, roundId: string, index: number): RoundState | null {
  return s && s.id === roundId && s.status === 'running' && !s.paused && s.index === index ? s : null
}

/** Refuses a new round while one runs or an interrupted one waits. */
export function assertNoRound(running: RoundState | null, interrupted: RoundState | null): void {
  if (running?.status === 'running') throw new RoundError('round-in-progress', 'A round is already in progress. Finish or end it first.')
  if (interrupted) throw new RoundError('round-in-progress', 'An interrupted round is waiting: resume or discard it first.')
}

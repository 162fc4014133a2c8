import type { Attempt, RoundState, SessionRecord, StartRecord } from './types'

export class SessionReplayError extends Error {}

function emptyAttempt(): Attempt {
  return { draft: '', usedMs: 0, overtimeMs: 0, expired: false, revealed: false, openedAt: null, revealedAt: null, grade: null }
}

/** The state a start record opens: the first question not yet on screen. */
export function initialState(start: StartRecord): RoundState {
  return {
    id: start.id,
    schemaVersion: start.v,
    startedAt: start.at,
    endedAt: null,
    status: 'running',
    setup: start.setup,
    questions: start.questions,
    attempts: start.questions.map(emptyAttempt),
    index: 0,
    paused: false,
    roundUsedMs: 0,
    totalExpired: false
  }
}

/**
 * The one copy of every state transition of a round: the engine applies the record it has just
 * written, replay applies the records it reads, so a replayed round is the live one by construction.
 * Pure: returns a new state and leaves the given one as it was.
 */
export function apply(state: RoundState, r: SessionRecord): RoundState {
  if (r.t === 'start') throw new SessionReplayError('a second start record')
  if (r.t === 'finish') return { ...state, status: r.status, endedAt: r.at, roundUsedMs: r.roundUsedMs, paused: false }
  const old = state.attempts[r.i]
  if (!old) throw new SessionReplayError(`record for question ${r.i + 1}, which the round does not have`)
  const next = { ...state }
  const a: Attempt = { ...old }
  switch (r.t) {
    case 'open':
      next.index = r.i
      a.openedAt = r.at
      next.roundUsedMs = r.roundUsedMs
      break
    case 'draft':
      a.draft = r.draft
      a.usedMs = Math.max(a.usedMs, r.usedMs)
      next.roundUsedMs = Math.max(state.roundUsedMs, r.roundUsedMs)
      break
    case 'clock':
      if (!a.revealed) a.usedMs = Math.max(a.usedMs, r.usedMs)
      next.roundUsedMs = Math.max(state.roundUsedMs, r.roundUsedMs)
      if (r.expired) a.expired = true
      if (r.totalExpired) next.totalExpired = true
      break
    case 'pause':
      next.paused = true
      a.usedMs = r.usedMs
      next.roundUsedMs = r.roundUsedMs
      break
    case 'resume':
      next.paused = false
      break
    case 'reveal':
      Object.assign(a, { revealed: true, revealedAt: r.at, usedMs: r.usedMs, overtimeMs: r.overtimeMs, expired: r.expired, draft: r.draft })
      next.roundUsedMs = r.roundUsedMs
      next.totalExpired = r.totalExpired
      break
    case 'grade':
      a.grade = { rating: r.rating, keyPoints: r.keyPoints, note: r.note, gradedAt: r.at }
      next.roundUsedMs = Math.max(state.roundUsedMs, r.roundUsedMs)
      break
  }
  next.attempts = state.attempts.slice()
  next.attempts[r.i] = a
  return next
}

import type { Attempt, RoundState, SessionRecord } from './types'

export class SessionReplayError extends Error {}

function emptyAttempt(): Attempt {
  return { draft: '', usedMs: 0, overtimeMs: 0, expired: false, revealed: false, openedAt: null, revealedAt: null, grade: null }
}

/** Rebuilds a round from its records. The result is what the user last saw, paused where it stopped. */
export function replaySession(records: SessionRecord[]): RoundState {
  const first = records[0]
  if (!first || first.t !== 'start') throw new SessionReplayError('the session does not begin with a start record')
  const state: RoundState = {
    id: first.id,
    schemaVersion: first.v,
    startedAt: first.at,
    endedAt: null,
    status: 'running',
    setup: first.setup,
    questions: first.questions,
    attempts: first.questions.map(emptyAttempt),
    index: 0,
    paused: false,
    roundUsedMs: 0,
    totalExpired: false
  }
  for (const r of records.slice(1)) apply(state, r)
  return state
}

export function apply(state: RoundState, r: SessionRecord): void {
  if (r.t === 'start') throw new SessionReplayError('a second start record')
  if (r.t === 'finish') {
    state.status = r.status
    state.endedAt = r.at
    state.roundUsedMs = r.roundUsedMs
    state.paused = false
    return
  }
  const a = state.attempts[r.i]
  if (!a) throw new SessionReplayError(`record for question ${r.i + 1}, which the round does not have`)
  switch (r.t) {
    case 'open':
      state.index = r.i
      a.openedAt = r.at
      state.roundUsedMs = r.roundUsedMs
      break
    case 'draft':
      a.draft = r.draft
      a.usedMs = Math.max(a.usedMs, r.usedMs)
      state.roundUsedMs = Math.max(state.roundUsedMs, r.roundUsedMs)
      break
    case 'pause':
      state.paused = true
      a.usedMs = r.usedMs
      state.roundUsedMs = r.roundUsedMs
      break
    case 'resume':
      state.paused = false
      break
    case 'reveal':
      Object.assign(a, { revealed: true, revealedAt: r.at, usedMs: r.usedMs, overtimeMs: r.overtimeMs, expired: r.expired, draft: r.draft })
      state.roundUsedMs = r.roundUsedMs
      state.totalExpired = r.totalExpired
      break
    case 'grade':
      a.grade = { rating: r.rating, keyPoints: r.keyPoints, note: r.note, gradedAt: r.at }
      state.roundUsedMs = Math.max(state.roundUsedMs, r.roundUsedMs)
      break
  }
}

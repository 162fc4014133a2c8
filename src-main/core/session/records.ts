/**
 * The engine's decisions, as pure functions: given the round's state, the live clocks and the wall
 * time, which record a command or a timer writes (or why it is refused). They change nothing: the
 * engine writes the record, and the reducer `apply` gives the state it leaves.
 */
import { RoundError } from './guards'
import type { GradeInput, RoundSetup } from './schema'
import {
  SESSION_SCHEMA_VERSION,
  type RoundQuestion,
  type RoundState,
  type RoundStatus,
  type SessionRecord,
  type StartRecord
} from './types'
import { totalLimitMs, type LiveTime } from './view'

type RecordOf<T extends SessionRecord['t']> = Extract<SessionRecord, { t: T }>

/** A new round's id: its start time, readable and sortable, plus a random suffix (hex). */
export function roundId(at: Date, suffix: string): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')}-${suffix}`
}

export function startRecord(id: string, at: Date, setup: RoundSetup, questions: RoundQuestion[]): StartRecord {
  return { t: 'start', v: SESSION_SCHEMA_VERSION, id, at: at.toISOString(), setup, questions }
}

/** The draft typed so far, with the time it took; locked once the answer is shown. */
export function draftRecord(s: RoundState, draft: string, live: LiveTime): RecordOf<'draft'> {
  if (s.attempts[s.index].revealed) throw new RoundError('wrong-phase', 'The answer is locked once the model answer is shown.')
  return { t: 'draft', i: s.index, draft, ...live }
}

/** After a grade: the next question opens, or the round finishes after its last one or its deadline. */
export function nextRecord(s: RoundState, live: LiveTime, at: string): RecordOf<'open' | 'finish'> {
  if (!s.attempts[s.index].grade) throw new RoundError('wrong-phase', 'Grade this question before moving on.')
  if (s.index + 1 >= s.questions.length || s.totalExpired) return finishRecord('finished', at, live.roundUsedMs)
  return { t: 'open', i: s.index + 1, at, roundUsedMs: live.roundUsedMs }
}

/** Shows the model answer: the question's time stops, overtime is what ran past its limit. */
export function revealRecord(s: RoundState, live: LiveTime, at: string, totalExpired: boolean): RecordOf<'reveal'> {
  const limit = s.questions[s.index].timeLimitMs
  return {
    t: 'reveal',
    i: s.index,
    at,
    usedMs: live.usedMs,
    overtimeMs: Math.max(0, live.usedMs - limit),
    expired: live.usedMs >= limit,
    draft: s.attempts[s.index].draft,
    roundUsedMs: live.roundUsedMs,
    totalExpired
  }
}

/** The grade of the question on screen, once its answer is shown; key points sorted, once each. */
export function gradeRecord(s: RoundState, input: GradeInput, at: string, roundUsedMs: number): RecordOf<'grade'> {
  if (!s.attempts[s.index].revealed) throw new RoundError('wrong-phase', 'Reveal the model answer before grading.')
  const ticked = [...new Set(input.keyPoints)].sort((x, y) => x - y)
  if (ticked.some((k) => k >= s.questions[s.index].keyPoints.length)) throw new RoundError('invalid', 'A ticked key point does not exist.')
  return { t: 'grade', i: s.index, rating: input.rating, keyPoints: ticked, note: input.note, at, roundUsedMs }
}

export function pauseRecord(s: RoundState, live: LiveTime, at: string): RecordOf<'pause'> {
  return { t: 'pause', i: s.index, at, usedMs: live.usedMs, roundUsedMs: live.roundUsedMs }
}

export function finishRecord(status: Exclude<RoundStatus, 'running'>, at: string, roundUsedMs: number): RecordOf<'finish'> {
  return { t: 'finish', at, status, roundUsedMs }
}

/** How `end` closes a round: finished when every question was graded, ended early otherwise. */
export function endStatus(s: RoundState): Exclude<RoundStatus, 'running'> {
  return s.attempts.every((a) => a.grade) ? 'finished' : 'ended-early'
}

/** The clocks as they stand, written every few seconds so that a crash loses little time. */
export function checkpointRecord(s: RoundState, live: LiveTime): RecordOf<'clock'> {
  return { t: 'clock', i: s.index, ...live }
}

/**
 * What a deadline writes: the question's answer is revealed (the round's deadline always; the
 * question's unless overtime is allowed), or else the clock records that time ran out.
 */
export function deadlineRecord(s: RoundState, what: 'question' | 'round', live: LiveTime, at: string): SessionRecord {
  const a = s.attempts[s.index]
  const totalExpired = s.totalExpired || what === 'round'
  if (!a.revealed && (what === 'round' || !s.setup.allowOvertime)) return revealRecord(s, live, at, totalExpired)
  return { t: 'clock', i: s.index, ...live, expired: !a.revealed || a.expired, totalExpired }
}

/**
 * An interrupted round's deadlines that passed while it was not running (its time as written has
 * reached a limit), as a clock record; null when none did.
 */
export function lapsedDeadlines(s: RoundState): RecordOf<'clock'> | null {
  const limit = totalLimitMs(s)
  const a = s.attempts[s.index]
  const totalExpired = !s.totalExpired && limit !== null && s.roundUsedMs >= limit
  const expired = !a.revealed && !a.expired && a.usedMs >= s.questions[s.index].timeLimitMs
  return totalExpired || expired ? { t: 'clock', i: s.index, usedMs: a.usedMs, roundUsedMs: s.roundUsedMs, expired, totalExpired } : null
}

import type { RoundState, SessionRecord, StartRecord } from './types'

/**
 * The port through which the engine makes a round durable. Defined here, implemented by history
 * (HistoryStore): session never imports history. Every method resolves only once the record is on
 * disk; when it rejects, nothing was written (a partial write is cut back) and the engine keeps its
 * state as it was.
 */
export interface SessionLog {
  /** Writes the first record of a new session and marks it as the round in progress. */
  create(start: StartRecord, state: RoundState): Promise<void>
  /** Appends one record; `after` is the state that record leaves (the reducer's result). */
  append(record: SessionRecord, after: RoundState): Promise<void>
  /** The round an earlier run left unfinished, replayed from its file; null when there is none. */
  interrupted(): Promise<RoundState | null>
}

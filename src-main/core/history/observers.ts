import type { RoundState, SessionRecord } from '../session/types'

/** A record that is on disk, as the observers of `onDurableRecord` receive it. */
export interface DurableRecord {
  sessionId: string
  record: SessionRecord
  /** The round as this record leaves it. */
  state: RoundState
}

/** One set of observers; one that throws is logged and the others still hear. */
export class Observers<E> {
  private readonly listeners = new Set<(e: E) => void>()

  /** Returns an unsubscribe. */
  add(listener: (e: E) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  notify(e: E, what: string): void {
    for (const l of this.listeners) {
      try {
        l(e)
      } catch (err) {
        console.error(`a ${what} observer failed`, err)
      }
    }
  }
}

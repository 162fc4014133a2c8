import { apply, initialState, SessionReplayError } from './reducer'
import type { RoundState, SessionRecord } from './types'

export { apply, SessionReplayError }

/** Rebuilds a round from its records. The result is what the user last saw, paused where it stopped. */
export function replaySession(records: SessionRecord[]): RoundState {
  const first = records[0]
  if (!first || first.t !== 'start') throw new SessionReplayError('the session does not begin with a start record')
  let state = initialState(first)
  for (let n = 1; n < records.length; n++) state = apply(state, records[n])
  return state
}

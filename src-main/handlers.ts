/**
 * The handler registry: contract channel → validated input → domain service. Transport-agnostic:
 * the Electron shell mounts it on ipcMain, the web shell on HTTP. No domain logic lives here.
 */
import * as v from 'valibot'
import { requests, type ApiErrorBody, type Channel, type Envelope, type Input, type Output } from './contract'
import { PlanError } from './core/session/plan'
import { RoundError } from './core/session/engine'
import { HistoryError } from './core/history/store'
import type { AppServices } from './services'

type Handlers = { [C in Channel]: (input: v.InferOutput<(typeof requests)[C]>) => Promise<Output<C>> | Output<C> }

function handlersFor(s: AppServices): Handlers {
  return {
    'app:state': () => s.appState(),
    'banks:list': () => s.bankSummaries(),
    'settings:update': (patch) => s.settings.update(patch),
    'round:start': (setup) => s.rounds.start(setup),
    'round:current': () => s.rounds.current(),
    'round:saveDraft': ({ roundId, index, draft }) => s.rounds.saveDraft(roundId, index, draft),
    'round:reveal': ({ roundId }) => s.rounds.reveal(roundId),
    'round:grade': ({ roundId, index, rating, keyPoints, note }) => s.rounds.grade(roundId, index, rating, keyPoints, note),
    'round:next': ({ roundId }) => s.rounds.next(roundId),
    'round:pause': ({ roundId }) => s.rounds.pause(roundId),
    'round:resume': ({ roundId }) => s.rounds.resume(roundId),
    'round:end': ({ roundId }) => s.rounds.end(roundId),
    'round:resumeInterrupted': ({ roundId }) => s.rounds.resumeInterrupted(roundId),
    'round:discardInterrupted': async ({ roundId }) => (await s.rounds.discardInterrupted(roundId), null),
    'history:list': (query) => s.history.list(query, s.content),
    'history:get': ({ sessionId }) => s.sessionDetail(sessionId),
    'history:attempts': ({ questionId }) => s.attemptHistory(questionId),
    'history:delete': async ({ sessionId }) => (await s.history.delete(sessionId, s.rounds.activeId), null),
    'history:restore': ({ sessionId }) => s.history.restore(sessionId),
    'history:count': async () => ({ deletable: await s.deletableCount() }),
    'history:clear': ({ expectedCount }) => s.clearHistory(expectedCount),
    // ---- app shell (#11) ----
    'app:openDataFolder': () => s.openDataFolder(),
    'round:matches': (filter) => s.countMatches(filter)
  }
}

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>

/** Returns one function that answers any request of the contract with an envelope; it never throws. */
export function createDispatcher(services: AppServices): Dispatch {
  const handlers = handlersFor(services) as Record<Channel, (input: unknown) => unknown>
  return async (channel, input) => {
    if (!Object.hasOwn(requests, channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${channel}".` } }
    }
    const schema = requests[channel as Channel]
    const parsed = v.safeParse(schema, input)
    if (!parsed.success) {
      const issues = parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }))
      const first = issues[0]
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `Invalid input for ${channel}: ${first.path ? `${first.path} ` : ''}${first.message}`,
          issues
        }
      }
    }
    try {
      return { ok: true, value: await handlers[channel as Channel](parsed.output) }
    } catch (e) {
      return { ok: false, error: toErrorBody(e) }
    }
  }
}

function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof RoundError || e instanceof HistoryError) return { code: e.code, message: e.message }
  if (e instanceof PlanError) return { code: 'plan', message: e.message }
  console.error(e)
  return { code: 'internal', message: `Something went wrong: ${(e as Error)?.message ?? String(e)}` }
}

/** Typed helper for tests and scripts. */
export async function call<C extends Channel>(dispatch: Dispatch, channel: C, input: Input<C>): Promise<Output<C>> {
  const env = (await dispatch(channel, input)) as Envelope<Output<C>>
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code })
  return env.value
}

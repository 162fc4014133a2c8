import { CHANNELS, EVENTS, type Api, type EventName } from './contract'

/**
 * Builds window.api from a transport: one named method per request channel of the contract
 * (`api.round.grade(input)`) and `on` for the known events. Anything else does not exist on it.
 * Shared by the Electron preload (ipcRenderer) and the browser stand-in (HTTP + server-sent events).
 */
export function buildApi(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
  subscribe: (event: string, fn: (payload: unknown) => void) => () => void
): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    const [domain, method] = channel.split(':')
    api[domain] ??= {}
    api[domain][method] = (input: unknown) => invoke(channel, input)
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event "${String(event)}"`)
    return subscribe(event, listener)
  }
  return Object.freeze({ ...api, on }) as unknown as Api
}

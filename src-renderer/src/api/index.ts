/** The one place the renderer talks to main: typed calls that resolve to values or throw ApiError. */
import type { Api, ApiErrorBody, Channel, Envelope, EventName, Events, Input, Output } from '@contract'
import { createWebBridge } from './web-bridge'

export class ApiError extends Error {
  readonly code: ApiErrorBody['code']
  readonly issues: ApiErrorBody['issues']
  constructor(body: ApiErrorBody) {
    super(body.message)
    this.code = body.code
    this.issues = body.issues
  }
}

let bridge: Api | undefined

function surface(): Api {
  bridge ??= window.api ?? createWebBridge()
  return bridge
}

/** Calls a contract channel, e.g. `call('round:grade', {...})`. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const [domain, method] = channel.split(':') as [string, string]
  const fn = (surface() as unknown as Record<string, Record<string, (i: unknown) => Promise<Envelope<Output<C>>>>>)[domain][method]
  const env = await fn(input)
  if (!env.ok) throw new ApiError(env.error)
  return env.value
}

export function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return surface().on(event, listener)
}

/** For tests: replace the transport. */
export function setApi(api: Api | undefined): void {
  bridge = api
}

/**
 * The browser stand-in for the Electron preload, used when the renderer is served by the loopback
 * web shell (end-to-end tests, `npm run web`). Same surface, built from the same contract; requests
 * go over HTTP with the per-launch token, events arrive as server-sent events. No domain logic here.
 */
import { buildApi } from '../../../src-main/api-surface'
import type { Api } from '@contract'
import { connection } from './connection'

export const TOKEN_KEY = 'interview-drill-token'
export const NO_TOKEN = 'This tab has no access key. Open the address that `npm run web` printed (it ends in ?token=…).'

export function createWebBridge(): Api {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    history.replaceState(null, '', location.pathname + location.hash)
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  if (!token) connection.value = 'no-token'
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  return buildApi(
    async (channel, input) => {
      let res: Response
      try {
        res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-token': token },
          body: JSON.stringify(input ?? null)
        })
      } catch {
        connection.value = 'lost'
        return { ok: false, error: { code: 'internal', message: 'The app’s background process is not answering; nothing was saved.' } }
      }
      if (res.status === 403 && !token) {
        connection.value = 'no-token'
        return { ok: false, error: { code: 'internal', message: NO_TOKEN } }
      }
      if (res.ok && connection.value === 'lost') connection.value = 'ok'
      if (!res.ok) return { ok: false, error: { code: 'internal', message: `The app did not answer (${res.status} ${await res.text()})` } }
      return res.json()
    },
    (event, fn) => {
      if (!source) {
        source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
        source.addEventListener('error', () => {
          if (token) connection.value = 'lost'
        })
        source.addEventListener('open', () => {
          if (connection.value === 'lost') connection.value = 'ok'
        })
      }
      let set = listeners.get(event)
      if (!set) {
        const fresh = new Set<(payload: unknown) => void>()
        listeners.set(event, fresh)
        source.addEventListener(event, (e) => fresh.forEach((l) => l(JSON.parse((e as MessageEvent).data))))
        set = fresh
      }
      set.add(fn)
      return () => set.delete(fn)
    }
  )
}

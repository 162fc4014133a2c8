// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '@contract'
import { buildApi } from '../../../src-main/api-surface'
import { setApi } from '@renderer/api'
import { useExportsStore } from '@renderer/stores/exports'

interface Pending {
  channel: string
  input: { jobId?: string }
  resolve: (env: Envelope<unknown>) => void
}

function fakeMain() {
  const pending: Pending[] = []
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const api = buildApi(
    (channel, input) =>
      new Promise((resolve) => pending.push({ channel, input: input as Pending['input'], resolve: resolve as Pending['resolve'] })),
    (event, fn) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(fn)
      return () => set.delete(fn)
    }
  )
  return { api, pending, emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((fn) => fn(payload)) }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('the exports store', () => {
  let main: ReturnType<typeof fakeMain>
  beforeEach(() => {
    setActivePinia(createPinia())
    main = fakeMain()
    setApi(main.api)
    sessionStorage.setItem('interview-drill-token', 'tok')
  })
  afterEach(() => setApi(undefined))

  it('runs an export as a job: shows its own progress only, then starts the browser download', async () => {
    const store = useExportsStore()
    const clicks: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.getAttribute('href')} ${this.download}`)
    })
    const done = store.run('export:sessions', { format: 'csv', drafts: false, sessionIds: ['a'], filter: null })
    await tick()
    const req = main.pending.shift()!
    expect(req.channel).toBe('export:sessions')
    expect(req.input.jobId).toBe(store.jobId)
    main.emit('export:progress', { jobId: 'someone-else', done: 1, total: 9, step: 'x' })
    expect(store.progress).toBeNull()
    main.emit('export:progress', { jobId: store.jobId, done: 3, total: 9, step: 'Reading sessions' })
    expect(store.progress).toMatchObject({ done: 3, total: 9 })
    req.resolve({ ok: true, value: { kind: 'download', url: '/download/abc', fileName: 'a.csv', bytes: 3 } })
    expect(await done).toMatchObject({ kind: 'download' })
    expect(clicks).toEqual(['/download/abc?token=tok a.csv'])
    expect(store.jobId).toBeNull()
    click.mockRestore()
  })

  it('cancels the running job by its id, and passes the refusal on', async () => {
    const store = useExportsStore()
    const done = store.run('export:progress', { format: 'pdf', from: null, to: null, lastN: 5 })
    await tick()
    const req = main.pending.shift()!
    void store.cancel()
    await tick()
    const cancel = main.pending.shift()!
    expect(cancel).toMatchObject({ channel: 'export:cancel', input: { jobId: req.input.jobId } })
    cancel.resolve({ ok: true, value: { cancelled: true } })
    req.resolve({ ok: false, error: { code: 'cancelled', message: 'The export was cancelled; no file was written.' } })
    await expect(done).rejects.toMatchObject({ code: 'cancelled' })
  })
})

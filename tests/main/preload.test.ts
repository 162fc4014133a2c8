import { describe, expect, it } from 'vitest'
import { calls, ipcRenderer } from '../stubs/electron'
import { CHANNELS } from '../../src-main/contract'

describe('the preload', async () => {
  await import('../../src-main/preload')
  const api = calls.exposed.get('api') as Record<string, unknown>

  it('exposes one named method per contract channel and nothing of ipcRenderer', () => {
    const methods = Object.entries(api)
      .filter(([k]) => k !== 'on')
      .flatMap(([domain, group]) => Object.keys(group as object).map((m) => `${domain}:${m}`))
    expect(methods.sort()).toEqual([...CHANNELS].sort())
    expect(Object.keys(api)).not.toContain('ipcRenderer')
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send/)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each method over its own channel', async () => {
    const round = api.round as Record<string, (i: unknown) => Promise<unknown>>
    await round.grade({ roundId: 'r', index: 0, rating: 5, keyPoints: [], note: '' })
    expect(calls.invoked.at(-1)).toEqual({ channel: 'round:grade', input: { roundId: 'r', index: 0, rating: 5, keyPoints: [], note: '' } })
  })

  it('subscribes only to known events', () => {
    const on = api.on as (e: string, fn: (p: unknown) => void) => () => void
    const got: unknown[] = []
    const off = on('round:expired', (p) => got.push(p))
    ipcRenderer.emit('round:expired', { index: 1 })
    off()
    ipcRenderer.emit('round:expired', { index: 2 })
    expect(got).toEqual([{ index: 1 }])
    expect(() => on('shell:openExternal', () => {})).toThrow(/Unknown event/)
  })
})

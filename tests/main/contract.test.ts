import { describe, expect, it } from 'vitest'
import { CHANNELS, channels, requests } from '../../src-main/contract'
import { createDispatcher } from '../../src-main/handlers'
import type { AppServices } from '../../src-main/services'

describe('the contract', () => {
  it('derives the validation map and the allow-list from the one table', () => {
    expect(Object.keys(requests)).toEqual(CHANNELS)
    for (const c of CHANNELS) expect(requests[c]).toBe(channels[c].input)
    expect(CHANNELS).toContain('round:start')
    expect(CHANNELS.filter((c) => c === 'round:start')).toHaveLength(1)
  })

  it('validates round:start with the drill-source form and answers unknown channels as before', async () => {
    const dispatch = createDispatcher({} as AppServices)
    const bad = await dispatch('round:start', { source: { kind: 'nonsense' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const unknown = await dispatch('shell:openExternal', {})
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown request "shell:openExternal".' } })
    const inherited = await dispatch('toString', undefined)
    expect(inherited).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })
})

import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { channel, composeChannels, NoInput } from '../../src-main/core/channel'

describe('the channel table', () => {
  it('keeps each channel’s input schema and nothing else at run time', () => {
    const Ref = v.strictObject({ id: v.string() })
    const spec = channel(Ref).returns<{ ok: true }>()
    expect(spec).toEqual({ input: Ref })
  })

  it('refuses a channel that two domains declare', () => {
    const a = { 'x:get': channel(NoInput).returns<number>() }
    const b = { 'x:get': channel(v.string()).returns<string>(), 'x:put': channel(v.string()).returns<null>() }
    expect(() => composeChannels(a, b)).toThrow('The channel "x:get" is declared twice.')
    expect(Object.keys(composeChannels(a, { 'x:put': b['x:put'] }))).toEqual(['x:get', 'x:put'])
  })
})

import { describe, expect, it } from 'vitest'
import { calls } from '../stubs/electron'
import { registerIpc } from '../../src-main/shell/ipc'
import { CHANNELS } from '../../src-main/contract'

describe('IPC registration', () => {
  const seen: [string, unknown][] = []
  registerIpc(async (channel, input) => {
    seen.push([channel, input])
    return { ok: true, value: 'handled' }
  })

  it('mounts exactly the contract’s channels on ipcMain', () => {
    expect([...calls.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('passes requests from the app’s main frame to the dispatcher', async () => {
    const mainFrame = { id: 1 }
    const result = await calls.handlers.get('round:reveal')!({ senderFrame: mainFrame, sender: { mainFrame } }, { roundId: 'r1' })
    expect(result).toEqual({ ok: true, value: 'handled' })
    expect(seen).toEqual([['round:reveal', { roundId: 'r1' }]])
  })

  it('refuses requests from any other frame', async () => {
    const result = await calls.handlers.get('history:clear')!(
      { senderFrame: { id: 2 }, sender: { mainFrame: { id: 1 } } },
      { expectedCount: 0 }
    )
    expect(result).toMatchObject({ ok: false })
    expect(seen.map(([c]) => c)).not.toContain('history:clear')
  })
})

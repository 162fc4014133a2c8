// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { dialogs, dialogsWanted } from '@renderer/lib/dialogs'
import { firstFrame } from '@renderer/lib/first-frame'
import DialogHost from '@renderer/components/DialogHost.vue'

describe('dialogs on first use (first screen, #11)', () => {
  it('asks for the provider only when a dialog is wanted, then hands out its API', async () => {
    expect(dialogsWanted.value).toBe(false)
    const pending = dialogs()
    expect(dialogsWanted.value).toBe(true)
    const host = mount(DialogHost, { attachTo: document.body })
    const api = await pending
    const d = api.warning({ title: 'End round', content: 'End this round?', positiveText: 'End round' })
    expect(typeof d.destroy).toBe('function')
    expect(await dialogs()).toBe(api)
    host.unmount()
  })

  it('the first frame resolves (requests wait for it), even without frames', async () => {
    await expect(firstFrame).resolves.toBeUndefined()
  })
})

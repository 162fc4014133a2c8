import { describe, expect, it } from 'vitest'
import { handleInterviewKey } from '../../../src-renderer/src/composables/useInterviewKeys'
import { DEFAULT_SHORTCUTS } from '../../../src-main/core/preferences'

function press(key: string, opts: { target?: unknown; ctrlKey?: boolean; metaKey?: boolean } = {}) {
  let prevented = false
  const e = {
    key,
    altKey: false,
    ctrlKey: opts.ctrlKey ?? false,
    metaKey: opts.metaKey ?? false,
    shiftKey: false,
    target: (opts.target ?? null) as EventTarget | null,
    defaultPrevented: false,
    preventDefault: () => (prevented = true)
  }
  return { e, prevented: () => prevented }
}
const textarea = { tagName: 'TEXTAREA', readOnly: false, disabled: false, closest: () => ({}) }

describe('round keys', () => {
  it('runs the action of the user’s key and consumes it only when the action acted', () => {
    const done: string[] = []
    const on = { next: () => (done.push('next'), true), grade3: () => (done.push('3'), false) }
    const n = press('n')
    handleInterviewKey(n.e, DEFAULT_SHORTCUTS, on)
    const three = press('3')
    handleInterviewKey(three.e, DEFAULT_SHORTCUTS, on)
    expect(done).toEqual(['next', '3'])
    expect(n.prevented()).toBe(true)
    expect(three.prevented()).toBe(false)
  })

  it('follows a remapped key', () => {
    const done: string[] = []
    handleInterviewKey(press('j').e, { ...DEFAULT_SHORTCUTS, next: 'J' }, { next: () => (done.push('next'), true) })
    handleInterviewKey(press('n').e, { ...DEFAULT_SHORTCUTS, next: 'J' }, { next: () => (done.push('next'), true) })
    expect(done).toEqual(['next'])
  })

  it('stays quiet while typing, but Ctrl/Cmd+Enter reveals from the draft and Escape still ends', () => {
    const done: string[] = []
    const on = {
      reveal: () => (done.push('reveal'), true),
      next: () => (done.push('next'), true),
      endRound: () => (done.push('end'), true)
    }
    handleInterviewKey(press('n', { target: textarea }).e, DEFAULT_SHORTCUTS, on)
    handleInterviewKey(press('Enter', { target: textarea }).e, DEFAULT_SHORTCUTS, on)
    handleInterviewKey(press('Enter', { target: textarea, ctrlKey: true }).e, DEFAULT_SHORTCUTS, on)
    handleInterviewKey(press('Enter', { target: textarea, metaKey: true }).e, DEFAULT_SHORTCUTS, on)
    handleInterviewKey(press('Escape', { target: textarea }).e, DEFAULT_SHORTCUTS, on)
    expect(done).toEqual(['reveal', 'reveal', 'end'])
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import GradeBar from '@renderer/components/GradeBar.vue'

const NAMES = ['1 blank', '2 vague', '3 partial', '4 solid', '5 interview-ready']

describe('GradeBar', () => {
  it('has five buttons with the exact accessible names', () => {
    const w = mount(GradeBar, { props: { modelValue: null } })
    const buttons = w.findAll('button')
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(NAMES)
    // The number is big and the word under it; both are in the button.
    expect(buttons.map((b) => b.text())).toEqual(['1blank', '2vague', '3partial', '4solid', '5interview-ready'])
    expect(buttons.every((b) => b.attributes('type') === 'button')).toBe(true)
  })

  it('emits the rating clicked', async () => {
    const w = mount(GradeBar, { props: { modelValue: null } })
    await w.get('button[aria-label="3 partial"]').trigger('click')
    await w.get('button[aria-label="5 interview-ready"]').trigger('click')
    expect(w.emitted('update:modelValue')).toEqual([[3], [5]])
  })

  it('marks the chosen rating with aria-pressed', async () => {
    const w = mount(GradeBar, { props: { modelValue: 4 } })
    const pressed = () => w.findAll('button').map((b) => b.attributes('aria-pressed'))
    expect(pressed()).toEqual(['false', 'false', 'false', 'true', 'false'])
    await w.setProps({ modelValue: 1 })
    expect(pressed()).toEqual(['true', 'false', 'false', 'false', 'false'])
  })

  it('does nothing when disabled', async () => {
    const w = mount(GradeBar, { props: { modelValue: null, disabled: true } })
    expect(w.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    await w.get('button[aria-label="2 vague"]').trigger('click')
    expect(w.emitted('update:modelValue')).toBeUndefined()
  })

  it('groups the buttons under the name "Grade"', () => {
    const w = mount(GradeBar, { props: { modelValue: null } })
    expect(w.get('[role="group"]').attributes('aria-label')).toBe('Grade')
  })
})

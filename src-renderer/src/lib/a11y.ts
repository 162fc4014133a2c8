import type { Directive } from 'vue'
import type { SelectGroupOption, SelectOption } from 'naive-ui'

/**
 * Gives a Naive UI select an accessible combobox: its focusable element (the search input of a
 * filterable select, else the selection box) gets role, name and aria-expanded, kept in step with
 * the menu. Use as `v-select-label="'Topics'"` on an NSelect.
 */
export const vSelectLabel: Directive<HTMLElement & { _comboObserver?: MutationObserver }, string> = {
  mounted(el, binding) {
    label(el, binding)
    el._comboObserver = new MutationObserver(() => label(el, binding))
    el._comboObserver.observe(el, { attributes: true, attributeFilter: ['class'], subtree: true, childList: true })
  },
  updated: label,
  unmounted(el) {
    el._comboObserver?.disconnect()
  }
}

function label(el: HTMLElement, binding: { value: string }): void {
  const input = el.querySelector<HTMLElement>('input.n-base-selection-input-tag__input, input.n-base-selection-input')
  const box = el.querySelector<HTMLElement>('.n-base-selection-tags[tabindex], .n-base-selection-label[tabindex]')
  const target = input ?? box
  if (!target) return
  const expanded = el.querySelector('.n-base-selection--active') || el.classList.contains('n-base-selection--active') ? 'true' : 'false'
  const set = (name: string, value: string): void => {
    if (target.getAttribute(name) !== value) target.setAttribute(name, value)
  }
  set('role', 'combobox')
  set('aria-haspopup', 'listbox')
  set('aria-label', binding.value)
  set('aria-expanded', expanded)
  if (input) set('aria-autocomplete', 'list')
  // The outer box of a filterable select is only a wrapper: no role of its own to confuse readers.
  if (input && box && box !== target) box.removeAttribute('role')
}

/** True when keys typed go into a text field (so single-key shortcuts must stay quiet). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  if (el.isContentEditable) return true
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT') {
    const field = el as HTMLInputElement
    return !field.readOnly && !field.disabled
  }
  return false
}

/** True when Space/Enter already mean something where the focus is (a button, a checkbox...). */
export function isActivatable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.closest) return false
  return !!el.closest(
    'button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="option"], [role="combobox"], input, textarea, select, .n-base-selection'
  )
}

/**
 * Props that give a Naive UI select menu listbox/option roles (it has none of its own):
 * `v-bind="selectMenuA11y('Topics', () => form.topics)"` on an NSelect.
 */
export function selectMenuA11y(
  label: string,
  selected: () => unknown
): { menuProps: Record<string, string>; nodeProps: (o: SelectOption | SelectGroupOption) => Record<string, string> } {
  return {
    menuProps: { role: 'listbox', 'aria-label': label, 'aria-multiselectable': 'true' },
    nodeProps: (o) => {
      const cur = selected()
      const value = 'value' in o ? o.value : undefined
      const on = Array.isArray(cur) ? cur.includes(value) : cur === value
      return { role: 'option', 'aria-selected': on ? 'true' : 'false' }
    }
  }
}

/**
 * Names the - and + buttons of a Naive UI number input, which have none of their own:
 * `v-stepper-names="'questions'"` gives "Less: questions" / "More: questions" (short, so that the
 * field's own label stays unique).
 */
export const vStepperNames: Directive<HTMLElement, string> = {
  mounted: nameSteppers,
  updated: nameSteppers
}

function nameSteppers(el: HTMLElement, binding: { value: string }): void {
  const buttons = el.querySelectorAll<HTMLElement>('.n-input__suffix .n-button, .n-input__prefix .n-button')
  const names = [`Less: ${binding.value}`, `More: ${binding.value}`]
  buttons.forEach((b, i) => {
    b.setAttribute('aria-label', names[i] ?? names[1])
    b.setAttribute('tabindex', '-1') // the field itself takes arrow keys; the buttons are for the mouse
  })
}

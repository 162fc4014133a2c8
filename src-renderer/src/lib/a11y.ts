import type { Directive } from 'vue'
import type { SelectGroupOption, SelectOption } from 'naive-ui'

/**
 * Gives a Naive UI select an accessible name: its focusable element has none of its own. Use as
 * `v-select-label="'Topics'"` on a non-filterable NSelect (a filterable one has a second input).
 */
export const vSelectLabel: Directive<HTMLElement, string> = {
  mounted: label,
  updated: label
}

function label(el: HTMLElement, binding: { value: string }): void {
  const target = el.querySelector<HTMLElement>('.n-base-selection-tags[tabindex], .n-base-selection-label[tabindex]')
  if (!target) return
  target.setAttribute('role', 'combobox')
  target.setAttribute('aria-haspopup', 'listbox')
  target.setAttribute('aria-label', binding.value)
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

import type { Directive } from 'vue'

/**
 * Gives a Naive UI select an accessible name: its focusable element has none of its own. Use as
 * `v-select-label="'Topics'"` on an NSelect (pass the same name in `input-props` for filterable ones).
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
  return !!el.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="option"], [role="combobox"], input, textarea, select, .n-base-selection')
}

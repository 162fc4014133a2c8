import { ref } from 'vue'

/** Whether the "?" overlay is open: one flag for the whole window (keys, menu, buttons open it). */
export const shortcutsOpen = ref(false)

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

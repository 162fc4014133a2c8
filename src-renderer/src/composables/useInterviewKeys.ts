/**
 * The round's keyboard: the user's remappable single keys (Settings), Enter as a second key for
 * "reveal", and Ctrl/Cmd+Enter that reveals from inside the draft. Single keys stay quiet while the
 * user types; Escape and other non-character keys do not.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { actionForKey, type ShortcutAction } from '@shared'
import { isActivatable, isTyping } from '../lib/a11y'

/** Each handler returns true when it acted (the key is then consumed). */
export type KeyHandlers = Partial<Record<ShortcutAction, () => boolean>>

export function handleInterviewKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target' | 'defaultPrevented' | 'preventDefault'>,
  map: Record<ShortcutAction, string>,
  on: KeyHandlers
): void {
  if (e.defaultPrevented || e.altKey) return
  if (e.ctrlKey || e.metaKey) {
    if (e.key === 'Enter' && on.reveal?.()) e.preventDefault()
    return
  }
  const printable = e.key.length === 1
  if (printable && isTyping(e.target)) return
  const action = e.key === 'Enter' ? 'reveal' : actionForKey(map, e.key)
  if (!action || action === 'help') return
  if ((e.key === ' ' || e.key === 'Enter') && isActivatable(e.target)) return
  if (on[action]?.()) e.preventDefault()
}

export function useInterviewKeys(opts: { enabled: () => boolean; map: () => Record<ShortcutAction, string>; on: KeyHandlers }): void {
  const listener = (e: KeyboardEvent): void => {
    if (opts.enabled()) handleInterviewKey(e, opts.map(), opts.on)
  }
  onMounted(() => window.addEventListener('keydown', listener))
  onBeforeUnmount(() => window.removeEventListener('keydown', listener))
}

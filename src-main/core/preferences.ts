/**
 * How the app looks and answers the keyboard (issue #11): font size, the draft beside the model
 * answer, time cues, remappable shortcuts. Stored with the other settings (the schema is in
 * settings-schema.ts); plain values without valibot, so the renderer takes them through @shared.
 */
import type { UiSettings } from './settings-schema'

export type { UiSettings }

/** Every action a shortcut can trigger, in the order the "?" overlay lists them. */
export const SHORTCUT_ACTIONS = {
  reveal: 'Reveal the model answer',
  grade1: 'Grade 1 (blank)',
  grade2: 'Grade 2 (vague)',
  grade3: 'Grade 3 (partial)',
  grade4: 'Grade 4 (solid)',
  grade5: 'Grade 5 (interview-ready)',
  next: 'Next question / finish the round',
  pause: 'Pause / resume',
  endRound: 'End the round',
  help: 'Show the keyboard shortcuts'
} as const
export type ShortcutAction = keyof typeof SHORTCUT_ACTIONS

export const DEFAULT_SHORTCUTS: Record<ShortcutAction, string> = {
  reveal: 'Space',
  grade1: '1',
  grade2: '2',
  grade3: '3',
  grade4: '4',
  grade5: '5',
  next: 'N',
  pause: 'P',
  endRound: 'Escape',
  help: '?'
}

/** Keys that typing, menus and dialogs need: never a single-key shortcut. */
export const RESERVED_KEYS = ['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Enter'] as const

export const DEFAULT_UI_SETTINGS: UiSettings = {
  timeCues: false,
  fontScale: 100,
  draftBesideAnswer: true,
  shortcuts: { ...DEFAULT_SHORTCUTS }
}

/** The key as stored, from a keydown event: letters upper-cased, the space bar as "Space". */
export function keyName(key: string): string {
  if (key === ' ') return 'Space'
  return key.length === 1 ? key.toUpperCase() : key
}

/** Pairs of actions that share a key (case-insensitive), and keys that may not be used. */
export function shortcutClashes(map: Record<string, string>): { key: string; actions: string[] }[] {
  const byKey = new Map<string, string[]>()
  for (const [action, key] of Object.entries(map)) {
    const k = keyName(key)
    byKey.set(k, [...(byKey.get(k) ?? []), action])
  }
  const out: { key: string; actions: string[] }[] = []
  for (const [key, actions] of byKey) {
    if (actions.length > 1) out.push({ key, actions })
    else if ((RESERVED_KEYS as readonly string[]).includes(key)) out.push({ key, actions })
  }
  return out
}

/** Which action a key press means, or null. */
export function actionForKey(map: Record<ShortcutAction, string>, key: string): ShortcutAction | null {
  const k = keyName(key)
  for (const [action, bound] of Object.entries(map) as [ShortcutAction, string][]) if (keyName(bound) === k) return action
  return null
}

/** How a key is written on a button or in the overlay. */
export function keyLabel(key: string): string {
  return key === 'Escape' ? 'Esc' : key
}

/**
 * The native menu's items with an accelerator (Electron syntax), in menu order. The shell builds the
 * menu from this list and the "?" overlay shows the same keys. `command` goes to the window.
 */
export const MENU_ITEMS = [
  { menu: 'File', command: 'new-round', label: 'New round', accelerator: 'CmdOrCtrl+N' },
  { menu: 'File', command: 'import', label: 'Import questions…', accelerator: 'CmdOrCtrl+I' },
  { menu: 'File', command: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  { menu: 'File', command: 'backup', label: 'Back up…', accelerator: 'CmdOrCtrl+Shift+B' },
  { menu: 'File', command: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  { menu: 'View', command: 'theme-system', label: 'Theme: system', accelerator: null },
  { menu: 'View', command: 'theme-light', label: 'Theme: light', accelerator: 'CmdOrCtrl+Shift+L' },
  { menu: 'View', command: 'theme-dark', label: 'Theme: dark', accelerator: 'CmdOrCtrl+Shift+D' },
  { menu: 'Help', command: 'shortcuts', label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/' },
  { menu: 'Help', command: 'about', label: 'About Interview Drill', accelerator: null }
] as const

/** The zoom accelerators (Electron's own roles), for the overlay. */
export const ZOOM_KEYS = [
  { label: 'Zoom in', accelerator: 'CmdOrCtrl+Plus' },
  { label: 'Zoom out', accelerator: 'CmdOrCtrl+-' },
  { label: 'Actual size', accelerator: 'CmdOrCtrl+0' }
] as const

/** "CmdOrCtrl+Shift+D" as a person on this platform reads it. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  return accelerator.replace('CmdOrCtrl', mac ? '⌘' : 'Ctrl').replace('Plus', '+')
}

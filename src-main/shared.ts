/**
 * The one entry point through which the renderer may import values from main (types come from the
 * contract). Plain constants only: no Node, no valibot, nothing with side effects.
 */
export { DIFFICULTIES, type Difficulty } from './core/bank/types'
export { RATING_LABELS, RATINGS, ROUND_LIMITS, ROUND_STATUSES, CHECKPOINT_MS } from './core/session/limits'
export type { Rating } from './core/session/schema'
// ---- ui preferences (#11): shortcuts, menu accelerators ----
export {
  DEFAULT_SHORTCUTS,
  DEFAULT_UI_SETTINGS,
  SHORTCUT_ACTIONS,
  RESERVED_KEYS,
  MENU_ITEMS,
  ZOOM_KEYS,
  acceleratorLabel,
  actionForKey,
  keyLabel,
  keyName,
  shortcutClashes,
  type ShortcutAction,
  type UiSettings
} from './core/preferences'

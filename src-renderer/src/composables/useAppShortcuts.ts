/**
 * Keys and menu commands that work on every screen: "?" (or the key chosen in Settings) opens the
 * shortcuts overlay, Ctrl/Cmd+/ too, Ctrl/Cmd+, opens Settings; the native menu's commands
 * (Electron) arrive as `app:menu` events and navigate. The text size from Settings applies here.
 */
import { onBeforeUnmount, onMounted, watchEffect } from 'vue'
import { useRouter } from 'vue-router'
import { useMessage } from 'naive-ui'
import type { MenuCommand } from '@contract'
import { on } from '../api'
import { keyName } from '@shared'
import { useSettingsStore } from '../stores/settings'
import { useAppStore } from '../stores/app'
import { isTyping } from '../lib/a11y'
import { errorMessage } from '../lib/errors'
import { shortcutsOpen } from './useShortcutsOverlay'
import { firstFrame } from '../lib/first-frame'

/** Where a menu command goes; screens other helpers add answer to their own route names. */
const MENU_ROUTES: Partial<Record<MenuCommand, string>> = {
  'new-round': '/setup',
  settings: '/settings',
  import: '/questions/import',
  export: '/history',
  backup: '/data'
}

export function useAppShortcuts(): void {
  const router = useRouter()
  const settings = useSettingsStore()
  const app = useAppStore()
  const message = useMessage()

  function command(c: MenuCommand): void {
    if (c === 'shortcuts') shortcutsOpen.value = true
    else if (c === 'about') message.info(`Interview Drill ${app.state?.version ?? ''}: offline mock-interview rounds.`, { duration: 6000 })
    else if (c === 'theme-dark' || c === 'theme-light' || c === 'theme-system')
      settings.setTheme(c.slice(6) as 'dark' | 'light' | 'system').catch((e) => message.error(errorMessage(e)))
    else if (MENU_ROUTES[c]) void router.push(MENU_ROUTES[c]!)
  }

  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey) return
    if (e.ctrlKey || e.metaKey) {
      if (e.key === '/') command('shortcuts')
      else if (e.key === ',') command('settings')
      else return
      e.preventDefault()
      return
    }
    if (isTyping(e.target) || shortcutsOpen.value) return
    if (keyName(e.key) === keyName(settings.ui.shortcuts.help)) {
      e.preventDefault()
      shortcutsOpen.value = true
    }
  }

  let off: (() => void) | null = null
  let mounted = false
  onMounted(() => {
    mounted = true
    window.addEventListener('keydown', onKey)
    // First screen (#11): the menu's event stream opens once Home is on screen.
    void firstFrame.then(() => {
      if (mounted) off = on('app:menu', command)
    })
  })
  onBeforeUnmount(() => {
    mounted = false
    window.removeEventListener('keydown', onKey)
    off?.()
  })
  watchEffect(() => {
    document.body.style.zoom = String(settings.ui.fontScale / 100)
  })
}

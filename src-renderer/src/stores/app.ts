import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppState, InterruptedRound, Problem } from '@contract'
import { call, on } from '../api'
import { errorMessage } from '../lib/errors'
import { useSettingsStore } from './settings'

function mediaDark(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
}

/** What main says about the app: version, start-up problems, an interrupted round; and the theme in use. */
export const useAppStore = defineStore('app', () => {
  const settings = useSettingsStore()
  const state = ref<AppState | null>(null)
  const loadError = ref<string | null>(null)
  const problems = ref<Problem[]>([])
  const problemsDismissed = ref(false)
  const interrupted = ref<InterruptedRound | null>(null)

  const query = mediaDark()
  const systemDark = ref(query?.matches ?? false)
  query?.addEventListener('change', (e) => (systemDark.value = e.matches))

  const isDark = computed(() => settings.theme === 'dark' || (settings.theme === 'system' && systemDark.value))
  const visibleProblems = computed(() => (problemsDismissed.value ? [] : problems.value))

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    on('app:problems', (list) => {
      if (list.length > problems.value.length) problemsDismissed.value = false
      problems.value = list
    })
  }

  async function load(): Promise<void> {
    try {
      const s = await call('app:state', undefined)
      state.value = s
      problems.value = s.problems
      interrupted.value = s.interrupted
      settings.set(s.settings)
      loadError.value = null
    } catch (e) {
      loadError.value = errorMessage(e)
    }
  }

  function dismissProblems(): void {
    problemsDismissed.value = true
  }

  function clearInterrupted(): void {
    interrupted.value = null
  }

  return { state, loadError, problems, visibleProblems, interrupted, isDark, systemDark, listen, load, dismissProblems, clearInterrupted }
})

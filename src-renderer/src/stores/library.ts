import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input, Library, Output } from '@contract'
import { call, on } from '../api'
import { errorMessage } from '../lib/errors'
import { useBanksStore } from './banks'

export type QuestionFilter = Input<'questions:search'>
export const PAGE = 50

/** issue-10: every bank (bundled and the user's), the Questions screen's search, and the import preview. */
export const useLibraryStore = defineStore('library', () => {
  const library = ref<Library>({ banks: [], topics: [], problems: [] })
  const filter = ref<QuestionFilter>({
    text: '',
    bankIds: [],
    topics: [],
    difficulties: [],
    neverTried: false,
    grades: [],
    offset: 0,
    limit: PAGE
  })
  const page = ref<Output<'questions:search'>>({ total: 0, rows: [] })
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Questions gathered for a new round ("add to a new round"). */
  const basket = ref<string[]>([])
  const preview = ref<Output<'import:scanStaged'> | null>(null)
  const progress = ref<{ file: string; done: number; total: number } | null>(null)
  /** The last delete, which the user may undo. */
  const undo = ref<{ kind: 'question' | 'bank'; token: string; label: string } | null>(null)
  let seq = 0

  async function undoLast(): Promise<void> {
    const u = undo.value
    if (!u) return
    undo.value = null
    await (u.kind === 'question' ? call('questions:restore', { undoToken: u.token }) : call('banks:restore', { undoToken: u.token }))
    await refresh()
  }

  async function loadLibrary(): Promise<void> {
    library.value = await call('banks:library', undefined)
  }

  async function search(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const result = await call('questions:search', { ...filter.value })
      if (mine === seq) {
        page.value = result
        error.value = null
      }
    } catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** After any change to banks: the list, the search, and the setup screen's bank summaries. */
  async function refresh(): Promise<void> {
    await Promise.all([loadLibrary(), search(), useBanksStore().load(true)])
  }

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    on('banks:changed', () => void refresh())
    on('import:progress', (p) => (progress.value = p))
  }

  function toggleBasket(id: string): void {
    basket.value = basket.value.includes(id) ? basket.value.filter((x) => x !== id) : [...basket.value, id]
  }

  return {
    library,
    filter,
    undo,
    undoLast,
    page,
    loading,
    error,
    basket,
    preview,
    progress,
    loadLibrary,
    search,
    refresh,
    listen,
    toggleBasket
  }
})

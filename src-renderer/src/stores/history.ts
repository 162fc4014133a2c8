import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { HistoryQuery, SessionListItem, SessionSummary } from '@contract'
import { call } from '../api'
import { errorMessage } from '../lib/errors'

export const PAGE_SIZE = 25

export type HistoryFilters = Required<
  Pick<HistoryQuery, 'topics' | 'bankIds' | 'difficulties' | 'statuses' | 'from' | 'to' | 'minRating' | 'maxRating' | 'text'>
>

const emptyFilters = (): HistoryFilters => ({
  topics: [],
  bankIds: [], // #11
  difficulties: [], // #11
  statuses: [],
  from: null,
  to: null,
  minRating: null,
  maxRating: null,
  text: ''
})

/**
 * One page of past sessions at a time: filters, sort and paging go to main, which answers with
 * the page and the totals. Never fetches the whole history.
 */
export const useHistoryStore = defineStore('history', () => {
  const filters = reactive<HistoryFilters>(emptyFilters())
  const sort = ref<HistoryQuery['sort']>({ key: 'startedAt', dir: 'desc' })
  const page = ref(1)
  const items = ref<SessionListItem[]>([])
  const total = ref(0)
  const all = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Whether the page shown was asked for with filters (the counts say "N of M" then). */
  const shownFiltered = ref(false)
  /** Bumped whenever sessions were added or removed, so open screens reload. */
  const revision = ref(0)
  let seq = 0

  function query(): HistoryQuery {
    return {
      offset: (page.value - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      sort: { ...sort.value },
      topics: [...filters.topics],
      bankIds: [...filters.bankIds],
      difficulties: [...filters.difficulties],
      statuses: [...filters.statuses],
      from: filters.from,
      to: filters.to,
      minRating: filters.minRating,
      maxRating: filters.maxRating,
      text: filters.text.trim().slice(0, 200)
    }
  }

  /** Loads the current page; an answer that a newer request overtook is dropped. */
  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    const q = query()
    try {
      const res = await call('history:list', q)
      if (mine !== seq) return
      // Past the end after deletions or narrower filters: go to the last page that exists.
      const lastPage = Math.max(1, Math.ceil(res.total / PAGE_SIZE))
      if (page.value > lastPage && res.total > 0) {
        page.value = lastPage
        return load()
      }
      items.value = res.items
      total.value = res.total
      all.value = res.all
      shownFiltered.value = isFiltered(q)
      error.value = null
    } catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function isFiltered(q: HistoryQuery): boolean {
    return (
      !!q.text ||
      q.topics.length > 0 ||
      (q.bankIds?.length ?? 0) > 0 ||
      (q.difficulties?.length ?? 0) > 0 ||
      q.statuses.length > 0 ||
      q.from !== null ||
      q.to !== null ||
      q.minRating !== null ||
      q.maxRating !== null
    )
  }

  function resetFilters(): void {
    Object.assign(filters, emptyFilters())
    page.value = 1
  }

  async function remove(sessionId: string): Promise<void> {
    await call('history:delete', { sessionId })
    revision.value++
  }

  async function restore(sessionId: string): Promise<SessionSummary> {
    const s = await call('history:restore', { sessionId })
    revision.value++
    return s
  }

  async function deletableCount(): Promise<number> {
    return (await call('history:count', undefined)).deletable
  }

  async function clear(expectedCount: number): Promise<number> {
    const { removed } = await call('history:clear', { expectedCount })
    page.value = 1
    revision.value++
    return removed
  }

  return {
    filters,
    sort,
    page,
    items,
    total,
    all,
    loading,
    error,
    shownFiltered,
    revision,
    query,
    load,
    resetFilters,
    remove,
    restore,
    deletableCount,
    clear
  }
})

/**
 * Sortable table headers that keyboard and screen-reader users can use: each title is a button
 * (reachable with Tab) and the header cell carries aria-sort. For Naive UI data tables sorted by
 * the caller (remote sorting): `sortTitle(label, key)` as a column title, `:ref="setTableWrap"` on
 * an element around the table.
 */
import { h, ref, watchEffect, type VNode } from 'vue'

export interface Sort<K extends string> {
  key: K
  dir: 'asc' | 'desc'
}

export function useSortHeaders<K extends string>(opts: {
  sort: () => Sort<K>
  keys: K[]
  /** The order a column takes when first chosen. */
  firstDir: (key: K) => 'asc' | 'desc'
  onChange: (sort: Sort<K>) => void
}): { sortTitle: (label: string, key: K) => () => VNode; setTableWrap: (el: unknown) => void } {
  function toggle(key: K): void {
    const cur = opts.sort()
    opts.onChange(cur.key === key ? { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: opts.firstDir(key) })
  }

  const sortTitle = (label: string, key: K) => (): VNode => {
    const cur = opts.sort()
    const arrow = cur.key === key ? (cur.dir === 'asc' ? '▲' : '▼') : '↕'
    return h('button', { type: 'button', class: 'sort-button', onClick: () => toggle(key) }, [
      label,
      h('span', { class: 'sort-button__arrow', 'aria-hidden': 'true' }, arrow)
    ])
  }

  const tableWrap = ref<HTMLElement | null>(null)
  watchEffect(
    () => {
      const { key, dir } = opts.sort()
      for (const k of opts.keys) {
        const th = tableWrap.value?.querySelector(`th[data-col-key="${k}"]`)
        th?.setAttribute('aria-sort', k === key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none')
      }
    },
    { flush: 'post' }
  )
  return { sortTitle, setTableWrap: (el) => (tableWrap.value = (el as HTMLElement | null) ?? null) }
}

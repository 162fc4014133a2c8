import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BankSummary } from '@contract'
import { call } from '../api'
import { errorMessage } from '../lib/errors'

/** The question banks main loaded from content/banks. */
export const useBanksStore = defineStore('banks', () => {
  const banks = ref<BankSummary[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)

  /** Every topic with its question count over all banks, by name. */
  const topics = computed(() => {
    const counts = new Map<string, number>()
    for (const b of banks.value) for (const [t, n] of Object.entries(b.topics)) counts.set(t, (counts.get(t) ?? 0) + n)
    return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([topic, count]) => ({ topic, count }))
  })

  const totalQuestions = computed(() => banks.value.reduce((n, b) => n + b.questionCount, 0))

  async function load(force = false): Promise<void> {
    if ((loaded.value && !force) || loading.value) return
    loading.value = true
    try {
      banks.value = await call('banks:list', undefined)
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  return { banks, loaded, loading, error, topics, totalQuestions, load }
})

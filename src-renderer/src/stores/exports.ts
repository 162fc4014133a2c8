import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input, JobProgress, SaveOutcome } from '@contract'
import { call, on } from '../api'
import { deliver } from '../api/files'

type ExportChannel = 'export:session' | 'export:sessions' | 'export:progress'
type Request<C extends ExportChannel> = Omit<Input<C>, 'jobId'>

/** One export at a time: its progress (from main's events), cancel, and where the file went. */
export const useExportsStore = defineStore('exports', () => {
  const jobId = ref<string | null>(null)
  const progress = ref<JobProgress | null>(null)
  let listening = false

  function listen(): void {
    if (listening) return
    listening = true
    on('export:progress', (p) => {
      if (p.jobId === jobId.value) progress.value = p
    })
  }

  /** Runs an export; resolves to where the file went. Throws ApiError (cancelled, write-failed, …). */
  async function run<C extends ExportChannel>(channel: C, input: Request<C>): Promise<SaveOutcome> {
    listen()
    const id = `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    jobId.value = id
    progress.value = null
    try {
      const outcome = await call(channel, { ...input, jobId: id } as Input<C>)
      deliver(outcome)
      return outcome
    } finally {
      if (jobId.value === id) {
        jobId.value = null
        progress.value = null
      }
    }
  }

  async function cancel(): Promise<void> {
    if (jobId.value) await call('export:cancel', { jobId: jobId.value })
  }

  return { jobId, progress, run, cancel }
})

/** What to tell the user once an export is done. */
export function outcomeMessage(o: SaveOutcome): string | null {
  if (o.kind === 'saved') return `Saved ${o.fileName}`
  if (o.kind === 'download') return `Downloaded ${o.fileName}`
  return null
}

import type { JobProgress } from './types'

export type { JobProgress }

/** Long exports run as jobs: they report progress and stop at the next step when cancelled. */
export class ExportError extends Error {
  constructor(
    readonly code: 'cancelled' | 'write-failed' | 'not-found' | 'invalid',
    message: string
  ) {
    super(message)
  }
}

export interface Job {
  /** Throws ExportError('cancelled') once the user cancelled; call it between steps. */
  check(): void
  progress(done: number, total: number, step: string): void
}

export class ExportJobs {
  private readonly running = new Map<string, AbortController>()

  constructor(private readonly onProgress: (p: JobProgress) => void) {}

  async run<T>(jobId: string, work: (job: Job) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new ExportError('invalid', 'This export is already running.')
    const abort = new AbortController()
    this.running.set(jobId, abort)
    let last = 0
    const job: Job = {
      check: () => {
        if (abort.signal.aborted) throw new ExportError('cancelled', 'The export was cancelled; no file was written.')
      },
      progress: (done, total, step) => {
        // At most ~20 events a second, plus the last one.
        const now = Date.now()
        if (done === total || now - last >= 50) {
          last = now
          this.onProgress({ jobId, done, total, step })
        }
      }
    }
    try {
      return await work(job)
    } finally {
      this.running.delete(jobId)
    }
  }

  /** True when a job of that id was running and is now asked to stop. */
  cancel(jobId: string): boolean {
    const abort = this.running.get(jobId)
    abort?.abort()
    return !!abort
  }
}

/** Lets the event loop breathe (and a cancel request arrive) during a long loop. */
export const yieldNow = (): Promise<void> => new Promise((r) => setImmediate(r))

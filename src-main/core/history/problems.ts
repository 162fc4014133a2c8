import type { StorageProblem } from './types'

export class HistoryError extends Error {
  constructor(
    readonly code: 'not-found' | 'corrupt' | 'busy' | 'io',
    message: string
  ) {
    super(message)
  }
}

/** The list of files that were damaged, missing or could not be written, shown to the user. */
export class ProblemLog {
  readonly list: StorageProblem[] = []

  /** `onAdd` hears each problem as it is listed (the rebuild worker passes them on at once). */
  constructor(private readonly onAdd?: (p: StorageProblem) => void) {}

  /** Lists a problem once: the same fault met again (a rebuild retried after a failed write) is not news. */
  add(file: string, keptAt: string | null, message: string): void {
    if (this.list.some((p) => p.file === file && p.keptAt === keptAt && p.message === message)) return
    const p = { file, keptAt, message }
    this.list.push(p)
    this.onAdd?.(p)
  }
}

export const errorText = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e)
export const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ENOENT'

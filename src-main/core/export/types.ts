/** Shapes of export results that cross the contract (types only: the renderer compiles this file). */

export interface JobProgress {
  jobId: string
  done: number
  total: number
  /** What is happening now, in plain words. */
  step: string
}

/** Where an exported file went: saved by a dialog, handed to the browser as a download, or not at all. */
export type SaveOutcome =
  | { kind: 'saved'; path: string; fileName: string; bytes: number }
  | { kind: 'download'; url: string; fileName: string; bytes: number }
  | { kind: 'cancelled' }

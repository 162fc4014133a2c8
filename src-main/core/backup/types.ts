/** Shapes of backup results that cross the contract (types only: the renderer compiles this file). */

/** What a backup holds, shown before a restore. */
export interface BackupContents {
  appVersion: string
  createdAt: string
  sessions: number
  gradedQuestions: number
  /** How many grades of 1, 2, 3, 4 and 5. */
  grades: Record<'1' | '2' | '3' | '4' | '5', number>
  firstSessionAt: string | null
  lastSessionAt: string | null
  questionSnapshots: number
  settings: boolean
  bankFiles: number
  bytes: number
}

export interface BackupFileInfo {
  name: string
  bytes: number
  createdAt: string
  kind: 'auto' | 'before-restore'
}

/** An archive chosen for a restore: an id for this launch, and its file name. */
export interface ChosenArchive {
  fileId: string
  name: string
}

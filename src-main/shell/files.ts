/**
 * The save/open port: where exported files and backups go, and where a backup to restore comes
 * from. The Electron shell asks with native dialogs; the web shell hands the file to the browser
 * as a download and takes uploads; tests and scripts write into a folder. Core never knows which.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { writeFileAtomic } from '../core/fs/durable'
import type { ExportFile } from '../core/export/formats'
import type { SaveOutcome } from '../core/export/types'

export type { SaveOutcome }

export interface FilePort {
  save(file: ExportFile): Promise<SaveOutcome>
  /** Asks the user for a backup archive (Electron); null when cancelled or when the renderer uploads instead. */
  chooseArchive(): Promise<{ fileId: string; name: string } | null>
  /** The path of a file chosen or uploaded earlier, by its id; null when unknown. */
  resolve(fileId: string): string | null
}

export const newFileId = (): string => randomBytes(16).toString('hex')

/** A file name that is safe on every system. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '')
  return cleaned.slice(0, 120) || 'export'
}

/** Writes every file atomically into one folder; for tests, scripts and a shell without dialogs. */
export function folderFiles(dir: string): FilePort & { register(path: string): string } {
  const known = new Map<string, string>()
  return {
    async save(file) {
      const path = join(dir, safeFileName(file.fileName))
      await writeFileAtomic(path, file.bytes)
      return { kind: 'saved', path, fileName: safeFileName(file.fileName), bytes: file.bytes.length }
    },
    chooseArchive: async () => null,
    resolve: (id) => known.get(id) ?? null,
    register(path) {
      const id = newFileId()
      known.set(id, path)
      return id
    }
  }
}

/**
 * Files for the Electron shell: native save and open dialogs, the last folder remembered
 * (`dialogs.json` in the data folder), and atomic writes (temp file, fsync, rename) so that a
 * failed write leaves no half-written file.
 */
import { dialog, type BrowserWindow } from 'electron'
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { writeFileAtomic } from '../core/fs/durable'
import type { ExportFile } from '../core/export/formats'
import { newFileId, safeFileName, type FilePort, type SaveOutcome } from './files'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  gz: { name: 'Interview Drill backup', extensions: ['gz', 'tgz'] }
}

export function electronFiles(dataDir: string, win: () => BrowserWindow | null, defaultDir: () => string): FilePort {
  const memory = join(dataDir, 'dialogs.json')
  const chosen = new Map<string, string>()
  const lastFolder = (): string => {
    try {
      const v = JSON.parse(readFileSync(memory, 'utf8')) as { lastFolder?: unknown }
      return typeof v.lastFolder === 'string' ? v.lastFolder : defaultDir()
    } catch {
      return defaultDir()
    }
  }
  const remember = (file: string): Promise<void> =>
    writeFileAtomic(memory, JSON.stringify({ lastFolder: dirname(file) })).catch(() => undefined)

  return {
    async save(file: ExportFile): Promise<SaveOutcome> {
      const name = safeFileName(file.fileName)
      const ext = name.split('.').pop() ?? ''
      const w = win()
      const options = { defaultPath: join(lastFolder(), name), filters: FILTERS[ext] ? [FILTERS[ext]] : [] }
      const res = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options)
      if (res.canceled || !res.filePath) return { kind: 'cancelled' }
      await writeFileAtomic(res.filePath, file.bytes)
      await remember(res.filePath)
      return { kind: 'saved', path: res.filePath, fileName: basename(res.filePath), bytes: file.bytes.length }
    },
    async chooseArchive() {
      const w = win()
      const options = { defaultPath: lastFolder(), properties: ['openFile' as const], filters: [FILTERS.gz] }
      const res = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options)
      const path = res.filePaths[0]
      if (res.canceled || !path) return null
      await remember(path)
      const fileId = newFileId()
      chosen.set(fileId, path)
      return { fileId, name: basename(path) }
    },
    resolve: (id) => chosen.get(id) ?? null
  }
}

import { existsSync } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createBackup, dataFiles } from './create'
import { BACKUPS_DIR } from './restore'
import type { BackupFileInfo } from './types'

export type { BackupFileInfo }

export const AUTO_KEEP = 7
const AUTO = /^auto-(\d{4}-\d{2}-\d{2})\.tar\.gz$/

/**
 * The automatic daily backup: at most one archive a day (`backups/auto-YYYY-MM-DD.tar.gz`), the
 * newest 7 kept. Returns the file written, or null when today's already exists or there is no history yet.
 */
export async function dailyBackup(dataDir: string, appVersion: string, now = new Date()): Promise<string | null> {
  const dir = join(dataDir, BACKUPS_DIR)
  const file = join(dir, `auto-${now.toISOString().slice(0, 10)}.tar.gz`)
  if (existsSync(file)) return null
  // Nothing played yet: nothing worth a daily archive.
  if (!(await dataFiles(dataDir)).some((p) => p.startsWith('history/sessions/'))) return null
  await createBackup(dataDir, file, { appVersion, now })
  const autos = (await readdir(dir)).filter((n) => AUTO.test(n)).sort()
  for (const n of autos.slice(0, Math.max(0, autos.length - AUTO_KEEP))) await rm(join(dir, n), { force: true })
  return file
}

/** The archives in the backups folder, newest first. */
export async function listBackups(dataDir: string): Promise<BackupFileInfo[]> {
  const dir = join(dataDir, BACKUPS_DIR)
  if (!existsSync(dir)) return []
  const out: BackupFileInfo[] = []
  for (const name of await readdir(dir)) {
    const auto = AUTO.exec(name)
    const before = /^before-restore-(.+)\.tar\.gz$/.exec(name)
    if (!auto && !before) continue
    const s = await stat(join(dir, name))
    out.push({ name, bytes: s.size, createdAt: s.mtime.toISOString(), kind: auto ? 'auto' : 'before-restore' })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fsyncDir } from '../fs/durable'
import { createBackup } from './create'
import type { VerifiedBackup } from './verify'

export const BACKUPS_DIR = 'backups'

const stamp = (d: Date): string => d.toISOString().replace(/[:.]/g, '-')

/**
 * Replaces the data with a verified backup. First the data it replaces is itself archived
 * (`backups/before-restore-<time>.tar.gz`); then the history (and banks) folders are swapped by
 * renames on the same disk. Damaged files kept aside earlier (`history/corrupt`) stay. If a rename
 * fails, what was moved is moved back. Settings are returned for the caller to apply.
 */
export async function replaceData(
  dataDir: string,
  verified: VerifiedBackup,
  opts: { appVersion: string; now?: Date }
): Promise<{ keptAt: string }> {
  const now = opts.now ?? new Date()
  const kept = await createBackup(dataDir, join(dataDir, BACKUPS_DIR, `before-restore-${stamp(now)}.tar.gz`), {
    appVersion: opts.appVersion,
    now
  })
  const old = join(verified.staging, '.replaced')
  await mkdir(old, { recursive: true })
  const done: (() => Promise<void>)[] = []
  try {
    // Keep the quarantine of damaged files with the live data.
    const corrupt = join(dataDir, 'history', 'corrupt')
    if (existsSync(corrupt)) {
      await mkdir(join(verified.staging, 'history'), { recursive: true })
      await rename(corrupt, join(verified.staging, 'history', 'corrupt'))
      done.push(() => rename(join(verified.staging, 'history', 'corrupt'), corrupt))
    }
    for (const name of ['history', 'banks']) {
      const live = join(dataDir, name)
      const incoming = join(verified.staging, name)
      if (existsSync(live)) {
        await rename(live, join(old, name))
        done.push(() => rename(join(old, name), live))
      }
      if (existsSync(incoming)) {
        await rename(incoming, live)
        done.push(() => rename(live, incoming))
      }
    }
    await fsyncDir(dataDir)
  } catch (e) {
    for (const undo of done.reverse()) await undo().catch(() => undefined)
    await rm(verified.staging, { recursive: true, force: true })
    throw e
  }
  await rm(verified.staging, { recursive: true, force: true })
  return { keptAt: kept.file }
}

/** Removes a staging folder of a restore the user did not confirm. */
export async function discardStaging(verified: VerifiedBackup): Promise<void> {
  await rm(verified.staging, { recursive: true, force: true })
}

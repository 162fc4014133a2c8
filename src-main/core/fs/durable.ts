import { constants } from 'node:fs'
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** fsync a directory so that a rename or a new file in it survives power loss (no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, constants.O_RDONLY)
    await handle.sync()
  } catch {
    // Windows cannot open directories; NTFS metadata journaling covers the rename there.
  } finally {
    await handle?.close()
  }
}

/** Replaces a file atomically: write a temp file beside it, fsync it, rename it over, fsync the folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, file)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
  await fsyncDir(dir)
}

/** Appends bytes and waits until they are on disk (fdatasync) before resolving. */
export async function appendDurable(file: string, data: string): Promise<void> {
  const handle = await open(file, 'a')
  try {
    await handle.appendFile(data)
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

/**
 * Moves a file into a quarantine folder, keeping it, under a name that records when and why.
 * Returns the new path.
 */
export async function moveAside(file: string, quarantineDir: string, reason: string): Promise<string> {
  await mkdir(quarantineDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const tag = reason.replace(/[^a-z0-9]+/gi, '-').slice(0, 24)
  const target = join(quarantineDir, `${stamp}.${tag}.${basename(file)}`)
  await rename(file, target)
  await fsyncDir(dirname(file))
  await fsyncDir(quarantineDir)
  return target
}

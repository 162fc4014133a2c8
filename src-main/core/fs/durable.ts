import { constants } from 'node:fs'
import { copyFile, link, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises'
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
  await writeLinesAtomic(file, [data])
}

/**
 * Lines are written in batches of this many characters: few enough writes, and short-lived enough
 * that the lines die young (1 MB batches outlived the collector's young generation: a rebuild of
 * 100k sessions then promoted its whole grade log, and the old generation's collections paused 35-45 ms).
 */
const BATCH = 1 << 16

/**
 * Writes a file atomically from pieces produced one at a time (temp file, fsync, rename, fsync the
 * folder), so that an index of any size is written without one whole-file string. Returns its size.
 */
export async function writeLinesAtomic(
  file: string,
  pieces: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>
): Promise<number> {
  const dir = dirname(file)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'w')
  let size = 0
  try {
    let batch: string[] = []
    let batchBytes = 0
    // writeFile writes all of a piece (or throws: a full disk), from where the last one ended.
    const write = async (piece: string | Uint8Array): Promise<void> => {
      await handle.writeFile(piece)
      size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength
    }
    const flush = async (): Promise<void> => {
      if (batch.length) await write(batch.join(''))
      batch = []
      batchBytes = 0
    }
    for await (const piece of pieces) {
      if (typeof piece !== 'string') {
        await flush()
        await write(piece)
        continue
      }
      batch.push(piece)
      batchBytes += piece.length
      if (batchBytes >= BATCH) await flush()
    }
    await flush()
    await handle.sync()
  } catch (e) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw e
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
  await fsyncDir(dir)
  return size
}

/**
 * Appends bytes and waits until they are on disk (fdatasync) before resolving. When the write fails
 * (disk full, I/O error), the file is cut back to where it ended, so no half record stays in it for
 * later records to follow; if even that fails, the error says so and the caller must cut it back
 * (`truncateTo`) before writing again. Resolves with the offset the data starts at.
 */
export async function appendDurable(file: string, data: string, opts: { sync?: boolean } = {}): Promise<number> {
  const handle = await open(file, 'a')
  let size = -1
  try {
    size = (await handle.stat()).size
    await handle.appendFile(data)
    if (opts.sync !== false) await handle.datasync()
  } catch (e) {
    if (size >= 0) {
      const cut = await handle.truncate(size).then(
        () => true,
        () => false
      )
      if (!cut) throw new TornAppendError(file, size, e)
    }
    throw e
  } finally {
    await handle.close()
  }
  return size
}

/** A failed append whose partial bytes could not be cut back: the file must be truncated to `goodSize`. */
export class TornAppendError extends Error {
  constructor(
    readonly file: string,
    readonly goodSize: number,
    readonly cause: unknown
  ) {
    super(`Could not write to ${basename(file)}: ${(cause as Error)?.message ?? String(cause)}`)
  }
}

export async function truncateTo(file: string, size: number): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.truncate(size)
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

/**
 * Keeps a copy of a file in a quarantine folder (a hard link where possible, else a copy), leaving
 * the original in place: the caller replaces it afterwards, so the data exists at every moment.
 */
export async function keepCopy(file: string, quarantineDir: string, reason: string): Promise<string> {
  await mkdir(quarantineDir, { recursive: true })
  const target = quarantineName(file, quarantineDir, reason)
  try {
    await link(file, target)
  } catch {
    await copyFile(file, target)
  }
  await fsyncDir(quarantineDir)
  return target
}

function quarantineName(file: string, quarantineDir: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const tag = reason.replace(/[^a-z0-9]+/gi, '-').slice(0, 24)
  return join(quarantineDir, `${stamp}.${tag}.${randomBytes(2).toString('hex')}.${basename(file)}`)
}

/**
 * Moves a file into a quarantine folder, keeping it, under a name that records when and why.
 * Returns the new path.
 */
export async function moveAside(file: string, quarantineDir: string, reason: string): Promise<string> {
  await mkdir(quarantineDir, { recursive: true })
  const target = quarantineName(file, quarantineDir, reason)
  await rename(file, target)
  await fsyncDir(dirname(file))
  await fsyncDir(quarantineDir)
  return target
}

import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Header, Pack, ReadEntry } from 'tar'
import { fsyncDir } from '../fs/durable'
import { allowedPath, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST, type Manifest } from './manifest'

/** The data files a backup holds, as archive paths (forward slashes), in a stable order. */
export async function dataFiles(dataDir: string): Promise<string[]> {
  const list = async (rel: string, filter: (name: string) => boolean): Promise<string[]> =>
    existsSync(join(dataDir, rel))
      ? (await readdir(join(dataDir, rel)))
          .filter(filter)
          .sort()
          .map((n) => `${rel}/${n}`)
      : []
  const banks: string[] = []
  const walk = async (rel: string, depth: number): Promise<void> => {
    for (const e of (await readdir(join(dataDir, rel), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = `${rel}/${e.name}`
      if (e.isDirectory() && depth < 3) await walk(p, depth + 1)
      else if (e.isFile() && allowedPath(p)) banks.push(p)
    }
  }
  if (existsSync(join(dataDir, 'banks'))) await walk('banks', 0)
  return [
    ...(await list('history/sessions', (n) => n.endsWith('.jsonl'))),
    ...(await list('history/questions', (n) => /^[0-9a-f]{64}\.json$/.test(n))),
    ...(await list('history/trash', (n) => n.endsWith('.jsonl'))),
    ...(existsSync(join(dataDir, 'history', 'active.json')) ? ['history/active.json'] : []),
    ...(existsSync(join(dataDir, 'settings.json')) ? ['settings.json'] : []),
    ...banks
  ].filter(allowedPath)
}

function entry(path: string, body: Buffer, mtime: Date): ReadEntry {
  const e = new ReadEntry(new Header({ path, mode: 0o644, size: body.length, type: 'File', mtime }))
  e.end(body)
  return e
}

export interface BackupResult {
  file: string
  manifest: Manifest
  bytes: number
}

/**
 * Writes a backup of `dataDir` to `file`, atomically (a temp file beside it, fsync'd, renamed):
 * a failure leaves no half-written archive. Each file is read once, so its checksum matches the
 * bytes archived even while a round is being played; a session's unfinished last line is left out.
 */
export async function createBackup(
  dataDir: string,
  file: string,
  opts: { appVersion: string; now?: Date; onProgress?: (done: number, total: number) => void }
): Promise<BackupResult> {
  const now = opts.now ?? new Date()
  const paths = await dataFiles(dataDir)
  await mkdir(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const pack = new Pack({ portable: true, gzip: { level: 6 } })
  const out = pipeline(pack, createWriteStream(temp, { flush: true }))
  const manifestFiles: Manifest['files'] = []
  const write = async (e: ReadEntry): Promise<void> => {
    if (!pack.write(e)) await new Promise((r) => pack.once('drain', r))
  }
  try {
    for (const [n, path] of paths.entries()) {
      let body: Buffer
      // A session in the undo bin keeps the time it was deleted: its day to be restored counts from then.
      let mtime = now
      try {
        if (path.startsWith('history/trash/')) mtime = (await stat(join(dataDir, path))).mtime
        body = await readFile(join(dataDir, path))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue // deleted meanwhile
        throw e
      }
      if (path.endsWith('.jsonl') && body.length && body[body.length - 1] !== 0x0a) body = body.subarray(0, body.lastIndexOf(0x0a) + 1)
      manifestFiles.push({ path, size: body.length, sha256: createHash('sha256').update(body).digest('hex') })
      await write(entry(path, body, mtime))
      opts.onProgress?.(n + 1, paths.length)
    }
    const count = (re: RegExp): number => manifestFiles.filter((f) => re.test(f.path)).length
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: opts.appVersion,
      createdAt: now.toISOString(),
      counts: {
        sessions: count(/^history\/sessions\//),
        questions: count(/^history\/questions\//),
        settings: count(/^settings\.json$/),
        bankFiles: count(/^banks\//),
        trash: count(/^history\/trash\//)
      },
      files: manifestFiles
    }
    await write(entry(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)), now))
    pack.end()
    await out
    await rename(temp, file)
    await fsyncDir(dirname(file))
    return { file, manifest, bytes: (await stat(file)).size }
  } catch (e) {
    pack.destroy()
    await out.catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw e
  }
}

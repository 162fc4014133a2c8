import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { fsyncDir } from '../fs/durable'
import { isMissing } from './problems'

/** How long a deleted session can be restored, across restarts. */
export const TRASH_KEEP_MS = 24 * 3_600_000

/**
 * The undo bin, `trash/<id>.jsonl`: a deleted session's journal, moved (never copied) out of
 * `sessions/`. It survives restarts for a day; the store reconciles the index with it at start-up,
 * so a crash between moving a file and writing the index loses nothing.
 */
export class Trash {
  constructor(readonly dir: string) {}

  file(id: string): string {
    return join(this.dir, `${id}.jsonl`)
  }

  async has(id: string): Promise<boolean> {
    return stat(this.file(id)).then(
      (i) => i.isFile(),
      () => false
    )
  }

  /** Moves a journal into the bin and stamps when, so that it is kept for TRASH_KEEP_MS. */
  async put(id: string, from: string): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    try {
      await rename(from, this.file(id))
    } catch (e) {
      if (!isMissing(e)) throw e
      return
    }
    const now = new Date()
    await utimes(this.file(id), now, now).catch(() => undefined)
    await fsyncDir(this.dir)
  }

  async take(id: string, to: string): Promise<void> {
    await rename(this.file(id), to)
  }

  /** Removes for good what has been in the bin longer than the undo window. */
  async purge(now = Date.now()): Promise<void> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch (e) {
      if (isMissing(e)) return
      throw e
    }
    for (const n of names) {
      const f = join(this.dir, n)
      const info = await stat(f).catch(() => null)
      if (info && now - info.mtimeMs > TRASH_KEEP_MS) await rm(f, { recursive: true, force: true })
    }
  }

  async empty(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}

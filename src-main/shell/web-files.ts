/**
 * Files for the web shell: an export becomes a one-time download (`/download/<id>`, served by the
 * web server with Content-Disposition: attachment), and a backup to restore arrives as an upload
 * written to a private temp folder. Ids are 128-bit random; downloads expire after 10 minutes.
 */
import { createWriteStream, rmSync } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportFile } from '../core/export/formats'
import { newFileId, safeFileName, type FilePort } from './files'

const TTL_MS = 10 * 60_000
export const MAX_UPLOAD = 2 * 1024 ** 3

export class WebFiles implements FilePort {
  private readonly downloads = new Map<string, ExportFile & { expires: number }>()
  private readonly uploads = new Map<string, string>()
  private dir: string | null = null

  async save(file: ExportFile): Promise<{ kind: 'download'; url: string; fileName: string; bytes: number }> {
    const now = Date.now()
    for (const [id, d] of this.downloads) if (d.expires < now) this.downloads.delete(id)
    const id = newFileId()
    const fileName = safeFileName(file.fileName)
    this.downloads.set(id, { ...file, fileName, expires: now + TTL_MS })
    return { kind: 'download', url: `/download/${id}`, fileName, bytes: file.bytes.length }
  }

  /** The browser picks files itself (an <input type=file> and an upload). */
  async chooseArchive(): Promise<null> {
    return null
  }

  resolve(fileId: string): string | null {
    return this.uploads.get(fileId) ?? null
  }

  /** Hands a download over once. */
  take(id: string): ExportFile | null {
    const d = this.downloads.get(id)
    this.downloads.delete(id)
    return d && d.expires >= Date.now() ? d : null
  }

  /** Writes an upload to the private temp folder as it arrives; null when it is larger than `max`. */
  async upload(body: Readable, max = MAX_UPLOAD): Promise<string | null> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'idrill-upload-'))
    const id = newFileId()
    const path = join(this.dir, `${id}.tar.gz`)
    let size = 0
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length
        done(size > max ? new Error('too large') : null, chunk)
      }
    })
    try {
      await pipeline(body, limit, createWriteStream(path, { flush: true }))
    } catch (e) {
      await rm(path, { force: true })
      if (size > max) return null
      throw e
    }
    this.uploads.set(id, path)
    return id
  }

  async close(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true })
  }

  closeSync(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Hands files picked or dropped in the window to main in chunks (the request size is capped), then
 * asks for the preview. Main decodes, refuses binary, non-UTF-8 and too-large files, and imports.
 */
import type { Output } from '@contract'
import { call } from '../api'

const CHUNK = 96 * 1024

function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

export interface PickedFile {
  name: string
  bytes: () => Promise<ArrayBuffer>
}

export async function uploadForImport(
  files: PickedFile[],
  onProgress?: (sent: number, total: number) => void
): Promise<Output<'import:scanStaged'>> {
  const stageId = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  const all = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.bytes()) })))
  const total = all.reduce((n, f) => n + f.bytes.length, 0)
  let sent = 0
  for (const f of all) {
    if (f.bytes.length === 0) await call('import:stage', { stageId, name: f.name, data: '', final: true })
    for (let at = 0; at < f.bytes.length; at += CHUNK) {
      const part = f.bytes.subarray(at, at + CHUNK)
      await call('import:stage', { stageId, name: f.name, data: base64(part), final: at + CHUNK >= f.bytes.length })
      sent += part.length
      onProgress?.(sent, total)
    }
  }
  return call('import:scanStaged', { stageId })
}

const TEXT = /\.(md|markdown|mdown|txt|tsv|text)$/i

/** Files from a drop, folders walked (webkitGetAsEntry), keeping only text-like names inside folders. */
export async function filesFromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const out: PickedFile[] = []
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      if (inFolder && !TEXT.test(entry.name)) return
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej))
      out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, bytes: () => file.arrayBuffer() })
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej))
        if (!batch.length) break
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e, true)
      }
    }
  }
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e)
  for (const e of entries) await walk(e, false)
  return out
}

export function filesFromInput(list: FileList): PickedFile[] {
  return [...list]
    .filter((f) => !f.webkitRelativePath || TEXT.test(f.name))
    .map((f) => ({ name: f.webkitRelativePath || f.name, bytes: () => f.arrayBuffer() }))
}

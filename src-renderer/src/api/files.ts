/**
 * Where exported files land in the renderer. In Electron main has already saved the file through
 * the native dialog; in the browser shell main hands back a one-time download URL and this starts
 * the download. Backups to restore are picked natively (Electron) or uploaded (browser).
 */
import type { SaveOutcome } from '@contract'
import { TOKEN_KEY } from './web-bridge'

/** True when the renderer runs in a browser against the web shell (no preload). */
export const isBrowserShell = (): boolean => typeof window !== 'undefined' && !window.api

/** Starts the browser download of a file main has prepared. */
export function deliver(outcome: SaveOutcome): void {
  if (outcome.kind !== 'download') return
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  const a = document.createElement('a')
  a.href = `${outcome.url}?token=${encodeURIComponent(token)}`
  a.download = outcome.fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
}

/** Sends a chosen archive to the web shell; resolves to the id main knows it by. */
export async function uploadArchive(file: File): Promise<string> {
  const res = await fetch('/upload', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-api-token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: file
  })
  if (!res.ok) throw new Error(`The file could not be sent to the app (${res.status} ${await res.text()}).`)
  return ((await res.json()) as { fileId: string }).fileId
}

/** "12.3 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 ** 2).toFixed(1)} MB`
}

import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { startWebShell } from '../../src-main/shell/web-server'
import { WebFiles } from '../../src-main/shell/web-files'
import { tempDir } from '../helpers/world'

const token = 't'.repeat(48)
const files = new WebFiles()
const shell = await startWebShell({ dispatch: async () => ({ ok: true, value: null }), rendererDir: tempDir(), token, files })
afterAll(async () => {
  await shell.close()
  await files.close()
})
const base = `http://127.0.0.1:${shell.port}`

describe('web shell downloads and uploads', () => {
  it('serves an export once, as an attachment with a safe name, only with the token', async () => {
    const out = await files.save({
      fileName: 'score card"; x=1.csv',
      mime: 'text/csv; charset=utf-8',
      bytes: new TextEncoder().encode('a,b\r\n')
    })
    expect(out).toMatchObject({ kind: 'download', fileName: 'score-card-x-1.csv', bytes: 5 })
    expect((await fetch(`${base}${out.url}`)).status).toBe(403)
    const res = await fetch(`${base}${out.url}?token=${token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="score-card-x-1.csv"')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(await res.text()).toBe('a,b\r\n')
    expect((await fetch(`${base}${out.url}?token=${token}`)).status).toBe(404)
  })

  it('takes an upload with the token and hands back an id that resolves to the bytes', async () => {
    const body = new Uint8Array([1, 2, 3, 4])
    const headers = { 'content-type': 'application/octet-stream', 'x-api-token': token }
    expect((await fetch(`${base}/upload`, { method: 'POST', body, headers: { ...headers, 'x-api-token': 'nope' } })).status).toBe(403)
    expect((await fetch(`${base}/upload`, { method: 'POST', body, headers: { ...headers, 'content-type': 'text/plain' } })).status).toBe(
      415
    )
    const res = await fetch(`${base}/upload`, { method: 'POST', body, headers })
    const { fileId } = (await res.json()) as { fileId: string }
    expect(fileId).toMatch(/^[0-9a-f]{32}$/)
    expect([...readFileSync(files.resolve(fileId)!)]).toEqual([1, 2, 3, 4])
    expect(files.resolve('0'.repeat(32))).toBeNull()
    // Larger than allowed: nothing kept.
    expect(await files.upload(Readable.from([Buffer.alloc(8), Buffer.alloc(8)]), 10)).toBeNull()
  })
})

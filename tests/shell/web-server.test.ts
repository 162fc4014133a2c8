import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startWebShell } from '../../src-main/shell/web-server'
import { tempDir } from '../helpers/world'

const renderer = tempDir()
mkdirSync(join(renderer, 'assets'))
writeFileSync(join(renderer, 'index.html'), '<!doctype html><p>app</p>')
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(renderer, '..', 'secret.txt'), 'secret')

const dispatched: [string, unknown][] = []
const shell = await startWebShell({
  dispatch: async (channel, input) => {
    dispatched.push([channel, input])
    return { ok: true, value: { echo: input } }
  },
  rendererDir: renderer,
  token: 'k'.repeat(48)
})
afterAll(() => shell.close())

function hit(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}
const api = { 'content-type': 'application/json', 'x-api-token': 'k'.repeat(48) }

describe('the loopback web shell', () => {
  it('listens on 127.0.0.1 only and serves the renderer with the CSP', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=k{48}$/)
    const page = await hit('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('<p>app</p>')
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect((await hit('/assets/app.js')).headers['content-type']).toMatch(/javascript/)
  })

  it('answers contract requests that carry the token', async () => {
    const res = await hit('/api/round:reveal', { method: 'POST', headers: api, body: JSON.stringify({ roundId: 'r1' }) })
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: { roundId: 'r1' } } })
    expect(dispatched.at(-1)).toEqual(['round:reveal', { roundId: 'r1' }])
  })

  it('refuses requests without the token, from another Host, or outside the renderer folder', async () => {
    const before = dispatched.length
    expect((await hit('/api/history:clear', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
      403
    )
    expect((await hit('/api/history:clear', { method: 'POST', headers: { ...api, 'x-api-token': 'wrong' }, body: '{}' })).status).toBe(403)
    expect((await hit('/', { headers: { host: 'evil.example:80' } })).status).toBe(421)
    expect((await hit('/api/round:current', { method: 'GET', headers: api })).status).toBe(405)
    expect(
      (await hit('/api/round:current', { method: 'POST', headers: { ...api, 'content-type': 'text/plain' }, body: '{}' })).status
    ).toBe(415)
    expect((await hit('/%2e%2e/secret.txt')).status).not.toBe(200)
    expect((await hit('/events?token=nope')).status).toBe(403)
    expect(dispatched.length).toBe(before)
  })

  it('streams events to subscribers as server-sent events', async () => {
    const frames = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: shell.port, path: `/events?token=${'k'.repeat(48)}` }, (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
          if (text.includes('connected')) shell.broadcast('round:expired', { type: 'expired', roundId: 'r1', index: 2, scope: 'question' })
          if (text.includes('event: round:expired')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(frames).toContain('event: round:expired\ndata: {"type":"expired","roundId":"r1","index":2,"scope":"question"}')
  })

  it('answers malformed % escapes with 400 and bodies over 256 KB with 413 (defect 12)', async () => {
    expect((await hit('/api/round%E0%A4%A', { method: 'POST', headers: api, body: '{}' })).status).toBe(400)
    expect((await hit('/assets/%E0%A4%A.js')).status).toBe(400)
    const big = await hit('/api/round:current', { method: 'POST', headers: api, body: JSON.stringify({ x: 'y'.repeat(300 * 1024) }) })
    expect(big.status).toBe(413)
    expect((await hit('/api/round:reveal', { method: 'POST', headers: api, body: '{"roundId":"r1"}' })).status).toBe(200)
  })
})

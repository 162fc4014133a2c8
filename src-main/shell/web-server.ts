/**
 * The loopback web shell: serves the built renderer to a browser and answers the same contract as
 * the Electron shell, over HTTP (requests) and server-sent events (events), using the very same
 * dispatcher. It binds 127.0.0.1 only, requires a per-launch random token on every API call and
 * checks the Host header (against DNS rebinding). Used by the end-to-end tests.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import type { Dispatch } from '../handlers'
import type { EventName, Events } from '../contract'
import { CONTENT_SECURITY_POLICY } from './csp'
import type { WebFiles } from './web-files'
import type { ExportFile } from '../core/export/formats'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
const MAX_BODY = 256 * 1024

export interface WebShell {
  url: string
  port: number
  broadcast<E extends EventName>(event: E, payload: Events[E]): void
  close(): Promise<void>
}

export async function startWebShell(opts: {
  dispatch: Dispatch
  rendererDir: string
  token: string
  port?: number
  /** Downloads of exports and uploads of backups (issue #9). */
  files?: WebFiles
}): Promise<WebShell> {
  const clients = new Set<ServerResponse>()
  let port = 0
  const tokenBytes = Buffer.from(opts.token)
  const tokenOk = (t: string | null | undefined): boolean => {
    const b = Buffer.from(t ?? '')
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e)
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error')
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'unexpected Host header')
    const url = new URL(req.url ?? '/', `http://${host}`)

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only')
      if (!tokenOk(req.headers['x-api-token'] as string | undefined)) return send(res, 403, 'text/plain', 'bad token')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only')
      const channel = decodePath(url.pathname.slice(5))
      if (channel === null) return send(res, 400, 'text/plain', 'malformed path')
      const body = await readBody(req)
      if (body === null) {
        res.setHeader('connection', 'close')
        return send(res, 413, 'text/plain', 'request too large')
      }
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : undefined
      } catch {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } })
        )
      }
      const result = await opts.dispatch(channel, input === null ? undefined : input)
      return send(res, 200, 'application/json', JSON.stringify(result))
    }

    // ---- export + backup (issue #9): one-time downloads, backup uploads ----
    if (opts.files && url.pathname.startsWith('/download/')) {
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only')
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'bad token')
      const file = opts.files.take(url.pathname.slice('/download/'.length))
      if (!file) return send(res, 404, 'text/plain', 'This download has expired; export again.')
      return sendDownload(res, file)
    }
    if (opts.files && url.pathname === '/upload') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only')
      if (!tokenOk(req.headers['x-api-token'] as string | undefined)) return send(res, 403, 'text/plain', 'bad token')
      if (req.headers['content-type'] !== 'application/octet-stream') return send(res, 415, 'text/plain', 'octet-stream only')
      const fileId = await opts.files.upload(req)
      if (fileId === null) return send(res, 413, 'text/plain', 'file too large')
      return send(res, 200, 'application/json', JSON.stringify({ fileId }))
    }
    // ---- end export + backup ----

    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'bad token')
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }

    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only')
    const rel = url.pathname === '/' ? 'index.html' : decodePath(url.pathname.slice(1))
    if (rel === null) return send(res, 400, 'text/plain', 'malformed path')
    const file = normalize(join(opts.rendererDir, rel))
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) return send(res, 403, 'text/plain', 'forbidden')
    try {
      const data = await readFile(file)
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data)
    } catch {
      send(res, 404, 'text/plain', 'not found')
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${opts.token}`,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const c of clients) c.write(frame)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer'
  })
  res.end(body)
}

// ---- export + backup (issue #9) ----
function sendDownload(res: ServerResponse, file: ExportFile): void {
  res.writeHead(200, {
    'content-type': file.mime,
    'content-length': String(file.bytes.length),
    // The name is already reduced to [A-Za-z0-9._-] by the file port.
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'referrer-policy': 'no-referrer'
  })
  res.end(Buffer.from(file.bytes))
}

// ---- end export + backup ----

/** A percent-decoded path, or null when its escapes are malformed (answered with 400, not 500). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

/** The body, or null once it passes MAX_BODY: the rest is drained (not reset) so the client reads the 413. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        chunks.length = 0
        resolve(null)
      } else chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

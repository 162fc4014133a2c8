import { describe, expect, it } from 'vitest'
import { calls } from '../stubs/electron'
import { createMainWindow, hardenSession, isAppUrl } from '../../src-main/shell/window'
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell/csp'

describe('the main window', () => {
  const win = createMainWindow({ preload: '/app/out/preload/index.cjs', rendererFile: '/app/out/renderer/index.html' }) as unknown as {
    options: { webPreferences: Record<string, unknown> }
    webContents: { windowOpenHandler: (d: { url: string }) => unknown; emit: (e: string, ...a: unknown[]) => void }
    loaded: string
  }

  it('runs the renderer isolated, sandboxed and without Node', () => {
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs'
    })
    expect(win.loaded).toBe('file:///app/out/renderer/index.html')
  })

  it('opens no window of its own and sends web links to the system browser', () => {
    expect(win.webContents.windowOpenHandler({ url: 'https://kubernetes.io/docs' })).toEqual({ action: 'deny' })
    expect(win.webContents.windowOpenHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(calls.openedExternally).toEqual(['https://kubernetes.io/docs'])
  })

  it('does not navigate away from the app', () => {
    let prevented = 0
    win.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'https://evil.example/')
    win.webContents.emit('will-navigate', { preventDefault: () => prevented++ }, 'file:///app/out/renderer/index.html#/history')
    expect(prevented).toBe(1)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
  })

  it('sends a strict CSP with every response and refuses permission requests', () => {
    hardenSession()
    let headers: Record<string, string[]> = {}
    calls.headersHook!(
      { responseHeaders: { 'x-a': ['1'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders)
    )
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval/)
    let granted: boolean | undefined
    calls.permissionHook!({}, 'media', (g: boolean) => (granted = g))
    expect(granted).toBe(false)
  })
})

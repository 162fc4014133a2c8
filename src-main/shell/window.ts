import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp'
import { DEFAULT_SIZE, stateOf, type WindowState } from './window-state'

/**
 * The one window, with Electron's security checklist applied
 * (https://www.electronjs.org/docs/latest/tutorial/security): context isolation, sandbox, no Node in
 * the renderer, no webview, a strict CSP, no navigation away from the app, no new windows.
 */
export function createMainWindow(opts: {
  preload: string
  rendererUrl?: string
  rendererFile: string
  /** Size and position from the last launch (already checked to be on a display). */
  state?: WindowState | null
  /** Called with the size and position when the window closes. */
  saveState?: (state: WindowState) => void
}): BrowserWindow {
  const win = new BrowserWindow({
    ...(opts.state?.bounds ?? DEFAULT_SIZE),
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: 'Interview Drill',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true
    }
  })
  win.once('ready-to-show', () => {
    if (opts.state?.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => opts.saveState?.(stateOf(win)))

  // http(s) links open in the system browser; nothing opens inside the app.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, opts.rendererUrl)) event.preventDefault()
  })

  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl)
  else void win.loadFile(opts.rendererFile)
  return win
}

export function isAppUrl(url: string, devUrl?: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true
  return url.startsWith('file://')
}

/** Sends the CSP with every response, and refuses every permission request (camera, notifications…). */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
}

export const preloadPath = (dir: string): string => join(dir, '../preload/index.cjs')

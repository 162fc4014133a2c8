/**
 * A stand-in for the `electron` module, for testing the thin Electron shell in plain Node (the
 * Electron binary cannot be downloaded on these machines). It records what the shell asks of it.
 */
type Handler = (...args: unknown[]) => unknown

export const calls = {
  windows: [] as { options: Record<string, unknown>; instance: BrowserWindow }[],
  handlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; input: unknown }[],
  openedExternally: [] as string[],
  headersHook: null as null | Handler,
  permissionHook: null as null | Handler,
  menu: null as unknown
}

class Emitter {
  listeners = new Map<string, Handler[]>()
  on(event: string, fn: Handler): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  once(event: string, fn: Handler): this {
    return this.on(event, fn)
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args)
  }
  removeListener(event: string, fn: Handler): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((f) => f !== fn)
    )
    return this
  }
}

class WebContents extends Emitter {
  windowOpenHandler: Handler | null = null
  sent: { channel: string; payload: unknown }[] = []
  mainFrame = { id: 'main' }
  setWindowOpenHandler(fn: Handler): void {
    this.windowOpenHandler = fn
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
}

export class BrowserWindow extends Emitter {
  static all: BrowserWindow[] = []
  webContents = new WebContents()
  loaded: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    calls.windows.push({ options, instance: this })
    BrowserWindow.all.push(this)
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url
    return Promise.resolve()
  }
  loadFile(file: string): Promise<void> {
    this.loaded = `file://${file}`
    return Promise.resolve()
  }
  show(): void {
    // shown at once
  }
  isDestroyed(): boolean {
    return false
  }
  // ---- window state (#11) ----
  maximized = false
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    const o = this.options as { x?: number; y?: number; width: number; height: number }
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height }
  }
}

export const ipcMain = {
  handle(channel: string, fn: Handler): void {
    if (calls.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    calls.handlers.set(channel, fn)
  },
  on(): void {
    // electron-store registers a sync channel here; nothing to record
  }
}

const rendererEmitter = new Emitter()
export const ipcRenderer = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    calls.invoked.push({ channel, input })
    return Promise.resolve({ ok: true, value: channel })
  },
  on: (e: string, fn: Handler) => rendererEmitter.on(e, fn),
  removeListener: (e: string, fn: Handler) => rendererEmitter.removeListener(e, fn),
  emit: (e: string, payload: unknown) => rendererEmitter.emit(e, {}, payload)
}

export const contextBridge = {
  exposeInMainWorld(key: string, value: unknown): void {
    calls.exposed.set(key, value)
  }
}

export const shell = {
  openExternal(url: string): Promise<void> {
    calls.openedExternally.push(url)
    return Promise.resolve()
  },
  openPath: () => Promise.resolve('')
}

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(fn: Handler): void {
        calls.headersHook = fn
      }
    },
    setPermissionRequestHandler(fn: Handler): void {
      calls.permissionHook = fn
    }
  }
}

export const Menu = {
  buildFromTemplate: (t: unknown) => t,
  setApplicationMenu(m: unknown): void {
    calls.menu = m
  }
}

export const app = Object.assign(new Emitter(), {
  getPath: () => '/nonexistent-userdata',
  getVersion: () => '0.0.0-test',
  isPackaged: false
})

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, session, Menu }

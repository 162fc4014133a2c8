/**
 * Electron entry: app lifecycle only. It composes the domain services, mounts the contract on
 * ipcMain and opens a hardened window. Domain logic lives in core/, never here.
 */
import { app, BrowserWindow, screen, shell } from 'electron'
import ElectronStore from 'electron-store'
import { join } from 'node:path'
import { createAppServices, type AppServices } from './services'
import { openImportDialog } from './shell/dialog' // issue-10
import { createDispatcher } from './handlers'
import { registerIpc, sendEvent } from './shell/ipc'
import { createMainWindow, hardenSession, preloadPath } from './shell/window'
import { installMenu } from './shell/menu'
import { openElectronSettings } from './shell/settings'
import { electronFiles } from './shell/electron-files'
import { restorable, type WindowState } from './shell/window-state'

// Tests and portable use can point the data folder elsewhere.
if (process.env.INTERVIEW_DRILL_DATA_DIR) app.setPath('userData', process.env.INTERVIEW_DRILL_DATA_DIR)

let win: BrowserWindow | null = null
let services: AppServices | undefined

// One instance: a second launch hands over to the first (which comes to the front) and quits.
const primary = app.requestSingleInstanceLock()
if (!primary) app.quit()
app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore()
  win?.focus()
})

app.whenReady().then(async () => {
  if (!primary) return
  hardenSession()
  installMenu((command) => sendEvent(win, 'app:menu', command), !app.isPackaged)
  const dataDir = app.getPath('userData')
  const windowState = new ElectronStore<{ window?: WindowState }>({ cwd: dataDir, name: 'window-state' })
  services = await createAppServices({
    dataDir,
    contentDir: app.isPackaged ? join(process.resourcesPath, 'content', 'banks') : join(app.getAppPath(), 'content', 'banks'),
    version: app.getVersion(),
    openSettingsFile: () => openElectronSettings(dataDir),
    openFolder: async (path) => (await shell.openPath(path)) === '',
    emit: (event, payload) => sendEvent(win, event, payload),
    // ---- issue-10: user banks are watched; imports use the native open dialog ----
    watchBanks: true,
    openDialog: () => openImportDialog(win),
    historyWorker: join(__dirname, 'rebuild-worker.js'), // #12: a second entry of the main build
    files: electronFiles(
      dataDir,
      () => win,
      () => app.getPath('documents')
    )
  })
  registerIpc(createDispatcher(services))
  const open = (): void => {
    win = createMainWindow({
      preload: preloadPath(__dirname),
      rendererUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
      rendererFile: join(__dirname, '../renderer/index.html'),
      state: restorable(
        windowState.get('window'),
        screen.getAllDisplays().map((d) => d.workArea)
      ),
      saveState: (state) => windowState.set('window', state)
    })
    win.on('closed', () => (win = null))
  }
  open()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open()
  })
})

// A running round is paused and kept on disk; it is offered again on the next start.
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !services) return
  event.preventDefault()
  quitting = true
  void services.rounds.shutdown().finally(() => app.quit())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

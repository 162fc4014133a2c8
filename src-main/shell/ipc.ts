import { ipcMain, type BrowserWindow } from 'electron'
import { CHANNELS, type EventName, type Events } from '../contract'
import type { Dispatch } from '../handlers'

/** Mounts the contract on ipcMain: one handler per channel, each going through the validating dispatcher. */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input) => {
      // Only our own window's main frame may call in.
      if (!event.senderFrame || event.senderFrame !== event.sender.mainFrame) {
        return { ok: false, error: { code: 'unknown-channel', message: 'Requests are only accepted from the app window.' } }
      }
      return dispatch(channel, input)
    })
  }
}

export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: Events[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(event, payload)
}

/**
 * The preload exposes exactly the contract: one named method per request channel and `on` for the
 * known events. It never exposes ipcRenderer, and refuses any channel the contract does not list.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from './api-surface'

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, fn) => {
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown): void => fn(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  }
)

contextBridge.exposeInMainWorld('api', api)

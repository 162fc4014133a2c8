/**
 * First screen (#11): Naive UI's dialogs, and the modal, card and scrollbar code under them, load
 * when the first dialog is wanted instead of before Home. `await dialogs()` gives the same API as
 * `useDialog()`; AppFrame mounts the provider (DialogHost, inside the theme) on the first call.
 */
import { shallowRef } from 'vue'
import type { DialogApi } from 'naive-ui'

/** Whether AppFrame should mount the dialog provider. */
export const dialogsWanted = shallowRef(false)

let resolveApi: (api: DialogApi) => void = () => {}
const api = new Promise<DialogApi>((resolve) => (resolveApi = resolve))

/** The dialog API, once its code is loaded and its provider mounted. */
export function dialogs(): Promise<DialogApi> {
  dialogsWanted.value = true
  return api
}

/** Called by DialogHost with the API of the provider it mounted. */
export function provideDialogs(value: DialogApi): void {
  resolveApi(value)
}

import { Menu, type MenuItemConstructorOptions } from 'electron'
import { MENU_ITEMS } from '../core/preferences'
import type { MenuCommand } from '../contract'

/**
 * The application menu: File (new round, import, export, back up, settings), Edit (the standard
 * roles, for copy/paste in drafts), View (zoom, theme, full screen), Window, Help (shortcuts,
 * about). Items of the app's own send a command to the window, which navigates or acts; the
 * accelerators come from one list that the "?" overlay shows too.
 */
export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  opts: { mac: boolean; dev: boolean }
): MenuItemConstructorOptions[] {
  const items = (menu: string): MenuItemConstructorOptions[] =>
    MENU_ITEMS.filter((i) => i.menu === menu).map((i) => ({
      id: i.command,
      label: i.label,
      ...(i.accelerator ? { accelerator: i.accelerator } : {}),
      click: () => send(i.command)
    }))
  return [
    ...(opts.mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [...items('File'), { type: 'separator' }, opts.mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        ...items('View'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(opts.dev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : [])
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: items('Help') }
  ]
}

export function installMenu(send: (command: MenuCommand) => void, dev: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(send, { mac: process.platform === 'darwin', dev })))
}

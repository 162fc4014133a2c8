import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { calls } from '../stubs/electron'
import { buildMenuTemplate, installMenu } from '../../src-main/shell/menu'
import { MENU_ITEMS } from '../../src-main/core/preferences'

type Item = MenuItemConstructorOptions
const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, and the app menu on macOS only', () => {
    const linux = buildMenuTemplate(() => {}, { mac: false, dev: false })
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'help'])
    const mac = buildMenuTemplate(() => {}, { mac: true, dev: false })
    expect(mac[0].role).toBe('appMenu')
  })

  it('every item of the shared list is in the menu with its accelerator, and sends its command', () => {
    const sent: string[] = []
    const items = flat(buildMenuTemplate((c) => sent.push(c), { mac: false, dev: false }))
    for (const want of MENU_ITEMS) {
      const item = items.find((i) => i.id === want.command)
      expect(item, want.command).toBeDefined()
      expect(item!.accelerator).toBe(want.accelerator ?? undefined)
      ;(item!.click as () => void)()
    }
    expect(sent).toEqual(MENU_ITEMS.map((i) => i.command))
  })

  it('no two items share an accelerator', () => {
    const accels = flat(buildMenuTemplate(() => {}, { mac: false, dev: false }))
      .map((i) => i.accelerator)
      .filter(Boolean)
    expect(new Set(accels).size).toBe(accels.length)
  })

  it('offers zoom and reload roles, dev tools only in development', () => {
    const roles = (dev: boolean): unknown[] => flat(buildMenuTemplate(() => {}, { mac: false, dev })).map((i) => i.role)
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']))
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('is installed as the application menu', () => {
    installMenu(() => {}, false)
    expect(Array.isArray(calls.menu)).toBe(true)
  })
})

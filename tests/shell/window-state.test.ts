import { describe, expect, it } from 'vitest'
import { createMainWindow } from '../../src-main/shell/window'
import { restorable, type WindowState } from '../../src-main/shell/window-state'

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window size and position', () => {
  it('restores what was saved when it is on a display', () => {
    const s: WindowState = { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: false }
    expect(restorable(s, SCREEN)).toEqual(s)
  })

  it('ignores a window left on a display that is gone, and damaged state', () => {
    expect(restorable({ bounds: { x: 2500, y: 80, width: 1000, height: 700 }, maximized: false }, SCREEN)).toBeNull()
    expect(restorable({ bounds: { x: 0, y: 0, width: 'big' }, maximized: false }, SCREEN)).toBeNull()
    expect(restorable(undefined, SCREEN)).toBeNull()
  })

  it('opens at the saved place, maximizes if it was, and hands back the bounds on close', () => {
    const saved: WindowState[] = []
    const win = createMainWindow({
      preload: '/p.cjs',
      rendererFile: '/r.html',
      state: { bounds: { x: 40, y: 30, width: 900, height: 640 }, maximized: true },
      saveState: (s) => saved.push(s)
    }) as unknown as { options: Record<string, unknown>; emit: (e: string) => void; maximized: boolean }
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 900, height: 640 })
    win.emit('ready-to-show')
    expect(win.maximized).toBe(true)
    win.emit('close')
    expect(saved).toEqual([{ bounds: { x: 40, y: 30, width: 900, height: 640 }, maximized: true }])
  })

  it('opens at the default size the first time', () => {
    const win = createMainWindow({ preload: '/p.cjs', rendererFile: '/r.html' }) as unknown as { options: Record<string, unknown> }
    expect(win.options).toMatchObject({ width: 1200, height: 820 })
  })
})

/**
 * Remembers the window's size and position between launches (a small JSON file in the data
 * folder, written atomically by electron-store), and never restores it off every screen.
 */
import * as v from 'valibot'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
const Int = v.pipe(v.number(), v.integer())
const StateSchema = v.object({
  bounds: v.object({ x: Int, y: Int, width: v.pipe(Int, v.minValue(200)), height: v.pipe(Int, v.minValue(200)) }),
  maximized: v.boolean()
})
export type WindowState = v.InferOutput<typeof StateSchema>

export const DEFAULT_SIZE = { width: 1200, height: 820 }

/** The saved state if it is valid and at least 100 x 50 px of its title area is on a display. */
export function restorable(saved: unknown, workAreas: Rect[]): WindowState | null {
  const parsed = v.safeParse(StateSchema, saved)
  if (!parsed.success) return null
  const b = parsed.output.bounds
  const visible = workAreas.some((a) => {
    const w = Math.min(b.x + b.width, a.x + a.width) - Math.max(b.x, a.x)
    const h = Math.min(b.y + 50, a.y + a.height) - Math.max(b.y, a.y)
    return w >= 100 && h >= 50
  })
  return visible ? parsed.output : null
}

/** What to pass to the store on close: the normal (not maximized) bounds and whether it was maximized. */
export function stateOf(win: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
}

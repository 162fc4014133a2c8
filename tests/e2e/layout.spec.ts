/** Narrow windows: History fits 900 px without sideways scrolling; the grading layout stacks. */
import { expect, openApp, test, WebShellProcess } from './fixtures'
import { startRound, syntheticHistory } from './helpers'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

test('History at 900 px: every column in view, no sideways scroll', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'idrill-e2e-900-'))
  await syntheticHistory(dir, 5)
  const shell = new WebShellProcess(dir)
  await shell.start()
  try {
    await page.setViewportSize({ width: 900, height: 800 })
    await openApp(page, shell)
    await page.getByRole('button', { name: 'History' }).first().click()
    await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible()
    await expect(page.locator('tbody tr').first()).toBeVisible()
    const status = page.locator('th[data-col-key="status"]')
    const box = (await status.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(900)
    const sideways = await page.evaluate(
      '[...document.querySelectorAll(".n-data-table-base-table-body, .n-scrollbar-container")].some((el) => el.scrollWidth > el.clientWidth + 1)'
    )
    expect(sideways).toBe(false)
  } finally {
    await shell.stop()
  }
})

test('the draft and the model answer stack on a narrow window and sit side by side on a wide one', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 1, seconds: 600 })
  await page.getByLabel('Answer draft').fill('my answer')
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  const draft = page.getByRole('heading', { name: 'Your draft' })
  const answer = page.getByRole('heading', { name: 'Model answer' })
  const side = async (): Promise<boolean> => (await draft.boundingBox())!.y === (await answer.boundingBox())!.y
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect.poll(side).toBe(true)
  await page.setViewportSize({ width: 760, height: 800 })
  await expect.poll(side).toBe(false)
  // The grade bar stays in view at the bottom.
  await expect(page.getByRole('button', { name: '3 partial' })).toBeInViewport()
})

/** Saves a screenshot of every screen, light and dark, to docs/screenshots/ (linked from the README). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, test, WebShellProcess } from '../fixtures'
import { answer, syntheticHistory } from '../helpers'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of every screen (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000)
    const dir = mkdtempSync(join(tmpdir(), `idrill-shots-${scheme}-`))
    await syntheticHistory(dir, 40)
    const shell = new WebShellProcess(dir)
    await shell.start()
    try {
      await page.emulateMedia({ colorScheme: scheme })
      const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), animations: 'disabled' })
      await openApp(page, shell)
      await shot('home')
      await page.getByRole('button', { name: 'New round' }).click()
      await expect(page.getByRole('heading', { name: 'Set up a round' })).toBeVisible()
      await shot('setup')
      await page.getByLabel('Number of questions').fill('2')
      await page.getByRole('button', { name: 'Start round' }).click()
      await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible()
      await page.getByLabel('Answer draft').fill('The API server validates, admission runs, then it is persisted to etcd…')
      await shot('interview')
      await answer(page, 4)
      await page.getByRole('checkbox').first().check()
      await page.getByText('Model answer', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.mouse.wheel(0, -60)
      await shot('interview-revealed')
      await page.getByRole('button', { name: 'Next question' }).click()
      await answer(page, 3)
      await page.getByRole('button', { name: 'Finish round' }).click()
      await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
      await shot('summary')
      await page.getByRole('button', { name: 'History' }).first().click()
      await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible()
      await expect(page.locator('tbody tr').first()).toBeVisible()
      await shot('history')
      await page.locator('tbody tr').nth(1).click()
      await expect(page.getByRole('heading', { name: /Session of/ })).toBeVisible()
      await shot('session')
    } finally {
      await shell.stop()
    }
  })
}

/** Screenshots of Home, Review and Statistics, light and dark, to docs/screenshots/ (linked from the README). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, test, WebShellProcess } from '../fixtures'
import { syntheticHistory } from '../helpers'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the review screens (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000)
    const dir = mkdtempSync(join(tmpdir(), `idrill-shots-review-${scheme}-`))
    await syntheticHistory(dir, 150)
    const shell = new WebShellProcess(dir)
    await shell.start()
    try {
      await page.emulateMedia({ colorScheme: scheme })
      const shot = (name: string, fullPage = false): Promise<Buffer> =>
        page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), animations: 'disabled', fullPage })
      await openApp(page, shell)
      await page.getByRole('button', { name: 'Review', exact: true }).click()
      const date = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10)
      await page.getByLabel('Interview date', { exact: true }).fill(date)
      await page.getByRole('button', { name: 'Save date' }).click()
      await expect(page.getByTestId('forecast')).toBeVisible()
      await expect(page.getByText('Interview date saved.')).toBeHidden({ timeout: 15_000 })
      await page.locator('li.group').first().getByRole('button').first().click()
      await expect(page.locator('li.question').first()).toBeVisible()
      await page.getByRole('heading', { name: 'Review', level: 1 }).scrollIntoViewIfNeeded()
      await shot('review')
      await page.getByTestId('forecast').scrollIntoViewIfNeeded()
      await shot('review-forecast')
      await page.getByRole('button', { name: 'Statistics', exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Practice calendar' })).toBeVisible()
      await page.waitForTimeout(800)
      await shot('statistics', true)
      await page.getByRole('button', { name: 'Home', exact: true }).click()
      await expect(page.getByText(/21 days ·/)).toBeVisible()
      await shot('today')
    } finally {
      await shell.stop()
    }
  })
}

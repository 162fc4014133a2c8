/** Saves the model answer of issue #13 (spoken answer, "Going deeper", follow-ups), light and dark, to docs/screenshots/. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, test, WebShellProcess } from '../fixtures'
import { startRound } from '../helpers'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
const BANKS = join(import.meta.dirname, '..', '..', 'fixtures', 'bank-format')

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of the spoken answer and follow-ups (${scheme})`, async ({ page }) => {
    const shell = new WebShellProcess(mkdtempSync(join(tmpdir(), `idrill-shots-ma-${scheme}-`)))
    process.env.INTERVIEW_DRILL_CONTENT_DIR = BANKS
    try {
      await shell.start()
    } finally {
      delete process.env.INTERVIEW_DRILL_CONTENT_DIR
    }
    try {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width: 1100, height: 1100 })
      await openApp(page, shell)
      await startRound(page, { questions: 1, asWritten: true })
      await page.getByLabel('Answer draft').fill('The limit becomes a CFS quota, so the container is throttled rather than killed…')
      await page.getByRole('button', { name: 'Reveal answer' }).click()
      await page.getByRole('button', { name: 'Going deeper' }).click()
      await page.getByRole('button', { name: 'Show answer to follow-up 1' }).click()
      await expect(page.getByText(/bursts hit the quota/)).toBeVisible()
      await page.getByText('Model answer', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.mouse.wheel(0, -60)
      await page.screenshot({ path: join(OUT, `model-answer-${scheme}.png`), animations: 'disabled' })
    } finally {
      await shell.stop()
    }
  })
}

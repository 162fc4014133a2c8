/** README screenshots for issue #11: the grading layout and the Settings screen, light and dark. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, test, WebShellProcess } from '../fixtures'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')

for (const scheme of ['light', 'dark'] as const) {
  test(`grading layout and settings (${scheme})`, async ({ page }) => {
    const shell = new WebShellProcess(mkdtempSync(join(tmpdir(), `idrill-shots-ui-${scheme}-`)))
    await shell.start()
    try {
      await page.setViewportSize({ width: 1280, height: 860 })
      await page.emulateMedia({ colorScheme: scheme })
      const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), animations: 'disabled' })
      await openApp(page, shell)
      await page.getByRole('button', { name: 'New round' }).click()
      await page.getByLabel('Number of questions').fill('3')
      await page.getByText('As written', { exact: true }).click()
      await page.getByRole('button', { name: 'Start round' }).click()
      await page
        .getByLabel('Answer draft')
        .fill(
          'The API server authenticates and authorizes the request, runs mutating then validating admission, and writes the object to etcd. ' +
            'The scheduler sees an unscheduled pod, filters and scores nodes, and binds it. The kubelet on that node pulls the image and starts the containers.'
        )
      await page.keyboard.press('Control+Enter')
      await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible()
      await page.getByRole('checkbox').first().check()
      await page.keyboard.press('4')
      await expect(page.getByText('✓ Grade saved')).toBeVisible()
      await page.locator('body').click({ position: { x: 5, y: 300 } })
      await shot('grading')
      await page.getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
      await shot('settings')
    } finally {
      await shell.stop()
    }
  })
}

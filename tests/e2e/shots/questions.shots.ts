/** issue-10: screenshots of the Questions screen, the question editor and the import preview, light and dark. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, openApp, test, WebShellProcess } from '../fixtures'
import { syntheticHistory } from '../helpers'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')
const NOTES = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'realistic', 'README.md')

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the question library (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000)
    const dir = mkdtempSync(join(tmpdir(), `idrill-shots-q-${scheme}-`))
    await syntheticHistory(dir, 40)
    const shell = new WebShellProcess(dir)
    await shell.start()
    try {
      await page.emulateMedia({ colorScheme: scheme })
      const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), animations: 'disabled' })
      await openApp(page, shell)
      await page.getByRole('button', { name: 'Questions', exact: true }).click()
      await page.getByText(/Banks: 0 of mine/).click()
      await page.getByLabel('New bank title').fill('My notes')
      await page.getByRole('button', { name: 'Create bank' }).click()
      await expect(page.getByText('banks/my-notes.md')).toBeVisible()
      await page.getByText(/Banks: 1 of mine/).click()
      const count = page.getByText(/^\d+ questions?$/)
      const all = (await count.textContent()) ?? ''
      await page.getByLabel('Search questions').fill('etcd quorum')
      await expect(count).not.toHaveText(all)
      await page.locator('tbody tr').first().getByRole('button').click()
      await expect(page.getByRole('button', { name: 'Practise now' })).toBeVisible()
      await shot('questions')

      await page.getByRole('button', { name: 'New question' }).click()
      await page.getByLabel('Question', { exact: true }).fill('What does a readiness probe decide?')
      await page.getByTestId('topics-select').click()
      await page.keyboard.type('workloads')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Escape')
      await page
        .getByLabel('Model answer (Markdown)')
        .fill(
          'Whether the Pod receives **Service traffic**: a failing readiness probe removes its address from the EndpointSlices, it does not restart the container.\n\n```yaml\nreadinessProbe:\n  httpGet: { path: /ready, port: 8080 }\n  periodSeconds: 5\n```'
        )
      await page.getByRole('button', { name: 'Add a key point' }).click()
      await page.getByRole('textbox', { name: 'Key point 1' }).fill('Not ready: out of the endpoints, not restarted')
      await shot('question-editor')

      await page.getByRole('button', { name: 'Questions', exact: true }).click()
      await page.getByRole('button', { name: 'Import…' }).click()
      await page.getByTestId('import-files').setInputFiles(NOTES)
      await expect(page.getByText(/found · \d+ ticked/)).toBeVisible()
      await shot('import-preview')
    } finally {
      await shell.stop()
    }
  })
}

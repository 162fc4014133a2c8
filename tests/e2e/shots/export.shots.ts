/**
 * README images for export and backup: pages of an exported scorecard and progress report PDF
 * (rendered with pdftoppm) and the Data screen. Written to docs/screenshots/ by `npm run screenshots`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, test, WebShellProcess } from '../fixtures'
import { answer, syntheticHistory } from '../helpers'

const OUT = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots')

async function download(page: Page, dir: string, format: string, options: string[] = []): Promise<string> {
  const dialog = page.getByRole('dialog')
  await dialog.getByText(format, { exact: true }).click()
  for (const o of options) await dialog.getByText(o).click()
  const wait = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await wait
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  return path
}

/** Page N of a PDF as a PNG in docs/screenshots. */
function pageImage(pdf: string, n: number, name: string): void {
  const prefix = join(mkdtempSync(join(tmpdir(), 'idrill-ppm-')), 'p')
  execFileSync('pdftoppm', ['-png', '-r', '90', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix])
  renameSync(`${prefix}.png`, join(OUT, `${name}.png`))
}

test('images of exported PDFs and of the Data screen', async ({ page }) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 'idrill-shots-export-'))
  await syntheticHistory(dir, 40)
  const shell = new WebShellProcess(dir)
  await shell.start()
  try {
    await openApp(page, shell)
    await page.getByRole('button', { name: 'New round' }).click()
    await page.getByLabel('Number of questions').fill('3')
    await page.getByRole('button', { name: 'Start round' }).click()
    await page.getByLabel('Answer draft').fill('Quorum is a majority: (n/2)+1 members. With 3 members one may fail.')
    await answer(page, 4)
    await page.getByRole('checkbox').first().check()
    await page.getByLabel('Note').fill('Повторить: кворум etcd и learner-члены.')
    await page.getByLabel('Note').blur()
    await expect(page.getByText('✓ Grade saved')).toBeVisible()
    await page.getByRole('button', { name: 'Next question' }).click()
    await answer(page, 2)
    await page.getByRole('button', { name: 'Next question' }).click()
    await answer(page, 5)
    await page.getByRole('button', { name: 'Finish round' }).click()
    await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()

    await page.getByRole('button', { name: 'Export…' }).click()
    const card = await download(page, dir, 'PDF', ['Include my drafts', 'Include model answers'])
    pageImage(card, 1, 'scorecard-pdf-page1')
    pageImage(card, 2, 'scorecard-pdf-page2')

    await page.getByRole('button', { name: 'History' }).first().click()
    await page.getByRole('button', { name: 'Progress report…' }).click()
    const report = await download(page, dir, 'PDF')
    pageImage(report, 1, 'progress-pdf-page1')

    await page.getByRole('button', { name: 'Data' }).click()
    await expect(page.getByRole('heading', { name: 'Data and backups' })).toBeVisible()
    await page.screenshot({ path: join(OUT, 'data-light.png'), animations: 'disabled' })
  } finally {
    await shell.stop()
  }
})

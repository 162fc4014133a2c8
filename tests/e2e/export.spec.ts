import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { answer, startRound } from './helpers'

const NOTE = 'Запомнить: кворум etcd'

/** Plays a two-question round to its summary, with a note in Cyrillic on the first answer. */
async function finishRound(page: Page): Promise<void> {
  await startRound(page, { questions: 2, seconds: 300, asWritten: true })
  await answer(page, 4)
  await page.getByLabel('Note').fill(NOTE)
  await page.getByLabel('Note').blur() // the note is saved when it loses focus
  await expect(page.getByText('✓ Grade saved')).toBeVisible()
  await page.getByRole('button', { name: 'Next question' }).click()
  await answer(page, 2)
  await page.getByRole('button', { name: 'Finish round' }).click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
}

/** Exports from the open screen in one format and returns the downloaded file's path. */
async function exportAs(page: Page, format: 'PDF' | 'Markdown' | 'CSV' | 'JSON', dir: string, button = 'Export…'): Promise<string> {
  await page.getByRole('button', { name: button }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByText(format, { exact: true }).click()
  await expect(dialog.getByRole('radio', { name: format, exact: true })).toBeChecked()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  await expect(page.getByText(`Downloaded ${file.suggestedFilename()}`)).toBeVisible()
  return path
}

async function historyRows(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'History' }).first().click()
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
  await expect(page.locator('tbody tr').first()).toBeVisible()
  return page.locator('tbody tr').allInnerTexts()
}

test('exports the finished round from the Summary screen in each format', async ({ page, shell }, info) => {
  const out = info.outputDir
  await openApp(page, shell)
  await finishRound(page)

  const pdf = await exportAs(page, 'PDF', out)
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Interview Drill scorecard')
  expect(text).toContain('4 — solid')
  expect(text).toContain('2 — vague')
  expect(text).toContain(NOTE)
  expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBeGreaterThanOrEqual(2)

  const md = readFileSync(await exportAs(page, 'Markdown', out), 'utf8')
  expect(md).toMatch(/^# Interview Drill scorecard/)
  expect(md).toContain('- **Grade:** 4 — solid')
  expect(md).toContain(`> ${NOTE}`)

  const rows = parse(readFileSync(await exportAs(page, 'CSV', out), 'utf8'), { columns: true }) as Record<string, string>[]
  expect(rows.map((r) => [r.question_number, r.rating, r.rating_label])).toEqual([
    ['1', '4', 'solid'],
    ['2', '2', 'vague']
  ])
  expect(rows[0].note).toBe(NOTE)

  const json = JSON.parse(readFileSync(await exportAs(page, 'JSON', out), 'utf8'))
  expect(json).toMatchObject({ format: 'interview-drill-export', version: 1, kind: 'sessions' })
  expect(json.sessions[0].questions.map((q: { rating: number }) => q.rating)).toEqual([4, 2])
  // The same texts in every format.
  for (const q of json.sessions[0].questions as { text: string }[]) {
    expect(md).toContain(q.text)
    expect(rows.some((r) => r.question === q.text || r.question === `'${q.text}`)).toBe(true)
  }
})

test('backs up, deletes all history, restores the same History; a corrupted archive is refused and History is unchanged', async ({
  page,
  shell
}, info) => {
  const out = info.outputDir
  await openApp(page, shell)
  await finishRound(page)
  await finishRound(page)
  const before = await historyRows(page)
  expect(before).toHaveLength(2)

  // Back up.
  await page.getByRole('button', { name: 'Data' }).click()
  await expect(page.getByRole('heading', { name: 'Data and backups' })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up now' }).click()
  const file = await download
  const archive = join(out, file.suggestedFilename())
  await file.saveAs(archive)
  expect(file.suggestedFilename()).toMatch(/^interview-drill-backup-.*\.tar\.gz$/)

  // Delete everything.
  await page.getByRole('button', { name: 'History' }).first().click()
  await page.getByRole('button', { name: 'Delete all history' }).click()
  await page.getByRole('button', { name: 'Delete all', exact: true }).click()
  await expect(page.getByText('No rounds yet. Your finished rounds appear here.')).toBeVisible()

  // Restore: what it holds is shown, and nothing happens before the confirmation.
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByLabel('Backup archive to restore').setInputFiles(archive)
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' })
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('Sessions')
  await expect(confirm.locator('dd').first()).toHaveText('2')
  await expect(confirm).toContainText('1: 0 · 2: 2 · 3: 0 · 4: 2 · 5: 0')
  await confirm.getByRole('button', { name: 'Replace with this backup' }).click()
  await expect(page.getByText(/Restored 2 sessions/)).toBeVisible()
  expect(await historyRows(page)).toEqual(before)

  // A corrupted archive: refused with a reason, History unchanged.
  const bytes = readFileSync(archive)
  const broken = join(out, 'broken.tar.gz')
  writeFileSync(broken, Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(64, 7), bytes.subarray(264)]))
  await page.getByRole('button', { name: 'Data' }).click()
  await page.getByLabel('Backup archive to restore').setInputFiles(broken)
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was changed' })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await historyRows(page)).toEqual(before)

  // From History: the ticked session as CSV, and a progress report.
  await page
    .getByRole('checkbox', { name: /^Select the session of/ })
    .first()
    .check()
  const rows = parse(readFileSync(await exportAs(page, 'CSV', out, 'Export 1 selected…'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[]
  expect(rows).toHaveLength(2)
  expect(new Set(rows.map((r) => r.session_id)).size).toBe(1)
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
  const report = await exportAs(page, 'PDF', out, 'Progress report…')
  expect(execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' })).toContain('Interview Drill progress report')
})

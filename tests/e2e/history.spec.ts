import { expect, openApp, test, WebShellProcess } from './fixtures'
import { answer, startRound, syntheticHistory } from './helpers'

test('a round cut off by SIGKILL is offered for resume with its grades, then finished', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 3, seconds: 600 })
  await answer(page, 4)
  await page.getByRole('button', { name: 'Next question' }).click()
  await answer(page, 2)
  await page.getByRole('button', { name: 'Next question' }).click()
  await expect(page.getByText('Question 3 of 3')).toBeVisible()

  await shell.stop('SIGKILL')
  await shell.start()
  await openApp(page, shell)
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Resume interrupted round?')).toBeVisible()
  await expect(dialog).toContainText('2 of 3')
  await dialog.getByRole('button', { name: 'Resume' }).click()

  await expect(page.getByText('Question 3 of 3')).toBeVisible()
  await expect(page.getByText('Paused', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Resume' }).first().click()
  await answer(page, 3)
  await page.getByRole('button', { name: 'Finish round' }).click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
  await expect(page.getByText('3.0 / 5')).toBeVisible()

  await page.getByRole('button', { name: 'History' }).first().click()
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('3.0')
})

test('a discarded interrupted round stays in History as abandoned', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 2, seconds: 600 })
  await answer(page, 5)
  await shell.stop('SIGKILL')
  await shell.start()
  await openApp(page, shell)
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click()
  await page.getByRole('button', { name: 'History' }).first().click()
  await expect(page.locator('tbody tr').first()).toContainText('abandoned')
})

test.describe('with 10,000 sessions in history', () => {
  test.setTimeout(180_000)
  let big: WebShellProcess

  test.beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'idrill-e2e-big-'))
    await syntheticHistory(dir, 10_000)
    big = new WebShellProcess(dir)
    await big.start()
  })
  test.afterAll(() => big.stop())

  test('History loads, pages, filters, searches and opens a session', async ({ page }) => {
    await openApp(page, big)
    await page.getByRole('button', { name: 'History' }).first().click()
    const rows = page.locator('tbody tr')
    // A cold first page of 10,000 sessions: allow for a loaded 2-core machine (the bench measures the speed).
    await expect(rows).toHaveCount(25, { timeout: 30_000 })
    await expect(page.getByText('10,000 sessions')).toBeVisible()

    await page.getByLabel('Search questions, drafts and notes').fill('remember vxlan')
    await expect(page.getByText(/^[\d,]+ of 10,000 sessions$/)).toBeVisible()
    const found = Number((await page.getByText(/^[\d,]+ of 10,000 sessions$/).textContent())!.split(' ')[0].replace(/,/g, ''))
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(10_000)
    await expect(page.getByRole('checkbox', { name: 'Best match first' })).toBeChecked()

    // #11: filter by difficulty and bank through the named comboboxes; main answers with the narrower list.
    const listed = (): Promise<unknown> => page.waitForResponse((r) => r.url().includes('/api/history%3Alist') && r.ok())
    let answered = listed()
    await page.getByRole('combobox', { name: 'Difficulty' }).click()
    await page.getByRole('option', { name: 'easy' }).click()
    await answered
    await page.keyboard.press('Escape')
    // The difficulty menu fades out: its options leave the page before the banks' are read (CI caught a race).
    await expect(page.getByRole('option')).toHaveCount(0)
    const byDifficulty = Number((await page.getByText(/^[\d,]+ of 10,000 sessions$/).textContent())!.split(' ')[0].replace(/,/g, ''))
    expect(byDifficulty).toBeGreaterThan(0)
    expect(byDifficulty).toBeLessThanOrEqual(found)
    answered = listed()
    await page.getByRole('combobox', { name: 'Banks' }).click()
    const bankTitle = (await page.getByRole('option').first().textContent())!.trim()
    await page.getByRole('option').first().click()
    await answered
    await page.keyboard.press('Escape')
    const byBank = Number((await page.getByText(/^[\d,]+ of 10,000 sessions$/).textContent())!.split(' ')[0].replace(/,/g, ''))
    expect(byBank).toBeGreaterThan(0)
    expect(byBank).toBeLessThanOrEqual(byDifficulty)
    await expect(page.getByRole('combobox', { name: 'Banks' })).toContainText(bankTitle)

    await rows.first().click()
    await expect(page.getByRole('heading', { name: /Session of/ })).toBeVisible()
    // #12: every word is found (as a word prefix), best match first.
    await expect(page.getByText(/\bremember\b/i).first()).toBeVisible()
    await expect(page.getByText(/\bvxlan/i).first()).toBeVisible()
    await expect(page.getByText('easy', { exact: true }).first()).toBeVisible() // a question of the chosen difficulty
  })
})

test('a session shows all attempts at a question, can be deleted with undo, and all history after a count', async ({ page, shell }) => {
  await openApp(page, shell)
  for (const grade of [2, 5] as const) {
    await startRound(page, { questions: 1, seconds: 600, asWritten: true })
    await page.getByLabel('Answer draft').fill(`draft graded ${grade}`)
    await answer(page, grade)
    await page.getByRole('button', { name: 'Finish round' }).click()
    await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
    await page.getByRole('button', { name: 'Back to home' }).click()
  }
  await page.getByRole('button', { name: 'History' }).first().click()
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(2)

  await rows.first().click()
  await expect(page.getByRole('heading', { name: /Session of/ })).toBeVisible()
  await expect(page.getByText('draft graded 5')).toBeVisible()
  // Both rounds asked the same question: its attempts show how the grade changed.
  await page.getByRole('button', { name: 'All attempts' }).first().click()
  await expect(page.getByText('2 attempts, oldest first')).toBeVisible()
  await expect(page.locator('.attempts li').nth(0)).toContainText('2 vague')
  await expect(page.locator('.attempts li').nth(1)).toContainText('5 interview-ready')
  await expect(page.locator('.attempts li').nth(1)).toContainText('this session')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Delete session' }).click()
  await expect(page.getByText('Session deleted')).toBeVisible()
  await expect(rows).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(2)

  await page.getByRole('button', { name: 'Delete all history' }).click()
  await expect(page.getByText('Delete all 2 sessions? This cannot be undone.')).toBeVisible()
  await page.getByRole('button', { name: 'Delete all', exact: true }).click()
  await expect(page.getByText('No rounds yet. Your finished rounds appear here.')).toBeVisible()
  await expect(rows).toHaveCount(0)
})

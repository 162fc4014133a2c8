import { expect, openApp, test } from './fixtures'
import { answer, secondsLeft, startRound } from './helpers'

test('a whole timed round: time runs out, reveal, grading by mouse and by keyboard, summary', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 2, seconds: 8 })
  await expect(page.getByText('Question 1 of 2')).toBeVisible()
  await page.getByLabel('Answer draft').fill('A majority of members must agree.')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible() // on disk before time runs out
  // Main's clock runs out: the answer is revealed and the draft locked, without a click.
  await expect(page.getByText('Time is up')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Reveal answer' })).toHaveCount(0)
  await expect(page.getByLabel('Answer draft')).not.toBeEditable()
  await expect(page.getByLabel('Answer draft')).toHaveValue('A majority of members must agree.')
  await page.getByRole('button', { name: '4 solid' }).click()
  await expect(page.getByRole('button', { name: '4 solid' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('checkbox').first().check()
  await page.getByRole('button', { name: 'Next question' }).click()

  // The second question, by keyboard only.
  await expect(page.getByText('Question 2 of 2')).toBeVisible()
  await page.getByRole('heading', { level: 2 }).first().click()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: '3 partial' })).toBeVisible()
  await page.keyboard.press('3')
  await expect(page.getByRole('button', { name: '3 partial' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('n')

  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
  await expect(page.getByText('3.5 / 5')).toBeVisible()
  await expect(page.getByText('63% (1 = 0%, 5 = 100%)')).toBeVisible()
})

test('a page reload mid-question shows the same question, draft and remaining time', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 3, seconds: 300 })
  const question = await page.getByRole('heading', { level: 2 }).first().textContent()
  await page.getByLabel('Answer draft').fill('kube-proxy programs iptables')
  await page.waitForTimeout(3_000)
  const before = await secondsLeft(page)
  const reloadStarted = Date.now()
  await page.reload()
  await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible()
  const after = await secondsLeft(page)
  // The clock lives in main: across the reload it loses no more than the wall time that passed (plus display rounding).
  const wallSeconds = Math.ceil((Date.now() - reloadStarted) / 1000)
  expect(before - after).toBeGreaterThanOrEqual(0)
  expect(before - after).toBeLessThanOrEqual(wallSeconds + 1)
  expect(before).toBeLessThanOrEqual(297)
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(question!)
  await expect(page.getByLabel('Answer draft')).toHaveValue('kube-proxy programs iptables')
})

test('pausing stops the clock, and Esc ends the round after a confirmation', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 2, seconds: 120 })
  await page.getByRole('heading', { level: 2 }).first().click()
  await page.keyboard.press('p')
  await expect(page.getByText('Paused', { exact: true })).toBeVisible()
  const paused = await secondsLeft(page)
  await page.waitForTimeout(2_500)
  expect(await secondsLeft(page)).toBe(paused)
  await page.getByRole('button', { name: 'Resume' }).first().click()
  await page.keyboard.press('Escape')
  await expect(page.getByText('End this round? Graded questions are kept.')).toBeVisible()
  await page.getByRole('button', { name: 'End round' }).last().click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
})

test('a finished round is in History after the app restarts', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 1 })
  await answer(page, 5)
  await page.getByRole('button', { name: 'Finish round' }).click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()

  await shell.stop()
  await shell.start()
  await openApp(page, shell)
  await page.getByRole('button', { name: 'History' }).first().click()
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible()
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('5.0')
  await expect(rows.first()).toContainText('finished')
})

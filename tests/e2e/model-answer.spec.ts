import { join } from 'node:path'
import { expect, openApp, test } from './fixtures'
import { answer, startRound } from './helpers'

// A fixture bank with spoken answers and follow-ups (the bundled banks get theirs with issue #13's content).
test.beforeAll(() => {
  process.env.INTERVIEW_DRILL_CONTENT_DIR = join(import.meta.dirname, '..', 'fixtures', 'bank-format')
})
test.afterAll(() => {
  delete process.env.INTERVIEW_DRILL_CONTENT_DIR
})

test('the reveal shows the spoken answer first, the detail under "Going deeper", then the follow-ups', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 1, asWritten: true })
  await expect(page.getByRole('heading', { level: 2 })).toContainText('CPU limit')
  // Nothing of the answer before the reveal.
  await expect(page.getByText('CFS quota')).toHaveCount(0)
  await expect(page.getByText('How would you tell that a service is being throttled?')).toHaveCount(0)

  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await expect(page.getByRole('heading', { name: 'Spoken answer', level: 3 })).toBeVisible()
  await expect(page.getByText(/A CPU limit is enforced by the CFS quota/)).toBeVisible()
  const deeper = page.getByRole('button', { name: 'Going deeper' })
  await expect(deeper).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByText('cat /sys/fs/cgroup/cpu.max')).toBeHidden()
  await deeper.focus()
  await page.keyboard.press('Enter')
  await expect(deeper).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByText('cat /sys/fs/cgroup/cpu.max')).toBeVisible()

  await expect(page.getByRole('heading', { name: 'How would you tell that a service is being throttled?', level: 4 })).toBeVisible()
  const show = page.getByRole('button', { name: 'Show answer to follow-up 2' })
  await expect(page.getByText(/the OOM killer ends a process/)).toBeHidden()
  await show.click()
  await expect(page.getByText(/the OOM killer ends a process/)).toBeVisible()

  // Grade and finish; the past session keeps the spoken answer and the follow-ups.
  await page.getByRole('button', { name: '4 solid' }).click()
  await page.getByRole('button', { name: 'Finish round' }).click()
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
  await page.getByRole('button', { name: 'History' }).first().click()
  // #11: History loads lazily; click the row once the session is listed.
  await expect(page.locator('tbody tr').first()).toContainText('finished')
  await page.locator('tbody tr').first().click()
  await page.getByRole('button', { name: 'Model answer', exact: true }).click() // #11: the disclosure is a named button
  await expect(page.getByRole('heading', { name: 'Spoken answer', level: 5 })).toBeVisible()
  await expect(page.getByText(/A CPU limit is enforced by the CFS quota/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'And what happens at the memory limit instead?', level: 6 })).toBeVisible()
})

test('follow-ups become questions of their own only when the setup includes them', async ({ page, shell }) => {
  await openApp(page, shell)
  await page.getByRole('button', { name: 'New round' }).click()
  await expect(page.getByText('3 questions match')).toBeVisible()
  await page.getByRole('checkbox', { name: 'Include the interviewer’s follow-ups as questions' }).check()
  await expect(page.getByText('6 questions match')).toBeVisible()
  await page.getByLabel('Number of questions').fill('6')
  await page.getByText('As written', { exact: true }).click()
  await page.getByRole('button', { name: 'Start round' }).click()
  for (let i = 0; i < 3; i++) {
    await expect(page.getByText(`Question ${i + 1} of 6`)).toBeVisible()
    await answer(page, 3)
    await page.getByRole('button', { name: 'Next question' }).click()
  }
  await expect(page.getByText('Question 4 of 6')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 })).toContainText('How would you tell that a service is being throttled?')
  await expect(page.getByText(/Follow-up to: What does a Pod's CPU limit do/)).toBeVisible()
})

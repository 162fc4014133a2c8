import { expect, openApp, test } from './fixtures'
import { answer, startRound } from './helpers'
import type { Page } from '@playwright/test'

/** Plays the round on screen, grading in order; returns the question texts. */
async function play(page: Page, grades: (1 | 2 | 3 | 4 | 5)[]): Promise<string[]> {
  const texts: string[] = []
  for (let i = 0; i < grades.length; i++) {
    await expect(page.getByText(`Question ${i + 1} of ${grades.length}`)).toBeVisible()
    texts.push(((await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '').trim())
    await answer(page, grades[i])
    await page.getByRole('button', { name: i === grades.length - 1 ? /Finish|Next question/ : 'Next question' }).click()
  }
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
  return texts
}

/** Home's "due in the next 14 days" bars, as main counted them. */
async function next14(page: Page): Promise<number[]> {
  await page.getByRole('button', { name: 'Home', exact: true }).click()
  const bars = page.getByRole('list', { name: 'Questions due per day, next 14 days' }).locator('li')
  await expect(bars).toHaveCount(14)
  return (await bars.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))).map((t) => Number(t.split(': ')[1]))
}

test('weak ones first on Review, drill them, the due list changes, and an interview date gives a forecast', async ({ page, shell }) => {
  await openApp(page, shell)
  await expect(page.getByTestId('best-round')).toHaveText('Start a first round')
  await startRound(page, { questions: 4, seconds: 120, asWritten: true })
  const [bad1, good1, bad2, good2] = await play(page, [1, 5, 2, 5])

  // Home: the two failed questions are due tomorrow; nothing today.
  const before = await next14(page)
  expect(before[0]).toBe(0)
  expect(before[1]).toBe(2)
  await expect(page.getByTestId('due-today')).toHaveText('0')

  // Review, by bank: the failed questions come first.
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible()
  await page.getByText('By bank').click()
  const group = page.locator('li.group').first()
  await group.getByRole('button').first().click()
  const questions = group.locator('li.question')
  await expect(questions.first()).toBeVisible()
  const order = (await questions.locator('.question__head button').allTextContents()).map((t) => t.replace(/^[▸▾]\s*/, '').trim())
  expect(order.slice(0, 2).sort()).toEqual([bad1, bad2].sort())
  expect(order.indexOf(good1)).toBeGreaterThan(1)
  expect(order.indexOf(good2)).toBeGreaterThan(1)
  // A question opens its attempts.
  await questions.first().locator('.question__head button').click()
  await expect(questions.first().getByRole('table')).toContainText(/^.*[12]/)

  // Drill the weakest two.
  await page.getByLabel('Questions in the drill round').fill('2')
  await page.getByRole('button', { name: 'Drill: Weakest questions' }).click()
  const drilled = await play(page, [4, 4])
  expect(drilled.sort()).toEqual([bad1, bad2].sort())

  // They are no longer due tomorrow: answered Good, they come back later.
  const after = await next14(page)
  expect(after[1]).toBe(0)
  expect(after.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2)

  // An interview date in ten days: the forecast per topic and a daily plan.
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('Interview date', { exact: true }).fill(date)
  await page.getByRole('button', { name: 'Save date' }).click()
  const forecast = page.getByTestId('forecast')
  await expect(forecast).toContainText('10 days to the interview')
  await expect(forecast.getByRole('table')).toContainText('On the day, with the plan')
  await expect(forecast).toContainText(/Answer \d+ questions? a day|Even \d+ questions a day/)
  await page.getByRole('button', { name: 'Home', exact: true }).click()
  await expect(page.getByText(/10 days ·/)).toBeVisible()
})

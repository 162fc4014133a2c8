import { expect, test } from './fixtures'
import { answer, startRound } from './helpers'

test('a round cut off by SIGKILL reads "interrupted" in History and can be resumed from there', async ({ page, shell }) => {
  await page.goto(shell.url)
  await startRound(page, { questions: 2, seconds: 600 })
  await answer(page, 4)
  await expect(page.getByText('✓ Grade saved')).toBeVisible() // on disk: what the kill must not lose
  await shell.stop('SIGKILL')
  await shell.start()

  // Land on History directly (a bookmark, a reload there): the offer is there too.
  await page.goto(`${shell.url}#/history`)
  await expect(page.locator('tbody tr').first()).toContainText('interrupted')
  const offer = page.getByTestId('resume-offer')
  await expect(offer).toContainText('1 of 2 questions graded')

  // And on Setup and Interview.
  await page.goto(`${shell.url}#/setup`)
  await expect(page.getByTestId('resume-offer')).toBeVisible()
  await page.goto(`${shell.url}#/round`)
  await expect(page.getByTestId('resume-offer')).toBeVisible()
  await page.getByTestId('resume-offer').getByRole('button', { name: 'Resume it' }).click()
  await expect(page.getByText('Question 1 of 2')).toBeVisible()
  await expect(page.getByText('Paused', { exact: true })).toBeVisible()
})

/** The browser version when its background process is gone, or the tab has no access token. */
import { expect, openApp, test } from './fixtures'
import { secondsLeft, startRound } from './helpers'

test('when the backend dies mid-round: a banner, the clock stops, no "Saved"', async ({ page, shell }) => {
  await openApp(page, shell)
  await startRound(page, { questions: 2, seconds: 300 })
  await shell.stop('SIGKILL')
  await page.getByLabel('Answer draft').fill('typed after the crash')
  await page.getByLabel('Answer draft').blur()
  await expect(page.getByRole('alert').filter({ hasText: 'The app stopped answering' })).toBeVisible()
  await expect(page.getByText(/^Not saved/)).toBeVisible()
  await expect(page.getByText('Saved', { exact: true })).toHaveCount(0)
  const stopped = await secondsLeft(page)
  await page.waitForTimeout(2_000)
  expect(await secondsLeft(page)).toBe(stopped)
})

test('a tab opened without the token says which address to open', async ({ page, shell }) => {
  await page.goto(shell.url.replace(/\?token=[^#]*/, ''))
  await expect(page.getByRole('alert').filter({ hasText: 'Open the app from its own address' })).toContainText('?token=')
})

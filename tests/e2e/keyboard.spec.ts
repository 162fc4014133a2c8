/**
 * A whole round and History without the mouse: only Tab, Enter, Space, shortcut keys and typing.
 * Every control reached by Tab shows a 2 px focus ring.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

/** Presses Tab until `target` has the focus (fails after `max` presses), then checks its focus ring. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (
      await target.evaluate((el) => el.ownerDocument.activeElement === el || el.contains(el.ownerDocument.activeElement)).catch(() => false)
    ) {
      expect(await page.evaluate(HAS_RING), 'a visible 2 px focus ring').toBe(true)
      return
    }
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

// In the page (strings: this project's Node typecheck has no DOM types).
/** The ring is on the focused element or on the Naive UI wrapper around a text field. */
const HAS_RING = `(() => {
  let el = document.activeElement
  for (let k = 0; el && k < 4; k++, el = el.parentElement) {
    const s = getComputedStyle(el)
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return true
  }
  return false
})()`

test('a whole round and History by keyboard only', async ({ page, shell }) => {
  await openApp(page, shell)

  // "?" lists the shortcuts; Escape closes the overlay.
  await page.keyboard.press('Shift+Slash')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()

  await tabTo(page, page.getByRole('button', { name: 'New round' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Set up a round' })).toBeVisible()
  await tabTo(page, page.getByRole('textbox', { name: 'Number of questions' }))
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('2')
  await tabTo(page, page.getByRole('button', { name: 'Start round' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible()

  // Question 1: type the draft, reveal from it with Ctrl+Enter, grade with a key, a note, Tab to Next.
  await tabTo(page, page.getByRole('textbox', { name: 'Answer draft' }))
  await page.keyboard.type('Pods are scheduled by filtering and scoring nodes.')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Answer draft' })).toHaveValue('Pods are scheduled by filtering and scoring nodes.')
  await expect(page.getByRole('textbox', { name: 'Answer draft' })).not.toBeEditable()
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0)
  await page.keyboard.press('4')
  await expect(page.getByRole('button', { name: '4 solid' })).toHaveAttribute('aria-pressed', 'true')
  await tabTo(page, page.getByRole('textbox', { name: 'Note' }))
  await page.keyboard.type('Mention taints.')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused()
  await page.keyboard.press('Enter')

  // Question 2: Space reveals, 2 grades, N finishes.
  await expect(page.getByText('Question 2 of 2')).toBeVisible()
  await page.locator('body').focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible()
  await page.keyboard.press('2')
  await expect(page.getByRole('button', { name: '2 vague' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('✓ Grade saved')).toBeVisible()
  await page.keyboard.press('n')
  await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()

  // History: sort by a focusable header, open the session, unfold a model answer.
  await tabTo(page, page.getByRole('button', { name: 'History' }).first())
  await page.keyboard.press('Enter')
  await expect(page.locator('tbody tr')).toHaveCount(1)
  const scoreHeader = page.locator('th[data-col-key="averageRating"]')
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'none')
  await tabTo(page, scoreHeader.getByRole('button'))
  await page.keyboard.press('Enter')
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending')
  await tabTo(page, page.locator('tbody tr').first().getByRole('link'))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: /Session of/ })).toBeVisible()
  const toggle = page.getByRole('button', { name: 'Model answer' }).first()
  await tabTo(page, toggle)
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
})

/**
 * axe-core on every screen, light and dark (WCAG 2.0/2.1/2.2 A + AA and best practice): any
 * violation fails. To add a screen, add an entry to SCREENS: a name and how to get there from the
 * previous screen (the walk runs in order, on one data folder with some history in it).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openApp, test, WebShellProcess } from './fixtures'
import { syntheticHistory } from './helpers'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

interface Screen {
  name: string
  /** Gets there from wherever the previous screen left the page; `base` is the app's address. */
  go: (page: Page, base: string) => Promise<void>
}

async function hashRoute(page: Page, base: string, hash: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${base.split('#')[0]}#${hash}`)
  await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible()
}

export const SCREENS: Screen[] = [
  { name: 'home', go: async (page) => void (await page.getByRole('button', { name: 'Home' }).first().click()) },
  {
    name: 'setup',
    go: async (page) => {
      await page.getByRole('button', { name: 'New round' }).first().click()
      await expect(page.getByRole('heading', { name: 'Set up a round' })).toBeVisible()
    }
  },
  {
    name: 'interview',
    go: async (page) => {
      await page.getByLabel('Number of questions').fill('2')
      await page.getByRole('button', { name: 'Start round' }).click()
      await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible()
      await page.getByLabel('Answer draft').fill('The scheduler filters and scores nodes.')
    }
  },
  {
    name: 'interview-revealed',
    go: async (page) => {
      await page.getByRole('button', { name: 'Reveal answer' }).click()
      await page.getByRole('button', { name: /^4 / }).click()
      await expect(page.getByRole('button', { name: /^4 / })).toHaveAttribute('aria-pressed', 'true')
    }
  },
  {
    name: 'paused',
    go: async (page) => {
      await page.getByRole('button', { name: 'Next question' }).click()
      await page.getByRole('button', { name: 'Pause' }).click()
      await expect(page.getByText('Paused', { exact: true })).toBeVisible()
    }
  },
  {
    name: 'summary',
    go: async (page) => {
      await page.getByRole('button', { name: 'Resume' }).click()
      await page.getByRole('button', { name: 'Reveal answer' }).click()
      await page.getByRole('button', { name: /^2 / }).click()
      await page.getByRole('button', { name: 'Finish round' }).click()
      await expect(page.getByRole('heading', { name: 'Round summary' })).toBeVisible()
    }
  },
  {
    name: 'history',
    go: async (page) => {
      await page.getByRole('button', { name: 'History' }).first().click()
      await expect(page.locator('tbody tr').first()).toBeVisible()
    }
  },
  {
    name: 'session',
    go: async (page) => {
      await page.locator('tbody tr').first().click()
      await expect(page.getByRole('heading', { name: /Session of/ })).toBeVisible()
    }
  },
  // Screens of #8, #9 and #10
  { name: 'review', go: (page, base) => hashRoute(page, base, '/review', /^Review$/) },
  { name: 'statistics', go: (page, base) => hashRoute(page, base, '/statistics', /^Statistics$/) },
  { name: 'questions', go: (page, base) => hashRoute(page, base, '/questions', /^Questions$/) },
  { name: 'import', go: (page, base) => hashRoute(page, base, '/questions/import', 'Import questions') },
  { name: 'data', go: (page, base) => hashRoute(page, base, '/data', 'Data and backups') },
  { name: 'settings', go: (page, base) => hashRoute(page, base, '/settings', 'Settings') },
  {
    name: 'shortcuts-overlay',
    go: async (page) => {
      await page.keyboard.press('Shift+Slash')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    }
  }
]

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  return result.violations.map((v) => `${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations on any screen (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000)
    const dir = mkdtempSync(join(tmpdir(), `idrill-axe-${scheme}-`))
    await syntheticHistory(dir, 30)
    const shell = new WebShellProcess(dir)
    await shell.start()
    try {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await openApp(page, shell)
      const found: Record<string, string[]> = {}
      for (const screen of SCREENS) {
        await screen.go(page, page.url())
        await page.waitForTimeout(250) // transitions settle
        const list = await violations(page)
        if (list.length) found[screen.name] = list
        console.log(`axe ${scheme} ${screen.name}: ${list.length} rule(s) violated${list.length ? '\n  ' + list.join('\n  ') : ''}`)
      }
      expect(found).toEqual({})
    } finally {
      await shell.stop()
    }
  })
}

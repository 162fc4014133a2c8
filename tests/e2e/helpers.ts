import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { generateHistory } from '../../scripts/synthetic-history'

export const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'banks')

/** Fills the setup form and starts a round. */
export async function startRound(
  page: Page,
  opts: { questions: number; seconds?: number; totalMinutes?: number; overtime?: boolean; asWritten?: boolean }
): Promise<void> {
  await page.getByRole('button', { name: 'New round' }).click()
  await expect(page.getByRole('heading', { name: 'Set up a round' })).toBeVisible()
  await page.getByLabel('Number of questions').fill(String(opts.questions))
  if (opts.seconds !== undefined) {
    await page.getByRole('checkbox', { name: 'Use each question’s suggested time' }).setChecked(false)
    await page.getByLabel('Seconds per question').fill(String(opts.seconds))
  }
  if (opts.totalMinutes !== undefined) await page.getByLabel('Total time limit (minutes)').fill(String(opts.totalMinutes))
  if (opts.overtime !== undefined) await page.getByRole('checkbox', { name: 'Allow overtime' }).setChecked(opts.overtime)
  if (opts.asWritten) await page.getByText('As written', { exact: true }).click()
  await page.getByRole('button', { name: 'Start round' }).click()
  await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible()
}

/** Reveals, grades and moves on, by mouse. */
export async function answer(page: Page, grade: 1 | 2 | 3 | 4 | 5): Promise<void> {
  const label = { 1: '1 blank', 2: '2 vague', 3: '3 partial', 4: '4 solid', 5: '5 interview-ready' }[grade]
  await page.getByRole('button', { name: 'Reveal answer' }).click()
  await page.getByRole('button', { name: label }).click()
  await expect(page.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true')
}

/** Seconds shown by the countdown ("1:05" → 65). */
export async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Time remaining' }).textContent()) ?? ''
  const m = /(\d+):(\d\d)/.exec(text)
  if (!m) throw new Error(`no time in "${text}"`)
  return Number(m[1]) * 60 + Number(m[2])
}

export async function syntheticHistory(dataDir: string, sessions: number): Promise<{ grades: number }> {
  const { banks } = await loadBankLibrary(CONTENT)
  return generateHistory(dataDir, banks, { sessions, questionsPerSession: 20 })
}

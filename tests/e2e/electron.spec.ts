/**
 * Smoke test of the real desktop app through Playwright's Electron driver. It runs wherever the
 * Electron binary is installed, and is reported as skipped, with the reason, where it is not (the
 * binary is downloaded from GitHub, which machines without that access cannot reach).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..', '..')

function electronBinary(): { path: string | null; reason: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathTxt = join(dir, 'path.txt')
    if (!existsSync(pathTxt))
      return {
        path: null,
        reason: `the Electron binary is not installed (no ${pathTxt}; its download from GitHub did not happen on this machine)`
      }
    const path = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim())
    return existsSync(path) ? { path, reason: '' } : { path: null, reason: `the Electron binary is missing at ${path}` }
  } catch (e) {
    return { path: null, reason: `the electron package cannot be resolved: ${(e as Error).message}` }
  }
}

const binary = electronBinary()

test('the desktop app opens a secure window and runs a round', async () => {
  if (!binary.path) console.log(`[electron smoke test] skipped: ${binary.reason}`)
  test.skip(!binary.path, binary.reason)
  const dataDir = mkdtempSync(join(tmpdir(), 'idrill-electron-'))
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [join(ROOT, 'out', 'main', 'index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, INTERVIEW_DRILL_DATA_DIR: dataDir }
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Interview Drill', level: 1 })).toBeVisible()
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    expect(await page.evaluate(() => Object.keys((globalThis as { api?: object }).api ?? {}).sort())).toEqual([
      'app',
      'banks',
      'history',
      'on',
      'round',
      'settings'
    ])
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getURL())).toMatch(/^file:/)
    await page.getByRole('button', { name: 'New round' }).click()
    await page.getByRole('button', { name: 'Start round' }).click()
    await page.getByRole('button', { name: 'Reveal answer' }).click()
    await page.getByRole('button', { name: '4 solid' }).click()
    await expect(page.getByRole('button', { name: '4 solid' })).toHaveAttribute('aria-pressed', 'true')
  } finally {
    await app.close()
  }
})

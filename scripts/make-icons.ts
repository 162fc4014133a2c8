/**
 * Renders build/icon.svg to build/icon.png (1024 x 1024, transparent corners) with the Chromium the
 * e2e tests use; electron-builder derives the macOS .icns and Windows .ico from that PNG.
 * `npx tsx scripts/make-icons.ts`
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'

const dir = join(import.meta.dirname, '..', 'build')
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
await page.locator('svg').screenshot({ path: join(dir, 'icon.png'), omitBackground: true })
await browser.close()
console.log('build/icon.png written')

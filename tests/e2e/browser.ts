/**
 * Finds a Chromium for the end-to-end tests, in this order: the CHROMIUM_PATH variable, a Chromium
 * that Playwright itself installed, Debian's /usr/bin/chromium. With none, it says how to get one.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function findChromium(): string {
  const candidates: [string, string | undefined][] = [
    ['CHROMIUM_PATH', process.env.CHROMIUM_PATH],
    ['Playwright’s own Chromium', safe(() => chromium.executablePath())],
    ['Debian’s chromium package', '/usr/bin/chromium']
  ]
  for (const [, path] of candidates) if (path && existsSync(path)) return path
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Looked at:',
      ...candidates.map(([what, path]) => `  - ${what}: ${path ?? '(not set)'}`),
      'Install one of them: `sudo apt-get install chromium` (Debian/Ubuntu), `npx playwright install chromium`',
      '(needs access to Playwright’s download host), or point CHROMIUM_PATH at a Chromium or Chrome binary.'
    ].join('\n')
  )
}

function safe(fn: () => string): string | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}

/** Flags that keep Chromium quiet on a machine with no network, and sandbox-free when run as root. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])
]

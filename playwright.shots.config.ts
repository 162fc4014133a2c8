/**
 * README screenshots: `npm run screenshots` drives the built renderer through the web shell and writes
 * docs/screenshots/*.png. Kept out of `npm test`, which must not modify tracked files.
 */
import { defineConfig } from '@playwright/test'
import base from './playwright.config'

export default defineConfig({ ...base, testDir: 'tests/e2e/shots', testMatch: '**/*.shots.ts', testIgnore: [] })

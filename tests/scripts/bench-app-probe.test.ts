import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { probeApp } from '../../scripts/bench-app-probe'
import { generateHistory } from '../../scripts/synthetic-history'

const root = mkdtempSync(join(tmpdir(), 'idrill-app-probe-test-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Issue #12: the bench's memory and warm-up rows come from the app itself, bundled, in a fresh process. */
describe('the windowless app probe', () => {
  it('starts the bundled app on a history folder, waits for history and review, and reports them', async () => {
    const { banks } = await loadBankLibrary(join(import.meta.dirname, '../../content/banks'))
    const data = join(root, 'data')
    await generateHistory(data, banks, { sessions: 12, questionsPerSession: 3, end: new Date('2026-01-01T00:00:00Z') })
    const r = await probeApp(data, 60_000)
    expect(r.sessions).toBe(12)
    expect(r.graded).toBe(36)
    expect(r.reviewMs).toBeGreaterThanOrEqual(r.historyMs)
    expect(r.historyMs).toBeGreaterThanOrEqual(r.readyMs)
    expect(r.loop.n).toBeGreaterThan(0)
    expect(r.rss).toBeGreaterThan(r.heapUsed)
  }, 60_000)

  it('says so when the app cannot start', async () => {
    const aFile = join(root, 'a-file')
    writeFileSync(aFile, 'not a data folder')
    await expect(probeApp(aFile, 30_000)).rejects.toThrow(/the app failed: .*(EEXIST|ENOTDIR)/)
  }, 60_000)
})

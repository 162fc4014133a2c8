import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import type { Bank } from '../../src-main/core/bank/types'
import { decodeResult, encodeResult } from '../../scripts/bench-child'
import { readSomeSessionFiles } from '../../scripts/bench-history-baselines'
import { runCold } from '../../scripts/bench-history-cold-run'
import { generateHistory } from '../../scripts/synthetic-history'

const CONTENT = join(import.meta.dirname, '../../content/banks')
let root = ''
let banks: Bank[] = []
let ids: string[] = []
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'idrill-bench-cold-'))
  banks = (await loadBankLibrary(CONTENT)).banks
  ids = (await generateHistory(join(root, 'data'), banks, { sessions: 30, questionsPerSession: 4, end: new Date('2026-01-01T00:00:00Z') }))
    .sessionIds
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the cold rows of the history bench, in a child process', () => {
  it('keeps NaN and Infinity through the child protocol', () => {
    const back = decodeResult<{ a: number; b: number; c: number; d?: number }>(encodeResult({ a: NaN, b: Infinity, c: 1.5, d: undefined }))
    expect(back.a).toBeNaN()
    expect(back.b).toBe(Infinity)
    expect(back.c).toBe(1.5)
  })

  it('measures cold loads and a cold search in a fresh process and returns them as rows', async () => {
    const input = { dataDir: join(root, 'data'), engineDir: join(root, 'engine'), sessions: 30, banks }
    const r = await runCold({ ...input, only: ['load', 'page', 'search:0'] })
    expect(Object.keys(r.groups).sort()).toEqual(['load', 'page', 'search:0'])
    const [load, stall] = r.groups.load
    expect(load.measure).toBe('cold load of derived indexes (new store, warmUp; folder warmed once)')
    expect(load.error).toBeUndefined()
    expect(load.n).toBe(5)
    expect(load.p50).toBeGreaterThan(0)
    expect(load.baseline).toBeGreaterThan(0)
    expect(load.note).toContain('measured in a fresh child process')
    expect(stall.measure).toBe('  longest event-loop stall during that cold load')
    expect(r.groups.page[0].measure).toBe('first History page, cold (new store, first list)')
    const search = r.groups['search:0'][0]
    expect(search.measure).toBe('text search "etcd" (a common word), cold (new store)')
    expect(search.baseline).toBe(r.scans.etcd.ms)
    expect(search.baselineName).toBe(`scan of the grade log on disk (${r.scans.etcd.found} sessions)`)
  }, 20_000)

  it('gives failed rows with the error when the child cannot measure or does not finish', async () => {
    const notADir = join(root, 'a-file')
    writeFileSync(notADir, 'not a data folder')
    const broken = await runCold({ dataDir: notADir, engineDir: join(root, 'engine2'), sessions: 30, banks, only: ['load'] })
    expect(broken.groups.load).toHaveLength(1)
    expect(broken.groups.load[0]).toMatchObject({ measure: 'cold load of the derived indexes', pass: false })
    expect(broken.groups.load[0].error).toMatch(/ENOTDIR/)

    const slow = await runCold({ dataDir: join(root, 'data'), engineDir: join(root, 'engine3'), sessions: 30, banks, timeoutMs: 50 })
    expect(Object.keys(slow.groups)).toHaveLength(8)
    for (const rows of Object.values(slow.groups)) {
      expect(rows).toHaveLength(1)
      expect(rows[0].pass).toBe(false)
      expect(rows[0].error).toMatch(/cold child process: did not finish within 0 s \(stopped\)/)
    }
  }, 20_000)

  it("reads every session file for the rebuild's baseline when time allows, else at least one to scale from", async () => {
    const H = join(root, 'data', 'history')
    const all = await readSomeSessionFiles(H, ids, 60_000)
    expect(all.read).toBe(30)
    expect(all.perFile).toBeGreaterThan(0)
    const one = await readSomeSessionFiles(H, ids, 0)
    expect(one.read).toBe(1)
    expect(one.perFile).toBeGreaterThan(0)
  })
})

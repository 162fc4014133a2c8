/**
 * Long fault tests, behind IDRILL_LONG_FAULTS=1 (minutes, not seconds): SIGKILL of a real child
 * process during an index rebuild of a 10,000-session history, and during rounds at random instants.
 * Each asserts that no file was deleted and every acknowledged grade is visible afterwards.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { decodeRecords } from '../../../src-main/core/fs/records'
import { historyQuery } from '../../../src-main/core/history/query'
import { HistoryStore } from '../../../src-main/core/history/store'
import { generateHistory } from '../../../scripts/synthetic-history'
import { FIXTURE_BANKS, tempDir } from '../../helpers/world'

const LONG = process.env.IDRILL_LONG_FAULTS === '1'
const WORKER = join(import.meta.dirname, '../../helpers/child-worker.ts')
const lookup = { questionText: (): undefined => undefined, bankTitle: () => undefined }

/** Runs the worker and SIGKILLs it after `ms`; returns what it printed. */
function runAndKill(args: string[], ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve(out)
    })
  })
}

describe.skipIf(!LONG)('long faults (IDRILL_LONG_FAULTS=1)', () => {
  it('a kill during the rebuild of a 10,000-session index never leaves a partial index', { timeout: 900_000 }, async () => {
    const dataDir = tempDir()
    const { banks } = await loadBankLibrary(join(import.meta.dirname, '../../../content/banks'))
    const gen = await generateHistory(dataDir, banks, { sessions: 10_000, questionsPerSession: 5 })
    const indexFile = join(dataDir, 'history', 'index.jsonl')
    const sessions = (): number => readdirSync(join(dataDir, 'history', 'sessions')).length
    for (const ms of [300, 900, 1500, 2500, 4000]) {
      rmSync(indexFile, { force: true })
      rmSync(join(dataDir, 'history', 'grades.jsonl'), { force: true })
      await runAndKill(['rebuild', dataDir], ms)
      if (existsSync(indexFile)) {
        const lines = decodeRecords<{ k: string }>(readFileSync(indexFile, 'utf8')).records.filter((r) => r.k === 's')
        expect(lines.length, `killed after ${ms} ms`).toBe(10_000)
      }
      expect(sessions()).toBe(10_000)
    }
    const store = new HistoryStore(dataDir)
    await store.open()
    expect((await store.list(historyQuery(), lookup)).all).toBe(10_000)
    expect((await store.list(historyQuery({ text: 'etcd' }), lookup)).total).toBeGreaterThan(0)
    expect(gen.sessionIds).toHaveLength(10_000)
  })

  it('SIGKILL at random instants of rounds loses no acknowledged grade', { timeout: 900_000 }, async () => {
    const dataDir = tempDir()
    const acked = new Map<string, number>()
    for (let n = 0; n < 20; n++) {
      const out = await runAndKill(['rounds', dataDir, FIXTURE_BANKS], 800 + Math.floor(Math.random() * 1200))
      for (const m of out.matchAll(/^ack (\S+) (\d) (\d)$/gm)) acked.set(`${m[1]}#${m[2]}`, Number(m[3]))
    }
    expect(acked.size).toBeGreaterThan(0)
    const store = new HistoryStore(dataDir)
    await store.open()
    const ids = new Set([...acked.keys()].map((k) => k.split('#')[0]))
    for (const id of ids) {
      const state = await store.read(id)
      for (const [i, a] of state.attempts.entries()) if (acked.has(`${id}#${i}`)) expect(a.grade?.rating).toBe(acked.get(`${id}#${i}`))
    }
    const listed = new Set((await store.list(historyQuery({ limit: 500 }), lookup)).items.map((s) => s.id))
    for (const id of ids) expect(listed.has(id), id).toBe(true)
  })
})

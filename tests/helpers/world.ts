/** A real app core on a temp folder with a manual clock: real files, real banks, controllable time. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { HistoryStore } from '../../src-main/core/history/store'
import { ManualClock } from '../../src-main/core/session/clock'
import { RoundEngine } from '../../src-main/core/session/engine'
import type { RoundEvent, RoundSetup } from '../../src-main/core/session/types'

export const FIXTURE_BANKS = join(import.meta.dirname, '../fixtures/banks')

export function tempDir(prefix = 'idrill-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function setup(overrides: Partial<RoundSetup> = {}): RoundSetup {
  return {
    bankIds: [],
    topics: [],
    difficulties: [],
    questionCount: 2,
    secondsPerQuestion: 60,
    order: 'as-written',
    totalMinutes: null,
    allowOvertime: false,
    ...overrides
  }
}

export async function world(dataDir = tempDir(), clock = new ManualClock()) {
  const { banks } = await loadBankLibrary(FIXTURE_BANKS)
  const store = new HistoryStore(dataDir)
  await store.open()
  const events: RoundEvent[] = []
  const engine = new RoundEngine({ log: store, clock, banks: () => banks, emit: (e) => events.push(e) })
  await engine.init()
  return { dataDir, clock, store, engine, events, banks }
}

/** Lets queued timer callbacks (which run through the engine's queue) finish. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20))

/**
 * A worker from TypeScript source (the app runs the built files): a `data:` URL whose `body` may
 * `await load(relativePath)` a module of the project through tsx (tsx's `--import` does not reach
 * worker threads).
 */
export function sourceWorker(body: string): URL {
  const root = pathToFileURL(join(import.meta.dirname, '../../')).href
  const prelude = `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}
const load = (rel) => { const url = new URL(rel, ${JSON.stringify(root)}).href; return tsImport(url, url) }
`
  return new URL(`data:text/javascript,${encodeURIComponent(prelude + body)}`)
}

/** The rebuild worker from its source. */
export const REBUILD_WORKER = sourceWorker(`await load('src-main/core/history/rebuild-worker.ts')`)

/**
 * Runs the windowless app (scripts/bench-app.ts) in a child process, bundled as the shipped main
 * process is: esbuild makes one ES module of it (dependencies left to node_modules), and plain Node
 * runs it, so no TypeScript loader counts in its memory. Used by the history bench's memory and
 * warm-up rows (issue #12).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'

const run = promisify(execFile)

export interface AppProbe {
  /** From the process's start until the bundle and its dependencies were loaded. */
  loadMs: number
  readyMs: number
  historyMs: number
  reviewMs: number
  graded: number
  sessions: number
  loop: { n: number; p50: number; p99: number; max: number }
  rss: number
  heapUsed: number
  arrayBuffers: number
}

const root = join(import.meta.dirname, '..')

/**
 * Bundles `entry` as the shipped main process is bundled: one ES module, dependencies left to
 * node_modules (the bundle sits in the project so that its imports resolve). Returns its path.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outfile = join(root, 'node_modules', '.cache', `idrill-${name}-${process.pid}.mjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error'
  })
  return outfile
}

/** Starts the app on `dataDir` in a fresh Node process and waits for its warm-up; throws after `timeoutMs`. */
export async function probeApp(dataDir: string, timeoutMs: number): Promise<AppProbe> {
  const work = mkdtempSync(join(tmpdir(), 'idrill-app-probe-'))
  const out = await bundleForNode(join(import.meta.dirname, 'bench-app.ts'), 'app-probe')
  const worker = await bundleForNode(join(root, 'src-main/core/history/rebuild-worker.ts'), 'rebuild-worker')
  try {
    const args = ['--expose-gc', out, dataDir, work, join(root, 'content'), worker]
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20, timeout: timeoutMs }).catch(
      (e: { stderr?: string; message: string; killed?: boolean }) => {
        if (e.killed) throw new Error(`the app did not finish its warm-up within ${Math.round(timeoutMs / 1000)} s (stopped)`)
        const lines = (e.stderr || e.message).split('\n').filter((l) => l.trim() && !/^\s+at /.test(l))
        throw new Error(`the app failed: ${lines.filter((l) => /\w*Error\b/.test(l)).pop() ?? lines.pop()}`)
      }
    )
    return JSON.parse(stdout.trim().split('\n').pop()!) as AppProbe
  } finally {
    for (const f of [out, worker, work]) rmSync(f, { recursive: true, force: true })
  }
}

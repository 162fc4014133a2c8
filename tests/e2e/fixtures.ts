/**
 * The loopback web shell as a Playwright fixture: the real main-process handlers in a child process
 * (tsx src-main/web.ts) on a temp data folder, serving the built renderer. Tests can kill it (even
 * with SIGKILL) and start it again on the same folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..', '..')

export class WebShellProcess {
  child: ChildProcess | null = null
  url = ''
  log = ''

  constructor(readonly dataDir: string) {}

  async start(): Promise<string> {
    this.log = ''
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'web.ts'), '--data-dir', this.dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    this.child = child
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${this.log}`)), 30_000)
      const onData = (chunk: Buffer): void => {
        this.log += chunk.toString()
        const m = /READY (\S+)/.exec(this.log)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', (c: Buffer) => (this.log += c.toString()))
      child.on('exit', (code) => reject(new Error(`web shell exited (${code}):\n${this.log}`)))
    })
    return this.url
  }

  /** Stops the process; SIGKILL models a crash or power loss (nothing gets to run). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill(signal)
    await exited
    this.child = null
  }
}

export const test = base.extend<{ shell: WebShellProcess; dataDir: string }>({
  dataDir: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'idrill-e2e-')))
  },
  shell: async ({ dataDir }, use) => {
    const shell = new WebShellProcess(dataDir)
    await shell.start()
    await use(shell)
    await shell.stop()
  }
})

export { expect }

/** Opens the app and waits until it has talked to main. */
export async function openApp(page: Page, shell: WebShellProcess): Promise<void> {
  await page.goto(shell.url)
  await expect(page.getByRole('heading', { name: 'Interview Drill', level: 1 })).toBeVisible()
}

/**
 * What electron-builder would package, checked without the Electron binary (it cannot be
 * downloaded here): the configuration validates against electron-builder's schema, and the output of
 * `electron-vite build` (run before the e2e suite) is what the config and package.json point at.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { expect, test } from '@playwright/test'
import { runRebuildWorker } from '../../src-main/core/history/rebuild-worker-run'
import { syntheticHistory } from './helpers'

const ROOT = join(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  engines: { node: string }
  dependencies: Record<string, string>
  scripts: Record<string, string>
}
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[]
  asarUnpack: string[]
  extraResources: { from: string; to: string }[]
  afterPack: string
  mac: { extendInfo: Record<string, string> }
  linux: { target: string[] }
  win: { target: string }
}

/** `**`, `*` and `?` glob → RegExp over forward-slash paths. */
function globRe(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '@@GLOBSTAR@@')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/@@GLOBSTAR@@/g, '(?:.*/)?.*')
  return new RegExp(`^${re}$`)
}
function files(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => join(dir, f))
    .filter((f) => statSync(join(ROOT, f)).isFile())
    .map((f) => relative(ROOT, join(ROOT, f)).split('\\').join('/'))
}

test('the electron-builder configuration validates against its schema', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration: (c: unknown, l: unknown) => Promise<void>
  }
  const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown }
  await validateConfiguration(config, new DebugLogger(false))
  expect(config.linux.target).toEqual(['AppImage', 'deb'])
  expect(config.win.target).toBe('nsis')
  expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/)
  expect(pkg.scripts.dist).toContain('electron-builder')
  expect(pkg.engines.node).toBe('>=22.12')
})

test('the build output is what package.json "main" and the config "files" point at', () => {
  expect(existsSync(join(ROOT, pkg.main)), `${pkg.main} (run electron-vite build)`).toBe(true)
  const out = files('out')
  const included = out.filter((f) => config.files.filter((p) => !p.startsWith('!')).some((p) => globRe(p).test(f)))
  const mainPath = pkg.main.replace(/^\.\//, '')
  for (const needed of [mainPath, 'out/main/rebuild-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
    expect(included).toContain(needed)
  // The renderer's own files are all in the package (index.html loads them by relative path).
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')
  for (const [, src] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) expect(included).toContain(`out/renderer/${src}`)
})

test('every package main imports at run time is a production dependency (electron-builder ships only those)', () => {
  // The entry, the rebuild worker (#12) and the chunks they share.
  const code = files('out/main')
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(ROOT, f), 'utf8'))
    .join('\n')
  // Static and lazy imports (pdfmake is loaded on the first PDF).
  const bare = [...code.matchAll(/(?:from\s+|import\()["']([^"'./][^"']*)["']/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'))
  const roots = new Set(bare.map((m) => (m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : m.split('/')[0])))
  roots.delete('electron')
  for (const r of roots) expect(Object.keys(pkg.dependencies), r).toContain(r)
})

test('asarUnpack, extra resources, icons and the fuse hook point at files that exist', () => {
  for (const pattern of config.asarUnpack) {
    const dir = pattern.split('/').slice(0, 2).join('/')
    expect(
      files(dir).some((f) => globRe(pattern).test(f)),
      pattern
    ).toBe(true)
  }
  for (const r of config.extraResources) expect(files(r.from).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0)
  expect(existsSync(join(ROOT, 'build/icon.png'))).toBe(true)
  const hook = require(join(ROOT, config.afterPack)) as {
    fuseConfig: (p: string, a: string) => Record<string | number, unknown>
    binaryPath: (c: unknown) => string
  }
  const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> }
  const linux = hook.fuseConfig('linux', 'x64')
  expect(linux[FuseV1Options.RunAsNode]).toBe(false)
  expect(linux[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
  expect(linux[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  expect(linux[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  expect(hook.fuseConfig('darwin', 'arm64')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
  const ctx = (platform: string) => ({
    appOutDir: '/o',
    electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'Interview Drill' }, executableName: 'interview-drill' }
  })
  expect(hook.binaryPath(ctx('linux'))).toBe('/o/interview-drill')
  expect(hook.binaryPath(ctx('darwin'))).toBe('/o/Interview Drill.app')
  expect(hook.binaryPath(ctx('win32'))).toBe('/o/Interview Drill.exe')
})

// #12: the main process starts out/main/rebuild-worker.js (Electron, and the web shell the e2e tests
// drive) when the history indexes are lost or damaged; here the built file runs in a worker thread.
test('the built rebuild worker rebuilds lost history indexes from the session files', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idrill-worker-'))
  const { grades } = await syntheticHistory(dataDir, 50)
  const history = join(dataDir, 'history')
  for (const f of ['index.jsonl', 'grades.jsonl', 'search.jsonl', 'list.jsonl']) rmSync(join(history, f), { force: true })
  const problems: unknown[] = []
  await runRebuildWorker(join(ROOT, 'out/main/rebuild-worker.js'), { dataDir, damaged: [] }, (p) => problems.push(p))
  expect(problems).toEqual([])
  const summaries = readFileSync(join(history, 'index.jsonl'), 'utf8').trim().split('\n')
  expect(summaries).toHaveLength(1 + 50) // a header and one summary a session
  expect(readFileSync(join(history, 'grades.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1 + grades)
  for (const f of ['search.jsonl', 'list.jsonl']) expect(statSync(join(history, f)).size, f).toBeGreaterThan(0)
  rmSync(dataDir, { recursive: true, force: true })
})

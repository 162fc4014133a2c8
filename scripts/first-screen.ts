/**
 * The first screen, measured (issue #11): the JS the browser must fetch before Home can run
 * (index.html's entry script and its modulepreloads, gzip -9), and the time until Home is
 * interactive ("New round" enabled) against an empty Vue page (one heading), built minified by the
 * same Vite and served by the same loopback web shell, in the same Chromium, alternating, 7 runs
 * each. Needs `electron-vite build` first. `npm run bench:first-screen`
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import Conf from 'conf'
import { chromium, type Page } from '@playwright/test'
import { createAppServices } from '../src-main/services'
import { createDispatcher } from '../src-main/handlers'
import { startWebShell } from '../src-main/shell/web-server'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'

const ROOT = join(import.meta.dirname, '..')
const RENDERER = join(ROOT, 'out', 'renderer')
const RUNS = 7

/** Bytes of JS loaded before the first screen runs: the entry and what index.html preloads. */
export function initialJs(dir: string): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1])
  let raw = 0
  let gzip = 0
  for (const f of files) {
    const buf = readFileSync(join(dir, f))
    raw += buf.length
    gzip += gzipSync(buf, { level: 9 }).length
  }
  return { files, raw, gzip }
}

async function emptyVuePage(): Promise<string> {
  const src = mkdtempSync(join(tmpdir(), 'idrill-empty-vue-'))
  writeFileSync(
    join(src, 'index.html'),
    '<!doctype html><html lang="en"><body><div id="app"></div><script type="module" src="./main.js"></script></body></html>'
  )
  writeFileSync(
    join(src, 'main.js'),
    "import { createApp, h } from 'vue'\ncreateApp({ render: () => h('h1', 'Interview Drill') }).mount('#app')\n"
  )
  const out = join(src, 'dist')
  await build({
    root: src,
    base: './',
    logLevel: 'silent',
    resolve: { alias: { vue: join(ROOT, 'node_modules/vue/dist/vue.runtime.esm-bundler.js') } },
    build: { outDir: out, minify: true }
  })
  return out
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Milliseconds from navigation start until the page's ready text is on screen (see WATCH),
 * recorded in the page by a MutationObserver: Playwright's own polling is too coarse for this.
 */
async function timeTo(page: Page, url: string): Promise<number> {
  await page.goto('about:blank')
  await page.goto(url)
  await page.waitForFunction(`window.__readyAt !== undefined`, undefined, { timeout: 30_000 })
  return page.evaluate('window.__readyAt') as Promise<number>
}

/** An init script: notes when an enabled button or heading with exactly `text` appears. */
const WATCH = (text: string): string => `(() => {
  const check = () => {
    if (window.__readyAt !== undefined) return
    for (const el of document.querySelectorAll('button, h1')) {
      if (el.textContent.trim() === ${JSON.stringify(text)} && !el.disabled) { window.__readyAt = performance.now(); return }
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

const dataDir = mkdtempSync(join(tmpdir(), 'idrill-first-screen-'))
const services = await createAppServices({
  dataDir,
  contentDir: join(ROOT, 'content', 'banks'),
  version: 'bench',
  openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'interview-drill' }) as never,
  emit: () => {},
  warmUpDelayMs: null
})
const dispatch = createDispatcher(services)
const app = await startWebShell({ dispatch, rendererDir: RENDERER, token: 'bench' })
const emptyDir = await emptyVuePage()
const empty = await startWebShell({ dispatch, rendererDir: emptyDir, token: 'bench' })

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const appPage = await browser.newPage()
await appPage.addInitScript(WATCH('New round'))
const basePage = await browser.newPage()
await basePage.addInitScript(WATCH('Interview Drill'))
const home: number[] = []
const base: number[] = []
for (let i = 0; i < RUNS + 1; i++) {
  const h = await timeTo(appPage, app.url)
  const b = await timeTo(basePage, empty.url)
  if (i > 0) {
    home.push(h)
    base.push(b)
  } // the first pair warms the disk cache and Chromium
}
await browser.close()
await app.close()
await empty.close()
await services.rounds.shutdown()

const js = initialJs(RENDERER)
const baseJs = initialJs(emptyDir)
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`
const ratio = median(home) / median(base)
console.log('| measure | value | baseline (same run) | ratio | goal |')
console.log('| --- | --- | --- | --- | --- |')
console.log(
  `| initial JS, gzip (${js.files.length} files) | ${kb(js.gzip)} (${kb(js.raw)} raw) | empty Vue page ${kb(baseJs.gzip)} | ${(js.gzip / baseJs.gzip).toFixed(1)}x | ≤ 350 KB gzip |`
)
console.log(
  `| Home interactive, median of ${RUNS} | ${median(home).toFixed(0)} ms | empty Vue page ${median(base).toFixed(0)} ms | ${ratio.toFixed(2)}x | ≤ 2x |`
)
process.exit(js.gzip <= 350 * 1024 && ratio <= 2 ? 0 : 1)

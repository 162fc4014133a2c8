/**
 * Entry of the loopback web shell (no Electron): `npx tsx src-main/web.ts [--data-dir DIR] [--port N]`.
 * Prints one line `READY <url>` when it serves. Used by the end-to-end tests and `npm run web`.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Conf from 'conf'
import { createAppServices } from './services'
import { createDispatcher } from './handlers'
import { startWebShell, type WebShell } from './shell/web-server'
import { defaultDataDir } from './shell/paths'
import { WebFiles } from './shell/web-files'

const root = join(import.meta.dirname, '..')
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } })
const dataDir = values['data-dir'] ?? process.env.INTERVIEW_DRILL_DATA_DIR ?? defaultDataDir()
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

const served: { shell?: WebShell } = {}
const files = new WebFiles()
const services = await createAppServices({
  dataDir,
  // #13: the e2e tests may serve a fixture bank folder instead of the bundled banks
  contentDir: process.env.INTERVIEW_DRILL_CONTENT_DIR ?? join(root, 'content', 'banks'),
  version: pkg.version,
  openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'interview-drill' }) as never,
  emit: (event, payload) => served.shell?.broadcast(event, payload),
  watchBanks: true, // issue-10
  // #12: the rebuild worker the build made (npm run web and the e2e tests build first), as Electron runs it
  historyWorker: join(root, 'out', 'main', 'rebuild-worker.js'),
  files
})
const shell = await startWebShell({
  dispatch: createDispatcher(services),
  rendererDir: join(root, 'out', 'renderer'),
  token: process.env.INTERVIEW_DRILL_TOKEN ?? randomBytes(24).toString('hex'),
  port: values.port ? Number(values.port) : 0,
  files
})
served.shell = shell
console.log(`READY ${shell.url}`)

const stop = async (): Promise<void> => {
  await services.rounds.shutdown()
  await services.catalog.close()
  await shell.close()
  await files.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where Electron's userData would be for this app, for the web shell when no folder is given. */
export function defaultDataDir(): string {
  const name = 'Interview Drill'
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name)
}

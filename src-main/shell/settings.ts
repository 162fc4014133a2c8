import ElectronStore from 'electron-store'
import type { KeyValueFile } from '../core/settings'

/** Settings live in electron-store (atomic JSON file) in the data folder. */
export function openElectronSettings(dataDir: string): KeyValueFile {
  return new ElectronStore({ cwd: dataDir, name: 'settings', clearInvalidConfig: false }) as unknown as KeyValueFile
}

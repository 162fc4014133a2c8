import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/** Tests that load a shell (Electron main, preload, electron-store) and so get Electron's stand-in. */
const SHELL_TESTS = ['tests/shell/**/*.test.ts', 'tests/main/preload.test.ts']

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@renderer': resolve('src-renderer/src'),
      '@contract': resolve('src-main/contract.ts'),
      '@shared': resolve('src-main/shared.ts')
    }
  },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        // The domain, handlers and renderer: no Electron here, so a stray `electron` import fails.
        extends: true,
        resolve: { alias: { electron: resolve('tests/stubs/no-electron.ts') } },
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'node_modules/**', ...SHELL_TESTS] }
      },
      {
        // The Electron binary cannot run here: the shells are tested against a small stub.
        extends: true,
        resolve: { alias: { electron: resolve('tests/stubs/electron.ts') } },
        test: {
          name: 'shell',
          include: SHELL_TESTS,
          // Let the real electron-store load through Vite so that its `electron` import gets the stub.
          server: { deps: { inline: ['electron-store'] } }
        }
      }
    ]
  }
})

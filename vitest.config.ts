import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@renderer': resolve('src-renderer/src'),
      '@contract': resolve('src-main/contract.ts'),
      '@shared': resolve('src-main/shared.ts'),
      // The Electron binary cannot run here: the shell is tested against a small stub.
      electron: resolve('tests/stubs/electron.ts')
    }
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Let the real electron-store load through Vite so that its `electron` import gets the stub.
    server: { deps: { inline: ['electron-store'] } },
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks'
  }
})

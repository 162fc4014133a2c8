import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const alias = {
  '@renderer': resolve('src-renderer/src'),
  '@contract': resolve('src-main/contract.ts'),
  '@shared': resolve('src-main/shared.ts')
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          // #12: a rebuild of the history indexes runs in a worker thread (out/main/rebuild-worker.js)
          'rebuild-worker': resolve('src-main/core/history/rebuild-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // sandbox: true needs one self-contained CommonJS file: bundle every dependency into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    root: resolve('src-renderer'),
    resolve: {
      alias: {
        ...alias,
        // ---- first screen (#11): Chromium has ResizeObserver; vueuc's polyfill is dead weight ----
        '@juggle/resize-observer': resolve('src-renderer/src/lib/native-resize-observer.ts')
      }
    },
    build: {
      outDir: resolve('out/renderer'),
      // ---- first screen (#11): a minified production bundle; screens load on demand ----
      minify: true,
      reportCompressedSize: false,
      rollupOptions: {
        input: { index: resolve('src-renderer/index.html') },
        // Everything the first screen needs in one file (lazy screens import from it): a browser
        // opens at most 6 connections per host, so a 7th initial file waits a whole round trip.
        output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } }
      }
    },
    plugins: [vue()]
  }
})

import { defineConfig } from 'eslint/config'
import tseslint from '@electron-toolkit/eslint-config-ts'
import eslintConfigPrettier from '@electron-toolkit/eslint-config-prettier'
import eslintPluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

export default defineConfig(
  { ignores: ['**/node_modules', '**/dist', '**/out', 'test-results', 'playwright-report', '.tmp'] },
  tseslint.configs.recommended,
  eslintPluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { ecmaFeatures: { jsx: true }, extraFileExtensions: ['.vue'], parser: tseslint.parser }
    }
  },
  {
    files: ['**/*.{ts,mts,tsx,vue}'],
    rules: {
      'vue/require-default-prop': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Electron's stand-in and Playwright fixtures use empty patterns and loose types on purpose.
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', '@typescript-eslint/explicit-function-return-type': 'off' }
  },
  {
    // The domain imports nothing from Electron, the contract, the handlers/services or the shells.
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-main/core runs without Electron: pass what you need in through a port.' },
            { name: 'electron-store', message: 'src-main/core runs without Electron: settings files come in as a KeyValueFile.' }
          ],
          patterns: [
            {
              group: [
                'electron/*',
                '**/contract',
                '**/contract.ts',
                '**/handlers',
                '**/services',
                '**/shell/**',
                '**/web',
                '**/preload',
                '**/index',
                '**/api-surface',
                '**/src-renderer/**'
              ],
              message:
                'src-main/core is the domain: it must not import the contract, the handlers/services, the shells or the renderer (the contract composes the domain, not the reverse).'
            }
          ]
        }
      ]
    }
  },
  {
    // The session owns the SessionLog port; history implements it. Session never imports history.
    files: ['src-main/core/session/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/history/**', '**/history'],
              message: 'Session depends on the SessionLog port (session/log.ts), never on history.'
            }
          ]
        }
      ]
    }
  },
  {
    // The renderer reaches main only through the contract's types and the constants in src-main/shared.ts.
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@contract',
              allowTypeImports: true,
              message: 'Import only types from the contract; values from main come through @shared.'
            },
            { name: 'electron', message: 'The renderer is sandboxed: use window.api.' }
          ],
          patterns: [
            {
              group: ['**/src-main/**', '!**/src-main/api-surface', 'node:*'],
              message: 'The renderer imports main only through @contract (types) and @shared (constants).'
            }
          ]
        }
      ]
    }
  },
  eslintConfigPrettier
)

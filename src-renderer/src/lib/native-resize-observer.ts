/**
 * First screen (#11): stands in for `@juggle/resize-observer`, the polyfill Naive UI's vueuc imports
 * but only uses where the browser has no ResizeObserver. Chromium (Electron, the browser shell) has
 * one, so the polyfill's code need not be downloaded and parsed before Home. Aliased in
 * electron.vite.config.ts.
 */
export const ResizeObserver = globalThis.ResizeObserver
export const ResizeObserverEntry = globalThis.ResizeObserverEntry

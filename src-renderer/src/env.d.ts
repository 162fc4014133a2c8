/// <reference types="vite/client" />
import type { Api } from '@contract'

declare global {
  interface Window {
    /** Set by the Electron preload; in a browser, the web bridge stands in for it. */
    api?: Api
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

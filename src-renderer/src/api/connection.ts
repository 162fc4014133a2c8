import { ref } from 'vue'

/**
 * Whether the renderer can reach main. Only the browser shell can lose it (the loopback server
 * stopped, or the tab was opened without its access token); Electron's IPC cannot.
 */
export const connection = ref<'ok' | 'lost' | 'no-token'>('ok')

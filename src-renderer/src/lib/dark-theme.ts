/**
 * Naive UI's dark theme carries the dark variables of every component it has (about 80): it loads
 * in its own chunk, only when the dark theme is in use, so that the first screen in light does not
 * pay for it.
 */
export { darkTheme } from 'naive-ui'

/**
 * highlight.js themes for light and dark, scoped under `.code-light` / `.code-dark` (set on <html>
 * with the app theme) so code blocks switch with it. The theme files are bundled (no remote origin);
 * native CSS nesting scopes every rule of a theme under its class.
 */
import light from 'highlight.js/styles/github.css?inline'
import dark from 'highlight.js/styles/github-dark.css?inline'

/** GitHub light colours darkened to keep 4.5:1 on the code background (WCAG 1.4.3). */
const LIGHT_CONTRAST = `
.code-light .hljs-built_in, .code-light .hljs-symbol { color: #a4400a; }
.code-light .hljs-comment, .code-light .hljs-code, .code-light .hljs-formula { color: #57606a; }
.code-light .hljs-doctag, .code-light .hljs-keyword, .code-light .hljs-template-tag, .code-light .hljs-template-variable,
.code-light .hljs-type, .code-light .hljs-variable.language_ { color: #b62437; }
.code-light .hljs-name, .code-light .hljs-quote, .code-light .hljs-selector-tag, .code-light .hljs-selector-pseudo { color: #1a6e30; }
.code-light .hljs-deletion { color: #a31d1d; }
.code-light .hljs-addition { color: #1a6e30; }
`

export function installCodeThemes(): void {
  if (document.getElementById('code-themes')) return
  const style = document.createElement('style')
  style.id = 'code-themes'
  style.textContent = `.code-light {\n${light}\n}\n.code-dark {\n${dark}\n}\n${LIGHT_CONTRAST}`
  document.head.appendChild(style)
}

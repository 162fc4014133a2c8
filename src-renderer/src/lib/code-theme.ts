/**
 * highlight.js themes for light and dark, scoped under `.code-light` / `.code-dark` (set on <html>
 * with the app theme) so code blocks switch with it. The theme files are bundled (no remote origin);
 * native CSS nesting scopes every rule of a theme under its class.
 */
import light from 'highlight.js/styles/github.css?inline'
import dark from 'highlight.js/styles/github-dark.css?inline'

export function installCodeThemes(): void {
  if (document.getElementById('code-themes')) return
  const style = document.createElement('style')
  style.id = 'code-themes'
  style.textContent = `.code-light {\n${light}\n}\n.code-dark {\n${dark}\n}\n`
  document.head.appendChild(style)
}

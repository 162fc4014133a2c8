/**
 * Markdown to safe HTML: markdown-it without raw HTML, highlight.js for fenced code, and DOMPurify
 * over the result (bank answers and imported notes are not trusted).
 */
import MarkdownIt from 'markdown-it'
import DOMPurify from 'dompurify'
import hljs from 'highlight.js/lib/core'
import bash from 'highlight.js/lib/languages/bash'
import yaml from 'highlight.js/lib/languages/yaml'
import json from 'highlight.js/lib/languages/json'
import go from 'highlight.js/lib/languages/go'
import python from 'highlight.js/lib/languages/python'
import ini from 'highlight.js/lib/languages/ini'
import plaintext from 'highlight.js/lib/languages/plaintext'
import shell from 'highlight.js/lib/languages/shell'
import dockerfile from 'highlight.js/lib/languages/dockerfile'
import javascript from 'highlight.js/lib/languages/javascript'

hljs.registerLanguage('bash', bash)
hljs.registerLanguage('yaml', yaml)
hljs.registerLanguage('json', json)
hljs.registerLanguage('go', go)
hljs.registerLanguage('python', python)
hljs.registerLanguage('ini', ini)
hljs.registerLanguage('plaintext', plaintext)
hljs.registerLanguage('shell', shell)
hljs.registerLanguage('dockerfile', dockerfile)
hljs.registerLanguage('javascript', javascript)
hljs.registerAliases(['sh', 'zsh', 'console'], { languageName: 'bash' })
hljs.registerAliases(['toml', 'conf', 'properties'], { languageName: 'ini' })
hljs.registerAliases(['text', 'txt', 'log'], { languageName: 'plaintext' })

const md = new MarkdownIt({
  html: false,
  linkify: true,
  typographer: false,
  highlight(code, lang): string {
    const name = (lang || '').trim().toLowerCase().split(/\s+/)[0]
    const known = name && hljs.getLanguage(name) ? name : 'plaintext'
    const body = hljs.highlight(code, { language: known, ignoreIllegals: true }).value
    return `<pre class="hljs code-block" data-lang="${escapeAttr(name || '')}"><code class="hljs language-${known}">${body}</code></pre>`
  }
})

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

let hooked = false
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer')
      }
    })
  }
  return DOMPurify
}

/** Sanitizes HTML: no scripts, no event handlers, no javascript: URLs, no forms or frames. */
export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ADD_ATTR: ['target']
  })
}

/** Renders Markdown to sanitized, highlighted HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source ?? ''))
}

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MarkdownView from '@renderer/components/MarkdownView.vue'
import { renderMarkdown } from '@renderer/lib/markdown'

const SOURCE = `etcd needs a **quorum**:

- one
- two
  - nested

1. first
2. second

| members | quorum |
| --- | --- |
| 3 | 2 |
| 5 | 3 |

\`\`\`bash
etcdctl endpoint status --cluster -w table
echo "$HOME"
\`\`\`

\`\`\`yaml
apiVersion: v1
kind: Pod
\`\`\`

\`\`\`unknownlang
plain <text> here
\`\`\`
`

const HOSTILE = `Look: <script>alert(1)</script>

<img src="x" onerror="alert(2)">

[click me](javascript:alert(3)) and <a href="javascript:alert(4)">this</a>

<div onclick="alert(5)">div</div>
`

function noScriptsIn(root: Element): void {
  expect(root.querySelectorAll('script').length).toBe(0)
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false)
    expect(el.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i)
    expect(el.getAttribute('src') ?? '').not.toMatch(/^\s*javascript:/i)
  }
}

describe('MarkdownView', () => {
  it('renders lists, tables and emphasis', () => {
    const w = mount(MarkdownView, { props: { source: SOURCE } })
    expect(w.get('strong').text()).toBe('quorum')
    expect(w.findAll('ul > li').length).toBe(3)
    expect(w.findAll('ol > li').map((li) => li.text())).toEqual(['first', 'second'])
    expect(w.findAll('table th').map((th) => th.text())).toEqual(['members', 'quorum'])
    expect(w.findAll('table tbody tr').length).toBe(2)
  })

  it('highlights fenced code by language', () => {
    const w = mount(MarkdownView, { props: { source: SOURCE } })
    const bash = w.get('pre code.language-bash')
    expect(bash.text()).toContain('etcdctl endpoint status --cluster -w table')
    expect(bash.findAll('[class^="hljs-"]').length).toBeGreaterThan(0)
    const yaml = w.get('pre code.language-yaml')
    expect(yaml.find('.hljs-attr').exists()).toBe(true)
    // Unknown languages fall back to plain text, escaped.
    const plain = w.get('pre code.language-plaintext')
    expect(plain.text()).toBe('plain <text> here')
    expect(plain.element.querySelector('text')).toBeNull()
  })

  it('strips <script>, onerror= and javascript: links from HTML in the source', () => {
    const w = mount(MarkdownView, { props: { source: HOSTILE } })
    noScriptsIn(w.element)
    expect(w.html()).not.toMatch(/<script/i)
    expect(w.html()).not.toMatch(/<img[^>]*onerror/i)
    expect(w.findAll('a').every((a) => !(a.attributes('href') ?? '').startsWith('javascript:'))).toBe(true)
    // The text itself is still readable.
    expect(w.text()).toContain('Look:')
  })

  // DOMPurify itself (raw HTML that does reach it) is tested in jsdom, in tests/renderer/lib/sanitize.test.ts:
  // under happy-dom its NodeIterator stops after a removed node (capricorn86/happy-dom#2310).

  it('updates when the source changes', async () => {
    const w = mount(MarkdownView, { props: { source: 'first' } })
    await w.setProps({ source: '# second' })
    expect(w.text()).toBe('second')
    expect(renderMarkdown('')).toBe('')
  })
})

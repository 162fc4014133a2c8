// @vitest-environment jsdom
/**
 * The sanitizer on its own, in jsdom: DOMPurify cannot be tested under happy-dom, whose NodeIterator
 * stops after a removed node (capricorn86/happy-dom#2310) and whose nodeName breaks DOMPurify's
 * element checks; Chromium, where the app runs, behaves like jsdom here.
 */
import { describe, expect, it } from 'vitest'
import { renderMarkdown, sanitizeHtml } from '@renderer/lib/markdown'

function parse(html: string): HTMLElement {
  const root = document.createElement('div')
  root.innerHTML = html
  return root
}

function expectInert(root: Element): void {
  expect(root.querySelectorAll('script, iframe, object, embed, form, style').length).toBe(0)
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} has ${attr}`).toBe(false)
    for (const attr of ['href', 'src', 'xlink:href', 'action', 'formaction'])
      expect(el.getAttribute(attr) ?? '').not.toMatch(/^\s*(javascript|vbscript|data:text\/html)/i)
  }
}

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers and javascript: URLs from mixed HTML', () => {
    const root = parse(
      sanitizeHtml(
        '<p>ok <b>bold</b></p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">bad</a>' +
          '<a href=" JaVaScRiPt:alert(4)">bad2</a><div onclick="alert(5)"><svg onload="alert(6)"><a xlink:href="javascript:alert(7)">x</a></svg></div>' +
          '<iframe src="https://example.com"></iframe><form action="javascript:alert(8)"><button formaction="javascript:alert(9)">b</button></form>' +
          '<a href="https://example.com">good</a><style>body{display:none}</style><p style="position:fixed">styled</p>'
      )
    )
    expectInert(root)
    expect(root.querySelector('b')?.textContent).toBe('bold')
    expect(root.querySelector('img')?.getAttribute('src')).toBe('x')
    expect(root.querySelector('[style]')).toBeNull()
    const good = [...root.querySelectorAll('a')].find((a) => a.textContent === 'good')
    expect(good?.getAttribute('href')).toBe('https://example.com')
    expect(good?.getAttribute('rel')).toBe('noopener noreferrer')
    expect(good?.getAttribute('target')).toBe('_blank')
  })

  it('keeps what Markdown produces: lists, tables, highlighted code', () => {
    const html = renderMarkdown('- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |\n\n```bash\necho "$HOME"\n```\n')
    const root = parse(html)
    expect(root.querySelectorAll('ul li').length).toBe(2)
    expect(root.querySelectorAll('table td').length).toBe(2)
    expect(
      root.querySelector(
        'pre code.language-bash .hljs-built_in, pre code.language-bash .hljs-variable, pre code.language-bash .hljs-string'
      )
    ).not.toBeNull()
  })

  it('leaves raw HTML in Markdown as text (html: false), then sanitizes', () => {
    const root = parse(renderMarkdown('Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))'))
    expectInert(root)
    expect(root.textContent).toContain('<script>alert(1)</script>')
    expect(root.querySelector('img')).toBeNull()
  })
})

/**
 * What one paragraph or heading says, read from its inline tokens: its text, whether it is all bold
 * (a question in many collections), a bold label with a colon (a definition), only links, and whether
 * a heading restates the question above it.
 */
import type MarkdownIt from 'markdown-it'
import { htmlToText } from './html'

export type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

/** Text of a heading or paragraph from its inline tokens: code kept in backticks, emphasis and links as text. */
export function inlineText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? ''
  let s = ''
  for (const c of inline.children) {
    if (c.type === 'text') s += c.content
    else if (c.type === 'code_inline') s += '`' + c.content + '`'
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' '
    else if (c.type === 'html_inline') s += ' '
  }
  return htmlToText(s.replace(/<[^>]*>/g, ' ')) || s.trim()
}

/** A paragraph that is all bold, e.g. `**3. What is a Pod?**`: a question in many collections. */
export function allBold(inline: Token): boolean {
  const kids = (inline.children ?? []).filter((c) => !(c.type === 'text' && !c.content.trim()))
  if (kids.length < 3 || kids[0].type !== 'strong_open' || kids[kids.length - 1].type !== 'strong_close') return false
  let depth = 0
  for (let i = 0; i < kids.length; i++) {
    if (kids[i].type === 'strong_open') depth++
    else if (kids[i].type === 'strong_close') depth--
    if (depth === 0 && i < kids.length - 1) return false
    if (kids[i].type === 'softbreak') return false
  }
  return true
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []

/** True when most words of a heading come from the question just above it. */
export function restates(heading: string, question: string): boolean {
  const asked = new Set(words(question))
  const own = words(heading)
  return own.length > 0 && own.filter((w) => asked.has(w)).length * 2 >= own.length
}

/** `**Define SLIs**: choose ...`: a list item that opens with a bold label and a colon defines a term. */
export function boldLabel(inline: Token): boolean {
  const kids = (inline.children ?? []).filter((c) => !(c.type === 'text' && !c.content))
  if (kids[0]?.type !== 'strong_open') return false
  const close = kids.findIndex((c) => c.type === 'strong_close')
  if (close < 0) return false
  const label = kids
    .slice(1, close)
    .map((c) => c.content)
    .join('')
    .trim()
  const after = kids[close + 1]
  return label.endsWith(':') || (after?.type === 'text' && after.content.startsWith(':'))
}

export function onlyLinks(inline: Token | undefined): boolean {
  const kids = inline?.children ?? []
  let depth = 0
  let sawLink = false
  for (const c of kids) {
    if (c.type === 'link_open') {
      depth++
      sawLink = true
    } else if (c.type === 'link_close') depth--
    else if (depth === 0 && c.type === 'text' && c.content.replace(/[\s\-–—:|,.·•]/g, '')) return false
    else if (depth === 0 && c.type === 'code_inline') return false
  }
  return sawLink
}

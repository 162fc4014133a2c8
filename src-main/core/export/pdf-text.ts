/**
 * Turns the Markdown of model answers (and plain user text) into pdfmake content: paragraphs, list
 * items, tables kept as monospace text, fenced code in the monospace font on a shaded block, and
 * inline `code` in the monospace font. Enough for readable, selectable text; not a full renderer.
 */
import type { Content } from 'pdfmake/interfaces'

export const MONO = 'DejaVuMono'

/** Inline `code` in the monospace font; ** and __ markers dropped. */
export function inline(text: string): Content[] {
  const parts: Content[] = []
  const re = /`([^`]+)`/g
  let last = 0
  for (const m of text.matchAll(re)) {
    if (m.index! > last) parts.push({ text: plain(text.slice(last, m.index)) })
    parts.push({ text: m[1], font: MONO, fontSize: 8.5 })
    last = m.index! + m[0].length
  }
  if (last < text.length) parts.push({ text: plain(text.slice(last)) })
  return parts
}

const plain = (s: string): string => s.replace(/\*\*|__/g, '')

export function codeBlock(code: string): Content {
  return {
    table: { widths: ['*'], body: [[{ text: code.replace(/\t/g, '  '), font: MONO, fontSize: 8, preserveLeadingSpaces: true }]] },
    layout: {
      fillColor: () => '#f3f4f6',
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4
    },
    margin: [0, 2, 0, 6]
  }
}

/** Markdown to a stack of blocks. */
export function markdownBlocks(md: string): Content[] {
  const out: Content[] = []
  const lines = md.replace(/\r\n/g, '\n').split('\n')
  let para: string[] = []
  const flush = (): void => {
    if (para.length) out.push({ text: inline(para.join(' ')), margin: [0, 0, 0, 4] })
    para = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fenceMatch = /^(\s*)(`{3,}|~{3,})/.exec(line)
    if (fenceMatch) {
      flush()
      const close = fenceMatch[2]
      const body: string[] = []
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(close); i++) body.push(lines[i])
      out.push(codeBlock(body.join('\n')))
    } else if (/^\s*\|/.test(line)) {
      flush()
      const rows: string[] = []
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(lines[i].trim())
      i--
      out.push(codeBlock(rows.join('\n')))
    } else if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      flush()
      const indent = /^\s*/.exec(line)![0].length
      out.push({ text: [{ text: '•  ' }, ...inline(line.replace(/^\s*([-*+]|\d+\.)\s+/, ''))], margin: [8 + indent * 3, 0, 0, 2] })
    } else if (/^#{1,6}\s/.test(line)) {
      flush()
      out.push({ text: inline(line.replace(/^#+\s*/, '')), bold: true, margin: [0, 4, 0, 2] })
    } else if (!line.trim()) flush()
    else para.push(line.trim())
  }
  flush()
  return out
}

/** The user's own text, line breaks kept, nothing interpreted. */
export function userText(text: string): Content {
  return { text, preserveLeadingSpaces: true, margin: [0, 0, 0, 4] }
}

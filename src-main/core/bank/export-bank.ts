/**
 * A bank (or any list of questions, e.g. a search result) as a bank Markdown file, and as Anki
 * "Notes in Plain Text" with the headers Anki reads on import (#separator, #html, #columns, #tags column).
 */
import MarkdownIt from 'markdown-it'
import { serializeBank } from './format'
import type { Bank, Question } from './types'

const md = new MarkdownIt({ html: false, linkify: false })

export function exportBankMarkdown(meta: { id: string; title: string; description: string }, questions: Question[]): string {
  return serializeBank({ ...meta, version: 1, file: `${meta.id}.md`, questions })
}

/** One note per question: Front (question), Back (answer and key points, as HTML), Tags. */
export function exportAnki(questions: Question[], banks: Pick<Bank, 'id'>[] = []): string {
  const known = new Set(banks.map((b) => b.id))
  const out = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3']
  for (const q of questions) {
    const back =
      md.render(q.answer) +
      (q.keyPoints.length ? `<p><b>Key points</b></p><ul>${q.keyPoints.map((k) => `<li>${md.renderInline(k)}</li>`).join('')}</ul>` : '')
    const tags = [...q.topics, q.difficulty, ...(known.size === 0 || known.has(q.bankId) ? [`bank::${q.bankId}`] : [])]
    out.push([md.renderInline(q.text), back.trim(), tags.join(' ')].map(field).join('\t'))
  }
  return out.join('\n') + '\n'
}

function field(s: string): string {
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * Anki's "Notes in Plain Text" export: file headers (`#separator:`, `#html:`, `#columns:`,
 * `#tags column:`, `#guid column:`, `#notetype column:`, `#deck column:`), then one note per row,
 * fields split by the separator, with CSV-style quotes around fields that hold separators or lines.
 */
import { htmlToMarkdown, htmlToText, tidy } from './html'
import type { FileImport, FoundQuestion } from './types'

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' }

/** True when the text looks like Anki plain text rather than Markdown. */
export function looksLikeAnki(text: string, file: string): boolean {
  if (/^#separator:/im.test(text.slice(0, 2000))) return true
  if (/\.tsv$/i.test(file)) return true
  if (!/\.txt$/i.test(file)) return false
  const rows = text.split('\n', 200).filter((l) => l.trim() && !l.startsWith('#'))
  return rows.length > 0 && rows.filter((l) => l.includes('\t')).length * 2 >= rows.length
}

interface Header {
  sep: string
  html: boolean
  columns: string[]
  meta: Set<number>
}

export function extractAnki(text: string, file: string): FileImport {
  const header: Header = { sep: '\t', html: false, columns: [], meta: new Set() }
  let pos = 0
  let line = 1
  while (pos < text.length && text[pos] === '#') {
    const end = text.indexOf('\n', pos)
    const raw = text.slice(pos, end < 0 ? text.length : end).replace(/\r$/, '')
    const m = /^#([a-z ]+):(.*)$/i.exec(raw)
    if (m) {
      const key = m[1].trim().toLowerCase()
      const value = m[2].trim()
      if (key === 'separator') header.sep = SEPARATORS[value.toLowerCase()] ?? value[0] ?? '\t'
      else if (key === 'html') header.html = value.toLowerCase() === 'true'
      else if (key === 'columns') header.columns = m[2].split(header.sep).map((c) => c.trim().toLowerCase())
      else if (/ column$/.test(key) && Number(value) > 0) header.meta.add(Number(value) - 1)
    }
    pos = end < 0 ? text.length : end + 1
    line++
  }
  const qCol = pick(header, ['front', 'question', 'text'], 0)
  const aCol = pick(header, ['back', 'answer', 'back extra', 'extra'], 1, qCol)
  const questions: FoundQuestion[] = []
  for (const row of rows(text, pos, header.sep, line)) {
    const q = row.fields[qCol] ?? ''
    const a = row.fields[aCol] ?? ''
    const question = header.html ? htmlToText(q) : q.trim()
    if (!question) continue
    const answer = header.html ? htmlToMarkdown(a) : tidy(a)
    questions.push({ question, answer, file, line: row.line, flags: answer ? [] : ['no-answer'] })
  }
  return { file, questions, answers: [] }
}

function pick(h: Header, names: string[], fallbackRank: number, not = -1): number {
  const named = h.columns.findIndex((c, i) => names.includes(c) && i !== not && !h.meta.has(i))
  if (named >= 0) return named
  let rank = 0
  for (let i = 0; i < 64; i++) {
    if (h.meta.has(i) || i === not) continue
    if (rank++ === fallbackRank - (not >= 0 && not < i && fallbackRank > 0 ? 1 : 0)) return i
  }
  return fallbackRank
}

/** Splits rows and fields, honouring "quoted" fields with "" escapes and newlines inside. */
function* rows(text: string, from: number, sep: string, firstLine: number): Generator<{ fields: string[]; line: number }> {
  let i = from
  let line = firstLine
  while (i < text.length) {
    const startLine = line
    const fields: string[] = []
    let field = ''
    let quoted = false
    let atStart = true
    for (; i < text.length; i++) {
      const c = text[i]
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"'
          i++
        } else if (c === '"') quoted = false
        else {
          if (c === '\n') line++
          field += c
        }
      } else if (c === '"' && atStart) {
        quoted = true
        atStart = false
      } else if (c === sep) {
        fields.push(field)
        field = ''
        atStart = true
      } else if (c === '\n') break
      else if (c !== '\r') {
        field += c
        atStart = false
      }
    }
    fields.push(field)
    i++
    line++
    if (fields.some((f) => f.trim())) yield { fields, line: startLine }
  }
}

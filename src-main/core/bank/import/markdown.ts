/**
 * Questions and answers from Markdown written by others, read from markdown-it's token stream and
 * its source line maps: question headings with the answer below, `<details><summary>` blocks,
 * `Q:`/`A:` lines, numbered questions (with or without `**Answer:**`), `Q::A` one-liners, and
 * question lists whose answers sit in an "Answers" section. Answers are the source lines between
 * one question and the next, so they keep their Markdown as written.
 */
import MarkdownIt from 'markdown-it'
import { htmlToMarkdown, htmlToText, tidy } from './html'
import {
  A_MARK,
  ANSWERS_HEADING,
  Q_MARK,
  answerFromLines,
  cleanQuestion,
  isDecoyHeading,
  isLinkOnly,
  isQuestionHeading,
  isQuestionLike,
  splitOneLiner
} from './rules'
import { allBold, boldLabel, inlineText, onlyLinks, restates, type Token } from './inline'
import type { FileImport, FoundQuestion, NumberedAnswer } from './types'

export const markdownParser = new MarkdownIt({ html: true })

type Kind = 'heading' | 'weak' | 'details' | 'marker' | 'item' | 'bold'
interface Open {
  kind: Kind
  q: FoundQuestion
  level: number
  /** 0-based first line of the answer; null while a `Q:` waits for its `A:`. */
  start: number | null
  strip?: RegExp
  head: string
  /** For list items: the line after the item. */
  limit?: number
  /** How deep in lists the question starts (0: not in a list); a sibling item ends it. */
  list: number
  /**
   * Under a section-title heading (`### Scenario 2`): the paragraphs read so far before the one that
   * asks (`A Pod is in CrashLoopBackOff.` / `What commands do you run?`), the line after the last of
   * them, and the line after the asking one once it is found.
   */
  lead?: { texts: string[]; end: number; asked?: number }
}

export interface ExtractOptions {
  /** Called now and then with tokens done / total, and awaited, so that a large file can report progress. */
  onProgress?: (done: number, total: number) => void | Promise<void>
}

/** Finds every question of one Markdown file. */
export async function extractMarkdown(source: string, file: string, opts: ExtractOptions = {}): Promise<FileImport> {
  const tokens = markdownParser.parse(source, {})
  const lines = source.split('\n')
  const found: FoundQuestion[] = []
  const answers: NumberedAnswer[] = []

  // Levels where most headings are questions: other headings there are probably section titles.
  const perLevel = new Map<number, { q: number; all: number }>()
  const headings = new Map<number, { text: string; asks: boolean }>()
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open') continue
    const lv = Number(tokens[i].tag.slice(1))
    const c = perLevel.get(lv) ?? { q: 0, all: 0 }
    c.all++
    const text = inlineText(tokens[i + 1])
    const asks = isQuestionHeading(text)
    headings.set(i, { text, asks })
    if (asks) c.q++
    perLevel.set(lv, c)
  }
  const weakLevels = new Set([...perLevel].filter(([, c]) => c.q >= 3 && c.q * 2 >= c.all).map(([lv]) => lv))

  let open = null as Open | null
  let pending = null as { q: FoundQuestion; list: number } | null
  let skipLevel = 0
  let answersLevel = 0
  let detailsDepth = 0
  let maybeSibling = -1
  /** 0-based line after a `<summary>` whose `</summary>` is in a later token; -1 when none. */
  let summaryFrom = -1
  const lists: { ordered: boolean; next: number; itemEnd: number }[] = []
  let firstParagraphOfItem = false

  const push = (q: FoundQuestion): void => {
    q.question = cleanQuestion(q.question)
    if (!q.question) return
    if (!q.answer) q.flags.push('no-answer')
    else if (isLinkOnly(q.answer)) q.flags.push('link-only')
    found.push(q)
  }
  const close = (end: number, tail = ''): void => {
    if (!open) return
    const o = open
    open = null
    if (o.kind === 'weak' && o.lead?.asked !== undefined) {
      // The scenario and its question are the question; what follows is the answer.
      o.q.question = o.lead.texts.join(' ')
      o.q.flags = []
      o.start = o.lead.asked
      o.kind = 'heading'
    }
    const stop = o.limit !== undefined ? Math.min(end, o.limit) : end
    const body = o.start === null ? '' : answerFromLines(lines.slice(o.start, Math.max(o.start, stop)), o.strip)
    o.q.answer = tidy([o.head, body, tail].filter(Boolean).join('\n\n'))
    if (o.kind === 'weak' && !o.q.answer) return
    push(o.q)
    if (!o.q.answer && o.kind !== 'weak') pending = { q: o.q, list: o.list }
  }
  const start = (kind: Kind, question: string, line: number, level: number, answerStart: number | null): Open => {
    open = { kind, level, start: answerStart, head: '', list: lists.length, q: { question, answer: '', file, line: line + 1, flags: [] } }
    if (kind === 'weak') {
      open.q.flags.push('section-title')
      if (answerStart !== null) open.lead = { texts: [], end: answerStart }
    }
    // `### What is X?` then `**Answer:**` on the next line: the label is not part of the answer.
    if (kind === 'heading' || kind === 'weak' || kind === 'bold') open.strip = A_MARK
    return open
  }
  const takePending = (line: number): boolean => {
    if (!pending) return false
    const p = pending.q
    found.splice(found.indexOf(p), 1)
    p.flags = []
    open = { kind: 'marker', level: 0, start: line, strip: A_MARK, head: '', q: p, list: pending.list }
    pending = null
    return true
  }
  const nothingBetween = (from: number, to: number): boolean => lines.slice(from, to).every((l) => !l.trim())
  /** Inside an answer that is being collected, structures do not start new questions (except Q: and headings). */
  const collecting = (): boolean => !!open && open.kind !== 'weak' && open.start !== null

  const step = 20_000
  for (let i = 0; i < tokens.length; i++) {
    if (opts.onProgress && i % step === 0 && i > 0) await opts.onProgress(i, tokens.length)
    const t = tokens[i]
    const map = t.map
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1))
        const { text, asks } = headings.get(i)!
        if (skipLevel && level > skipLevel) break
        skipLevel = 0
        if (answersLevel && level <= answersLevel) answersLevel = 0
        if (detailsDepth > 0) break
        if (open?.kind === 'heading' && level > open.level && !asks) break
        if (open?.kind === 'heading' && open.start !== null && nothingBetween(open.start, map![0])) {
          // `#### How do you set SLOs?` straight followed by `#### Setting SLOs from scratch` and its
          // text: a heading that restates the question is the answer's title, not a section.
          if (level === open.level && !asks && restates(text, open.q.question) && tokens[i + 3]?.type !== 'heading_open') break
          // `### 1. Design / Architecture` straight followed by deeper question headings: a section title.
          if (level > open.level && asks && !open.q.question.trim().endsWith('?')) open = null
        }
        pending = null
        close(map![0])
        if (isDecoyHeading(text)) skipLevel = level
        else if (ANSWERS_HEADING.test(text.trim())) answersLevel = level
        else if (asks) start('heading', text, map![0], level, map![1])
        else if (weakLevels.has(level)) start('weak', text, map![0], level, map![1])
        break
      }
      case 'html_block':
      case 'html_inline': {
        if (skipLevel) break
        const line = map?.[0] ?? 0
        html(t.content, line, map?.[1] ?? line + 1, t.level === 0 && t.type === 'html_block')
        break
      }
      case 'hr':
        if (!skipLevel && open && ['marker', 'item', 'weak', 'bold'].includes(open.kind) && !detailsDepth) close(map![0])
        break
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', next: Number(t.attrGet('start') ?? 1), itemEnd: 0 })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        firstParagraphOfItem = true
        const list = lists[lists.length - 1]
        const number = list ? list.next++ : 0
        if (list) list.itemEnd = map![1]
        if (skipLevel) break
        if ((open?.kind === 'item' || open?.kind === 'marker') && open.list > 0 && lists.length <= open.list) close(map![0])
        if (answersLevel && list?.ordered && lists.length === 1 && !detailsDepth) {
          answers.push({
            number: Number(t.info) || number,
            line: map![0] + 1,
            answer: answerFromLines(lines.slice(map![0], map![1]), /^\s*\d+[.)]\s*/)
          })
        }
        break
      }
      case 'paragraph_open': {
        const first = firstParagraphOfItem
        firstParagraphOfItem = false
        if (skipLevel || answersLevel || !map) break
        paragraph(tokens[i + 1], map, first)
        break
      }
      case 'inline':
        if (!skipLevel && detailsDepth && t.children) {
          for (const c of t.children) if (c.type === 'html_inline') html(c.content, map?.[0] ?? 0, map?.[1] ?? 0, false)
        }
        break
    }
  }
  close(lines.length)
  if (opts.onProgress) await opts.onProgress(tokens.length, tokens.length)
  return { file, questions: found, answers }

  function paragraph(inline: Token, map: [number, number], firstOfItem: boolean): void {
    const rows = inline.content.split('\n')
    const lead = open?.kind === 'weak' ? open.lead : undefined
    if (lead && lead.asked === undefined && !lists.length && !detailsDepth) {
      if (lead.texts.length < 3 && nothingBetween(lead.end, map[0])) {
        const text = inlineText(inline)
        lead.texts.push(text)
        lead.end = map[1]
        if (cleanQuestion(text).endsWith('?')) lead.asked = map[1]
      } else if (open) open.lead = undefined
    }
    if (!lists.length && (!collecting() || open?.kind === 'bold') && !detailsDepth && allBold(inline) && isQuestionLike(rows[0])) {
      pending = null
      close(map[0])
      start('bold', rows[0], map[0], 0, map[1])
      return
    }
    let handled = false
    let oneLiners = 0
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]
      const line = map[0] + k
      if (detailsDepth && open?.kind === 'details' && open.start !== null) return
      if (Q_MARK.test(row) && !A_MARK.test(row)) {
        pending = null
        close(line)
        start('marker', row.replace(Q_MARK, ''), line, 0, null)
        handled = true
        continue
      }
      if (A_MARK.test(row)) {
        handled = true
        if (open?.kind === 'marker' && open.start === null) {
          open.start = line
          open.strip = A_MARK
        } else if (k > 0 && !collecting()) {
          close(line)
          start('marker', rows.slice(0, k).join(' '), map[0], 0, line).strip = A_MARK
        } else if (open?.kind === 'item' && open.start !== null && open.start >= line - 1) {
          open.start = line
          open.strip = A_MARK
          open.limit = undefined
        } else if (!collecting() && takePending(line)) {
          // the answer to the unanswered question just before
        } else handled = false
        continue
      }
      if (open?.kind === 'marker' && open.start === null) {
        open.q.question += ' ' + row
        continue
      }
      if (!collecting() && splitOneLiner(row)) oneLiners++
    }
    if (handled) return
    if (oneLiners > 0 && !collecting()) {
      const all = oneLiners >= 2 && oneLiners === rows.filter((r) => r.trim()).length
      rows.forEach((row, k) => {
        const pair = splitOneLiner(row)
        if (pair && (all || pair[0].endsWith('?')))
          push({ question: pair[0], answer: tidy(pair[1]), file, line: map[0] + k + 1, flags: [] })
      })
      pending = null
      return
    }
    const list = lists[lists.length - 1]
    if (!firstOfItem || !list || collecting() || detailsDepth) {
      if (!open || open.start !== null) pending = null
      return
    }
    const text = rows[0]
    if (
      onlyLinks(inline) ||
      !isQuestionLike(text) ||
      (boldLabel(inline) && !cleanQuestion(text).endsWith('?')) ||
      (!list.ordered && !cleanQuestion(text).endsWith('?'))
    )
      return
    close(map[0])
    pending = null
    const item = start('item', text, map[0], 0, map[0] + 1)
    item.limit = list.itemEnd
    item.q.number = list.next - 1
  }

  function html(content: string, line: number, end: number, topLevel: boolean): void {
    const re = /<details\b[^>]*>|<\/details\s*>|<summary\b[^>]*>([\s\S]*?)<\/summary\s*>|<\/?summary\b[^>]*>/gi
    let m: RegExpExecArray | null
    let last = 0
    let sawAny = false
    while ((m = re.exec(content))) {
      sawAny = true
      const at = line + content.slice(0, m.index).split('\n').length - 1
      const tag = m[0].toLowerCase()
      if (tag.startsWith('<details')) {
        // At the left margin inside an open answer: a nested block, or the previous one lacks its
        // </details>. Its summary decides (a question starts a new entry).
        maybeSibling = detailsDepth === 1 && topLevel && open?.kind === 'details' && open.start !== null ? at : -1
        if (detailsDepth === 0) {
          pending = null
          close(at)
          start('details', '', at, 0, null)
        }
        detailsDepth++
      } else if (tag.startsWith('<summary') && m[1] === undefined) {
        // A summary that goes on over blank lines (a list or a YAML block to fix): the first line is
        // the question, and the rest, up to `</summary>`, is kept at the top of the answer.
        if (detailsDepth === 1 && open?.kind === 'details' && open.start === null) {
          open.q.question = htmlToText(content.slice(m.index + m[0].length))
          open.q.line = at + 1
          summaryFrom = end
        }
      } else if (tag.startsWith('</summary')) {
        if (summaryFrom >= 0 && detailsDepth === 1 && open?.kind === 'details' && open.start === null) {
          const given = answerFromLines([...lines.slice(summaryFrom, line), content.slice(0, m.index)])
          if (!open.q.question) {
            const [first, ...rest] = given.split('\n')
            open.q.question = first
            open.head = tidy(rest.join('\n'))
          } else open.head = given
          open.start = end
          const rest = content.slice(m.index + m[0].length)
          const stop = rest.search(/<\/details\s*>|<details\b/i)
          open.head = tidy([open.head, htmlToMarkdown(stop < 0 ? rest : rest.slice(0, stop))].filter(Boolean).join('\n\n'))
        }
        summaryFrom = -1
      } else if (tag.startsWith('<summary')) {
        if (detailsDepth === 2 && maybeSibling >= 0 && isQuestionLike(htmlToText(m[1]))) {
          close(maybeSibling)
          start('details', '', maybeSibling, 0, null)
          detailsDepth = 1
        }
        maybeSibling = -1
        if (detailsDepth === 1 && open?.kind === 'details' && open.start === null) {
          open.q.question = htmlToText(m[1])
          open.q.line = at + 1
          open.start = end
          const rest = content.slice(m.index + m[0].length)
          const stop = rest.search(/<\/details\s*>|<details\b/i)
          open.head = htmlToMarkdown(stop < 0 ? rest : rest.slice(0, stop))
        }
      } else if (detailsDepth > 0) {
        detailsDepth--
        if (detailsDepth === 0 && open?.kind === 'details') {
          const before = content.slice(last, m.index)
          const sameToken = open.start === end
          if (sameToken) {
            open.start = null
            close(at)
          } else close(topLevel ? line : end, htmlToMarkdown(before.includes('</summary') ? '' : before))
        }
      }
      last = m.index + m[0].length
    }
    if (!sawAny) return
  }
}

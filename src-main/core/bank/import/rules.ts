/**
 * What the Markdown importer recognises, kept apart from the token walk: which headings look like
 * questions, which are decoys (table of contents, contributing, licence, ...), the `Q:`/`A:` markers,
 * and how an answer's source lines are cleaned up. These run on one line or one heading's text at a
 * time; the structure comes from markdown-it's tokens.
 */
import { tidy } from './html'

const ASK =
  /^(?:what|what's|whats|why|how|when|where|which|who|whom|whose|can|could|should|would|will|shall|is|are|was|were|do|does|did|has|have|had|may|might|must|explain|describe|define|compare|contrast|list|name|give|tell|write|walk|differentiate|distinguish|discuss|outline|summari[sz]e|design|implement|troubleshoot|debug|suppose|imagine|given|you|your|in what|difference)\b/i

const NUMBERING = /^(?:(?:Q(?:uestion)?\s*#?\d+\s*[:.)-]?|Q(?:uestion)?\s*[:.)-]|#?\d+\s*[.):-])\s+)/i

/** Leading list numbers, `Q12.` labels, emoji and stray emphasis taken off a question. */
export function cleanQuestion(text: string): string {
  const once = (t: string): string =>
    t
      .replace(/^[\s*_]+|[\s*_]+$/g, '')
      .replace(/^[^\p{L}\p{N}`"'([]+/u, '')
      .replace(NUMBERING, '')
      .replace(/^[\s*_]+|[\s*_]+$/g, '')
  // Twice: `4. **Q: What is a Pod?**` carries a list number and then a `Q:` label.
  return once(once(text)).replace(/\s+/g, ' ').trim()
}

/** A heading that ends with a colon introduces what follows (`When to use DaemonSets:`); it is not a question. */
export function isQuestionHeading(text: string): boolean {
  return isQuestionLike(text) && !/:\s*$/.test(cleanQuestion(text))
}

export function isQuestionLike(text: string): boolean {
  const t = cleanQuestion(text)
  if (t.length <= 2) return false
  if (/\?\s*["')\]]?$/.test(t)) return true
  // Without a question mark it must open with an asking word and say something: `Explain the role of
  // etcd` asks, `List Pods` or `Describe Pod` over a command is a title.
  return ASK.test(t) && t.split(/\s+/).length >= 3
}

const DECOY_FULL =
  /^(?:table of contents|contents|toc|index|contributors?|contributions?|licen[cs]es?|code of conduct|credits|acknowledg(?:e?ments?)|sponsors?|support(?: (?:the|this) project| us)?|references|further reading|(?:useful |more |other |additional )?(?:links|resources)|see also|authors?|maintainers?|changelog|disclaimer|about(?: (?:this|the) (?:repo(?:sitory)?|project|guide|list))?|how to use(?: (?:this|the))?(?: (?:repo(?:sitory)?|guide|list|document))?|installation|getting started|star history|stargazers|donate|donations|feedback|thanks)$/
const DECOY_PREFIX = /^(?:contribut|how to contribute|licen[cs]e\b|code of conduct)/

/** A heading whose section is not questions: contents, contributing, licence, links and the like. */
export function isDecoyHeading(text: string): boolean {
  const t = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return DECOY_FULL.test(t) || DECOY_PREFIX.test(t)
}

/** A heading that introduces a separate list of answers to a numbered question list. */
export const ANSWERS_HEADING = /^(?:answers?|solutions?)(?:\s+(?:key|section))?\s*[:.]?$/i

const EMPH = String.raw`(?:\*\*|__)?`
/** `Q:`, `**Q:**`, `**Q**:`, `Question:`, `Question 3:`, `Q3.` at the start of a line. */
export const Q_MARK = new RegExp(String.raw`^\s*(?:[-*+]\s+)?${EMPH}\s*(?:Q(?:uestion)?\s*#?\d*\s*:|Q\d+\s*[.)])\s*${EMPH}\s*:?\s*`, 'i')
/** `A:`, `**A:**`, `**Answer:**`, `Answer:`, `Ans:` at the start of a line. */
export const A_MARK = new RegExp(String.raw`^\s*(?:[-*+]\s+)?${EMPH}\s*(?:A|Answer|Ans)\s*\d*\s*:\s*${EMPH}\s*:?\s*`, 'i')

/** Splits `question :: answer` (outside inline code); null when the line is not a one-liner. */
export function splitOneLiner(line: string): [string, string] | null {
  const masked = line.replace(/`[^`]*`/g, (m) => '\u0000'.repeat(m.length))
  const at = masked.indexOf('::')
  if (at <= 0) return null
  const q = line.slice(0, at).trim()
  const a = line.slice(at + 2).trim()
  if (!q || !a || (!/\s/.test(q) && !q.endsWith('?'))) return null
  return [q, a]
}

const LINK_ONLY_STRIP = /!?\[[^\]]*\]\([^)]*\)|<https?:[^>]+>|https?:\/\/\S+|[-*+>#|:.,;()[\]\s\d]/g

/** True when an answer is nothing but links (a "see this article" answer). */
export function isLinkOnly(answer: string): boolean {
  return /\]\(|https?:\/\//.test(answer) && answer.replace(LINK_ONLY_STRIP, '').length === 0
}

const BACK_TO_TOP = /^\s*(?:[-*_]{3,}|\**\s*\[[^\]]*(?:top|back|⬆|↑)[^\]]*\]\(#[^)]*\)\s*\**|<\/?(?:br|b|p|hr)\s*\/?>)\s*$/i

/**
 * An answer from its source lines: strips the answer marker from the first line, drops trailing
 * rules and "back to top" links and leftover `<details>` tags, and removes the common indentation.
 */
export function answerFromLines(lines: string[], strip?: RegExp): string {
  const seg = lines.slice()
  // The marker is looked for on the first line that is not blank: `### Question?` then `**Answer:**`.
  const first = seg.findIndex((l) => l.trim())
  if (strip && first >= 0) seg[first] = seg[first].replace(strip, '')
  for (let i = 0; i < seg.length; i++) {
    if (!seg[i].includes('<')) continue
    seg[i] = seg[i].replace(/<\/?details[^>]*>|<summary[^>]*>[\s\S]*?<\/summary>/gi, '').replace(/^\s*(?:<\/?(?:b|p|br)\s*\/?>\s*)+$/i, '')
  }
  while (seg.length && (!seg[seg.length - 1].trim() || BACK_TO_TOP.test(seg[seg.length - 1]))) seg.pop()
  while (seg.length && (!seg[0].trim() || BACK_TO_TOP.test(seg[0]))) seg.shift()
  let cut = Infinity
  for (const l of seg) {
    if (!l.trim()) continue
    let n = 0
    while (l.charCodeAt(n) === 32) n++
    if (n < cut) cut = n
  }
  if (cut === Infinity || cut === 0) return tidy(seg.join('\n'))
  return tidy(seg.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join('\n'))
}

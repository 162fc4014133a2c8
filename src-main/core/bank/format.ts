import { parse as parseYaml } from 'yaml'
import { DIFFICULTIES, TOPICS, type Bank, type Difficulty, type FollowUp, type Question } from './types'
export { serializeBank } from './serialize'

/** A bank file that cannot be read, with the file, the 1-based line and what is wrong. */
export class BankFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string
  ) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'BankFormatError'
  }
}

const META_KEYS = ['id', 'topics', 'difficulty', 'time', 'source', 'reference'] as const
/** Keys that may be given more than once, one line each. */
const REPEATABLE = ['source', 'reference']
const MAX_FOLLOW_UPS = 3
/** A Kubernetes minor version, e.g. 1.34. */
const K8S_VERSION = /^1\.\d{1,2}$/
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const MIN_TIME = 30
const MAX_TIME = 900

type Section = 'meta' | 'spoken' | 'answer' | 'keypoints' | 'followups'

interface Draft {
  line: number
  text: string
  meta: Map<string, string[]>
  spoken: string[] | null
  spokenLine: number
  answer: string[]
  keyPoints: string[]
  followUps: { question: string; line: number; answer: string[] }[] | null
  followUpsLine: number
  section: Section
  answerLine: number
}

// ---- issue-10: user banks (data folder) may use their own topics, fewer key points, and be empty ----
export interface ParseOptions {
  /** A user's bank: any kebab-case topic, 0 to 7 key points, no questions yet. */
  user?: boolean
}

/** Parses one bank file. Throws BankFormatError naming the line and the problem. */
export function parseBank(source: string, file: string, options: ParseOptions = {}): Bank {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
  const fail = (line: number, reason: string): never => {
    throw new BankFormatError(file, line, reason)
  }

  if (lines[0]?.trim() !== '---') fail(1, 'expected YAML front matter starting with "---"')
  const end = lines.indexOf('---', 1)
  if (end < 0) fail(1, 'front matter is not closed by a "---" line')
  let front: Record<string, unknown>
  try {
    front = (parseYaml(lines.slice(1, end).join('\n')) ?? {}) as Record<string, unknown>
  } catch (e) {
    return fail(2, `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`)
  }
  const bankId = String(front.id ?? '')
  if (!ID_PATTERN.test(bankId)) fail(2, `front matter "id" must be kebab-case, got "${bankId}"`)
  const title = String(front.title ?? '').trim()
  if (!title) fail(2, 'front matter needs a "title"')
  const version = Number(front.version ?? 1)
  if (!Number.isInteger(version) || version < 1) fail(2, '"version" must be a positive integer')
  const kubernetes = front.kubernetes
  if (kubernetes !== undefined && (typeof kubernetes !== 'string' || !K8S_VERSION.test(kubernetes.trim()))) {
    fail(
      lineOf(lines, end, 'kubernetes'),
      typeof kubernetes === 'number'
        ? `front matter "kubernetes" must be a quoted version like "1.34" (unquoted, YAML reads ${kubernetes} as a number and 1.30 as 1.3)`
        : `front matter "kubernetes" must be a Kubernetes minor version like "1.34", got ${JSON.stringify(kubernetes)}`
    )
  }

  const drafts: Draft[] = []
  let current: Draft | undefined
  let fence: { marker: string; line: number } | undefined

  for (let i = end + 1; i < lines.length; i++) {
    const raw = lines[i]
    const lineNo = i + 1
    const fenceMatch = FENCE.exec(raw)
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[1][0] === fence.marker[0] &&
        fenceMatch[1].length >= fence.marker.length &&
        raw.trim() === fenceMatch[1]
      ) {
        fence = undefined
      }
      pushBody(current, raw, lineNo, fail)
      continue
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], line: lineNo }
      if (!current) fail(lineNo, 'code block outside a question')
      pushBody(current, raw, lineNo, fail)
      continue
    }
    if (raw.startsWith('## ')) {
      current = {
        line: lineNo,
        text: raw.slice(3).trim(),
        meta: new Map(),
        spoken: null,
        spokenLine: 0,
        answer: [],
        keyPoints: [],
        followUps: null,
        followUpsLine: 0,
        section: 'meta',
        answerLine: 0
      }
      if (!current.text) fail(lineNo, 'empty question heading')
      drafts.push(current)
      continue
    }
    if (raw.startsWith('### ')) {
      if (!current) fail(lineNo, 'section heading before the first question')
      enterSection(current!, raw, lineNo, fail)
      continue
    }
    if (raw.startsWith('#### ') && current?.section === 'followups') {
      const question = raw.slice(5).trim()
      if (!question.endsWith('?')) fail(lineNo, `a follow-up is one question ending with "?", got "${question}"`)
      if (current.followUps!.length >= MAX_FOLLOW_UPS) fail(lineNo, `at most ${MAX_FOLLOW_UPS} follow-ups per question`)
      current.followUps!.push({ question, line: lineNo, answer: [] })
      continue
    }
    if (raw.startsWith('# ')) fail(lineNo, 'level-1 headings are not allowed in a bank; the title is in the front matter')
    if (!current) {
      if (raw.trim()) fail(lineNo, 'text before the first question')
      continue
    }
    if (current.section === 'meta') {
      if (!raw.trim()) continue
      const m = /^-\s+([a-zA-Z]+)\s*:\s*(.*)$/.exec(raw)
      if (!m) fail(lineNo, 'expected a "- key: value" metadata line or "### Answer"')
      const key = m![1].toLowerCase()
      if (!(META_KEYS as readonly string[]).includes(key)) fail(lineNo, `unknown metadata key "${m![1]}" (known: ${META_KEYS.join(', ')})`)
      if (!REPEATABLE.includes(key) && current.meta.has(key)) fail(lineNo, `"${key}" given twice`)
      const value = m![2].trim()
      if (key === 'reference' && !isWebUrl(value)) fail(lineNo, `a reference must be an http(s) URL, got "${value}"`)
      current.meta.set(key, [...(current.meta.get(key) ?? []), value])
      continue
    }
    pushBody(current, raw, lineNo, fail)
  }
  if (fence) fail(fence.line, 'code block is never closed')

  const seen = new Set<string>()
  const questions = drafts.map((d) => {
    const q = finish(d, bankId, fail, options)
    if (seen.has(q.id)) fail(d.line, `duplicate question id "${q.id}"`)
    seen.add(q.id)
    return q
  })
  if (questions.length === 0 && !options.user) fail(end + 2, 'the bank has no questions')
  return {
    id: bankId,
    title,
    description: String(front.description ?? '').trim(),
    version,
    ...(typeof kubernetes === 'string' ? { kubernetes: kubernetes.trim() } : {}),
    file,
    questions
  }
}

/** The 1-based line of a front matter key, for messages (the opening "---" is line 1). */
function lineOf(lines: string[], end: number, key: string): number {
  const i = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`))
  return i < 0 ? 2 : i + 2
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname && !/\s/.test(value)
  } catch {
    return false
  }
}

const SECTIONS: Record<string, { section: Section; after: Section[]; rule: string }> = {
  'spoken answer': { section: 'spoken', after: ['meta'], rule: '"### Spoken answer" comes right before "### Answer"' },
  answer: { section: 'answer', after: ['meta', 'spoken'], rule: 'one "### Answer" per question, after the metadata' },
  'key points': { section: 'keypoints', after: ['answer'], rule: '"### Key points" must follow "### Answer"' },
  'follow-ups': { section: 'followups', after: ['keypoints'], rule: '"### Follow-ups" must follow "### Key points"' }
}

function enterSection(d: Draft, raw: string, lineNo: number, fail: (l: number, r: string) => never): void {
  const spec = SECTIONS[raw.slice(4).trim().toLowerCase()]
  if (!spec) {
    fail(
      lineNo,
      `unexpected heading "${raw.trim()}": a question has only "### Spoken answer", "### Answer", "### Key points" and "### Follow-ups" (use #### inside answers)`
    )
  }
  if (!spec.after.includes(d.section)) fail(lineNo, spec.rule)
  d.section = spec.section
  if (spec.section === 'spoken') {
    d.spoken = []
    d.spokenLine = lineNo
  } else if (spec.section === 'answer') {
    d.answerLine = lineNo
  } else if (spec.section === 'followups') {
    d.followUps = []
    d.followUpsLine = lineNo
  }
}

function pushBody(current: Draft | undefined, raw: string, lineNo: number, fail: (l: number, r: string) => never): void {
  if (!current) return
  if (current.section === 'meta') {
    if (raw.trim()) fail(lineNo, 'expected a "- key: value" metadata line or "### Answer"')
    return
  }
  if (current.section === 'answer') {
    current.answer.push(raw)
    return
  }
  if (current.section === 'spoken') {
    if (/^\s*(#|[-*+]\s|\d+[.)]\s|\||```|~~~)/.test(raw)) {
      fail(lineNo, 'the spoken answer is plain prose: no headings, lists, tables or code blocks (put those under "### Answer")')
    }
    current.spoken!.push(raw)
    return
  }
  if (current.section === 'followups') {
    const item = current.followUps!.at(-1)
    if (!item) {
      if (raw.trim()) fail(lineNo, 'each follow-up starts with a "#### <question?>" line')
      return
    }
    if (/^#{1,6}\s/.test(raw)) fail(lineNo, 'a follow-up answer has no headings')
    item.answer.push(raw)
    return
  }
  if (!raw.trim()) return
  const m = /^[-*]\s+(.+)$/.exec(raw)
  if (!m) fail(lineNo, 'key points must be a flat "- " list')
  current.keyPoints.push(m![1].trim())
}

function finish(d: Draft, bankId: string, fail: (l: number, r: string) => never, options: ParseOptions = {}): Question {
  const one = (key: string): string => {
    const v = d.meta.get(key)?.[0]
    if (!v) fail(d.line, `question "${d.text}" has no "${key}"`)
    return v!
  }
  const id = one('id')
  if (!ID_PATTERN.test(id)) fail(d.line, `question id "${id}" must be kebab-case`)
  const topics = one('topics')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  for (const t of topics) {
    if (options.user ? !ID_PATTERN.test(t) : !(TOPICS as readonly string[]).includes(t)) {
      fail(d.line, options.user ? `topic "${t}" in "${id}" must be kebab-case` : `unknown topic "${t}" in "${id}" (see content/README.md)`)
    }
  }
  const difficulty = one('difficulty') as Difficulty
  if (!DIFFICULTIES.includes(difficulty)) fail(d.line, `difficulty of "${id}" must be easy, medium or hard`)
  const timeSec = Number(one('time'))
  if (!Number.isInteger(timeSec) || timeSec < MIN_TIME || timeSec > MAX_TIME) {
    fail(d.line, `time of "${id}" must be whole seconds between ${MIN_TIME} and ${MAX_TIME}`)
  }
  const sources = d.meta.get('source') ?? []
  if (sources.length === 0) fail(d.line, `question "${id}" has no "source" (use "original" if it has no seed)`)
  if (d.section === 'meta' || d.section === 'spoken') fail(d.line, `question "${id}" has no "### Answer"`)
  const spoken = d.spoken && trimBlank(d.spoken).join('\n')
  if (d.spoken && !spoken) fail(d.spokenLine, `question "${id}" has an empty "### Spoken answer"`)
  const answer = trimBlank(d.answer).join('\n')
  if (!answer.trim()) fail(d.answerLine || d.line, `question "${id}" has an empty answer`)
  if (d.section !== 'keypoints' && d.section !== 'followups') fail(d.line, `question "${id}" has no "### Key points"`)
  if ((d.keyPoints.length < 3 && !options.user) || d.keyPoints.length > 7) {
    fail(d.line, `question "${id}" has ${d.keyPoints.length} key points; 3 to 7 are required`)
  }
  if (d.followUps && d.followUps.length === 0)
    fail(d.followUpsLine, `question "${id}" has an empty "### Follow-ups" (remove it or add "#### <question?>")`)
  const followUps: FollowUp[] = (d.followUps ?? []).map((f) => {
    const text = trimBlank(f.answer).join('\n')
    if (!text) fail(f.line, `follow-up "${f.question}" has no answer`)
    return { question: f.question, answer: text }
  })
  return {
    id,
    bankId,
    text: d.text,
    topics,
    difficulty,
    timeSec,
    sources,
    references: d.meta.get('reference') ?? [],
    ...(spoken ? { spoken } : {}),
    answer,
    keyPoints: d.keyPoints,
    followUps,
    line: d.line
  }
}

function trimBlank(lines: string[]): string[] {
  let a = 0
  let b = lines.length
  while (a < b && !lines[a].trim()) a++
  while (b > a && !lines[b - 1].trim()) b--
  return lines.slice(a, b)
}

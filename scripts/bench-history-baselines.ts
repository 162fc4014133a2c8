/**
 * The baselines of the history rows (issue #12): the same work done plainly, in the same run, so a
 * ratio says what the store's indexes cost or save. Each one does all the work the store does for
 * its answer: the same filters, tie-break sort and paging; a search that finds every match with the
 * same semantics; a random session file, not one cached file.
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decodeRecord, decodeRecords } from '../src-main/core/fs/records'
import { seeded } from './bench-history-context'
import type { Stats } from './bench-stats'
import { loopDelayDuring } from './bench-stall'
import type { HistoryQuery, QuestionAttemptRecord, SessionSummary } from '../src-main/core/history/types'

/**
 * Calls `onLine` for every line of a file, read as a stream of 256 KB chunks (the grade log at 100k
 * is > 512 MB). Each chunk is a real read, so the event loop runs between chunks (readline's async
 * iterator would hand buffered lines over in microtasks and hold the loop for many chunks).
 */
export async function eachLine(file: string, onLine: (line: string) => void): Promise<void> {
  let rest = ''
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
    const lines = (rest + (chunk as string)).split('\n')
    rest = lines.pop()!
    for (const line of lines) if (line) onLine(line)
    await new Promise((r) => setImmediate(r))
  }
  if (rest) onLine(rest)
}

/** A grade as the attempts baseline keeps it: a plain object in a plain array. */
export interface PlainGrade {
  questionId: string
  sessionId: string
  questionIndex: number
  at: string
  rating: number
}

/** Both derived files read as streams, each line checked and parsed as the app does: the cold-load baseline. */
export async function loadPlain(
  historyDir: string,
  opts = { grades: true }
): Promise<{ summaries: SessionSummary[]; grades: PlainGrade[] }> {
  const byId = new Map<string, SessionSummary>()
  await eachLine(join(historyDir, 'index.jsonl'), (line) => {
    const r = decodeRecord<{ k: string; s?: SessionSummary; id?: string }>(line)
    if (!r.ok) throw new Error(`index.jsonl: ${r.reason}`)
    if (r.value.k === 's') byId.set(r.value.s!.id, r.value.s!)
    else if (r.value.k === 'd') byId.delete(r.value.id!)
  })
  const grades: PlainGrade[] = []
  if (!opts.grades) return { summaries: [...byId.values()], grades }
  const interned = new Map<string, string>()
  await eachLine(join(historyDir, 'grades.jsonl'), (line) => {
    const r = decodeRecord<{ k: string } & QuestionAttemptRecord>(line)
    if (!r.ok) throw new Error(`grades.jsonl: ${r.reason}`)
    const g = r.value
    if (g.k !== 'g') return
    const questionId = interned.get(g.questionId) ?? (interned.set(g.questionId, g.questionId), g.questionId)
    const sessionId = byId.get(g.sessionId)?.id ?? g.sessionId // one string per session, not per grade
    grades.push({ questionId, sessionId, questionIndex: g.questionIndex, at: g.at, rating: g.rating })
  })
  return { summaries: [...byId.values()], grades }
}

/** The History page over a plain array: the app's filters, sort key then startedAt desc, offset and limit. */
export function plainPage(all: SessionSummary[], q: HistoryQuery, matching: Set<string> | null = null): { total: number; ids: string[] } {
  const from = q.from ? Date.parse(q.from) : null
  const to = q.to ? Date.parse(q.to) + (q.to.length <= 10 ? 86_400_000 - 1 : 0) : null
  const items = all.filter((s) => {
    if (matching && !matching.has(s.id)) return false
    if (q.statuses.length && !q.statuses.includes(s.status)) return false
    if (q.topics.length && !s.topics.some((t) => q.topics.includes(t))) return false
    if (q.bankIds?.length && !s.bankIds.some((b) => q.bankIds!.includes(b))) return false
    if (q.difficulties?.length && !(s.difficulties ?? []).some((d) => q.difficulties!.includes(d))) return false
    const started = Date.parse(s.startedAt)
    if (from !== null && started < from) return false
    if (to !== null && started > to) return false
    if (q.minRating !== null && (s.averageRating ?? 0) < q.minRating) return false
    if (q.maxRating !== null && (s.averageRating ?? 0) > q.maxRating) return false
    return true
  })
  const sign = q.sort.dir === 'asc' ? 1 : -1
  const key = q.sort.key
  items.sort((a, b) => {
    const x = a[key] ?? -1
    const y = b[key] ?? -1
    const c = x < y ? -1 : x > y ? 1 : 0
    return c === 0 ? (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0) : c * sign
  })
  return { total: items.length, ids: items.slice(q.offset, q.offset + q.limit).map((s) => s.id) }
}

/** Words as a full-text index splits them (MiniSearch's default: spaces and punctuation), lower-cased. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/gu
export const searchWords = (text: string): string[] => text.toLowerCase().split(SEPARATOR).filter(Boolean)
/** " word word word": a query word w is a prefix of one of its words when it contains " w". */
const asWords = (text: string): string => ` ${searchWords(text).join(' ')}`

/**
 * Text search by scanning the grade log on disk, every line, no early stop: a grade matches when
 * every query word is the prefix of a word of its draft, its note or its question's text
 * (case-insensitive). Returns the ids of the sessions with a matching grade.
 */
export async function scanSearch(gradesFile: string, text: string, questionText: (id: string) => string | undefined): Promise<Set<string>> {
  const words = searchWords(text).map((w) => ` ${w}`)
  const questionWords = new Map<string, string>()
  const found = new Set<string>()
  if (!words.length) return found
  await eachLine(gradesFile, (line) => {
    const g = JSON.parse(line.slice(9)) as { k: string } & QuestionAttemptRecord
    if (g.k !== 'g') return
    let q = questionWords.get(g.questionId)
    if (q === undefined) questionWords.set(g.questionId, (q = asWords(questionText(g.questionId) ?? '')))
    const own = asWords(`${g.draft} ${g.note}`)
    if (words.every((w) => own.includes(w) || q.includes(w))) found.add(g.sessionId)
  })
  return found
}

/** The attempts of one question from a plain array: every grade looked at, then sorted by time. */
export function plainAttempts(grades: PlainGrade[], questionId: string, live: Set<string>): PlainGrade[] {
  return grades.filter((g) => g.questionId === questionId && live.has(g.sessionId)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

/** One session file read and every line checked and parsed (no replay). */
export async function readSessionFile(historyDir: string, id: string): Promise<number> {
  return decodeRecords(await readFile(join(historyDir, 'sessions', `${id}.jsonl`), 'utf8')).records.length
}

/**
 * Session files read in a seeded random order (as readSessionFile) until all are read or the time
 * budget is spent (at least one): how many, the time per file and the loop's delays meanwhile.
 */
export async function readSomeSessionFiles(
  H: string,
  ids: string[],
  budgetMs: number
): Promise<{ read: number; perFile: number; delay: Stats }> {
  const order = [...ids]
  const pick = seeded(13)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  let read = 0
  const r = await loopDelayDuring(async () => {
    const start = performance.now()
    while (read < order.length && (read === 0 || performance.now() - start < budgetMs)) await readSessionFile(H, order[read++])
  })
  return { read, perFile: r.ms / Math.max(1, read), delay: r.delay }
}

/** Run in the cold child (scripts/bench-history-cold-child.ts), the heap collected before each load. */

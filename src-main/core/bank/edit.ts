/**
 * What a user may write into their own banks: the question form's schema (the contract validates
 * requests with it, so errors come back per field), new ids, and the pure edits on a bank.
 */
import * as v from 'valibot'
import { DIFFICULTIES, type Bank, type Question } from './types'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ONE_LINE = /^[^\r\n]*$/
const RESERVED_HEADING = /^(?:#{1,3}) /m

export const TopicSchema = v.pipe(
  v.string(),
  v.regex(KEBAB, 'a topic is lower-case words joined by dashes, e.g. "my-topic"'),
  v.maxLength(60)
)

export const QuestionDraftSchema = v.strictObject({
  text: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(3, 'write the question (at least 3 characters)'),
    v.maxLength(300, 'keep the question under 300 characters'),
    v.regex(ONE_LINE, 'the question is one line')
  ),
  topics: v.pipe(v.array(TopicSchema), v.minLength(1, 'choose at least one topic'), v.maxLength(10, 'at most 10 topics')),
  difficulty: v.picklist(DIFFICULTIES, 'choose easy, medium or hard'),
  timeSec: v.pipe(
    v.number('a number of seconds'),
    v.integer('whole seconds'),
    v.minValue(30, 'at least 30 seconds'),
    v.maxValue(900, 'at most 900 seconds (15 minutes)')
  ),
  answer: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'write a model answer'),
    v.maxLength(50_000, 'the answer is too long (50,000 characters at most)'),
    v.check(
      (a) => !outsideFences(a).some((l) => RESERVED_HEADING.test(l)),
      'headings #, ## and ### are reserved in a bank; use #### inside an answer'
    ),
    v.check((a) => fencesClosed(a), 'a ``` code block is not closed')
  ),
  keyPoints: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.trim(),
        v.minLength(1, 'a key point cannot be empty'),
        v.maxLength(300),
        v.regex(ONE_LINE, 'a key point is one line')
      )
    ),
    v.maxLength(7, 'at most 7 key points')
  )
})
export type QuestionDraft = v.InferOutput<typeof QuestionDraftSchema>

export const BankTitleSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'give the bank a title'),
  v.maxLength(80, 'at most 80 characters'),
  v.regex(ONE_LINE, 'one line')
)

function outsideFences(markdown: string): string[] {
  const out: string[] = []
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (m && (!fence || (m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]))) {
      fence = fence ? null : m[1]
      continue
    }
    if (!fence) out.push(line)
  }
  return out
}

function fencesClosed(markdown: string): boolean {
  let fence: string | null = null
  for (const line of markdown.split('\n')) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (!m) continue
    if (!fence) fence = m[1]
    else if (m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null
  }
  return fence === null
}

/** A kebab-case slug of some text, at most `max` characters. */
export function slugify(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
  return s || 'q'
}

/** `base`, or `base-2`, `base-3`... whichever is not taken. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`
}

/** #13 parts the question form does not edit; a duplicate or an edit keeps them. */
export type KeptParts = Pick<Question, 'spoken' | 'references' | 'followUps'>

/** The #13 parts of a question to carry over (only those it has). */
export function keptParts(q: Question | undefined): KeptParts {
  if (!q) return {}
  return {
    ...(q.spoken ? { spoken: q.spoken } : {}),
    ...(q.references?.length ? { references: [...q.references] } : {}),
    ...(q.followUps?.length ? { followUps: q.followUps.map((f) => ({ ...f })) } : {})
  }
}

/** A question of a user bank from a form draft (plus the parts the form does not edit). */
export function questionFromDraft(bank: Bank, id: string, draft: QuestionDraft, sources: string[], kept: KeptParts = {}): Question {
  return {
    ...kept,
    id,
    bankId: bank.id,
    text: draft.text,
    topics: [...new Set(draft.topics)],
    difficulty: draft.difficulty,
    timeSec: draft.timeSec,
    sources: sources.length ? sources : ['original'],
    answer: draft.answer,
    keyPoints: draft.keyPoints,
    line: 0
  }
}

import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as v from 'valibot'
import { writeFileAtomic } from '../fs/durable'
import { RoundQuestionSchema } from '../session/schema'
import type { RoundQuestion, SessionRecord } from '../session/types'

type Start = Extract<SessionRecord, { t: 'start' }>
type Content = Omit<RoundQuestion, 'questionId' | 'bankId' | 'timeLimitMs'>
/** On disk, a start record names each question's content by its hash instead of repeating it. */
type StoredQuestion = Pick<RoundQuestion, 'questionId' | 'bankId' | 'timeLimitMs'> & { ref: string }

/** A stored snapshot: the round question without the ids the start record keeps itself. */
const ContentSchema = v.omit(RoundQuestionSchema, ['questionId', 'bankId', 'timeLimitMs'])

const missing = (q: StoredQuestion): Content => ({
  bankTitle: q.bankId,
  text: `(question ${q.questionId})`,
  topics: [],
  difficulty: 'medium',
  answer: '*This question could not be found in the history folder (its saved copy is missing or damaged).*',
  keyPoints: []
})

/**
 * Content-addressed copies of the questions a session showed (`questions/<sha256>.json`: text,
 * model answer, key points): each session keeps what it was graded against even after the banks
 * change, and 10,000 sessions share a few hundred small files instead of repeating every answer.
 */
export class QuestionSnapshots {
  private cache = new Map<string, Content>()

  constructor(private readonly dir: string) {}

  async dehydrate(start: Start): Promise<Start> {
    const questions: StoredQuestion[] = []
    for (const { questionId, bankId, timeLimitMs, ...content } of start.questions) {
      const json = JSON.stringify(content)
      const ref = createHash('sha256').update(json).digest('hex')
      const file = join(this.dir, `${ref}.json`)
      if (!this.cache.has(ref) && !existsSync(file)) await writeFileAtomic(file, json)
      this.cache.set(ref, content)
      questions.push({ questionId, bankId, timeLimitMs, ref })
    }
    return { ...start, questions: questions as unknown as RoundQuestion[] }
  }

  /**
   * Puts the question contents back into a start record. A missing or damaged one reads as a
   * placeholder, and its question id is listed in `damaged` for the caller to report.
   */
  async hydrate(records: SessionRecord[]): Promise<{ records: SessionRecord[]; damaged: string[] }> {
    const start = records[0]
    const damaged: string[] = []
    if (start?.t !== 'start') return { records, damaged }
    const questions = await Promise.all(
      (start.questions as unknown as (StoredQuestion | RoundQuestion)[]).map(async (q) => {
        if (!('ref' in q)) return q
        const { ref, ...ids } = q
        const content = await this.read(String(ref))
        if (!content) damaged.push(String(q.questionId))
        return { ...(content ?? missing(q)), ...ids }
      })
    )
    return { records: [{ ...start, questions }, ...records.slice(1)], damaged }
  }

  private async read(ref: string): Promise<Content | undefined> {
    let content = this.cache.get(ref)
    if (!content && /^[0-9a-f]{64}$/.test(ref)) {
      try {
        const parsed = v.safeParse(ContentSchema, JSON.parse(await readFile(join(this.dir, `${ref}.json`), 'utf8')))
        if (!parsed.success) return undefined
        content = parsed.output
        this.cache.set(ref, content)
      } catch {
        return undefined
      }
    }
    return content
  }
}

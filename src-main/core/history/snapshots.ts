import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/durable'
import type { RoundQuestion, SessionRecord } from '../session/types'

type Start = Extract<SessionRecord, { t: 'start' }>
type Content = Omit<RoundQuestion, 'questionId' | 'bankId' | 'timeLimitMs'>
/** On disk, a start record names each question's content by its hash instead of repeating it. */
type StoredQuestion = Pick<RoundQuestion, 'questionId' | 'bankId' | 'timeLimitMs'> & { ref: string }

const missing = (q: StoredQuestion): Content => ({
  bankTitle: q.bankId,
  text: `(question ${q.questionId})`,
  topics: [],
  difficulty: 'medium',
  answer: '*This question could not be found in the history folder.*',
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

  /** Puts the question contents back into a start record; a missing one reads as a placeholder. */
  async hydrate(records: SessionRecord[]): Promise<SessionRecord[]> {
    const start = records[0]
    if (start?.t !== 'start') return records
    const questions = await Promise.all(
      (start.questions as unknown as (StoredQuestion | RoundQuestion)[]).map(async (q) => {
        if (!('ref' in q)) return q
        const { ref, ...ids } = q
        return { ...((await this.read(ref)) ?? missing(q)), ...ids }
      })
    )
    return [{ ...start, questions }, ...records.slice(1)]
  }

  private async read(ref: string): Promise<Content | undefined> {
    let content = this.cache.get(ref)
    if (!content && /^[0-9a-f]{64}$/.test(ref)) {
      try {
        content = JSON.parse(await readFile(join(this.dir, `${ref}.json`), 'utf8')) as Content
        this.cache.set(ref, content)
      } catch {
        return undefined
      }
    }
    return content
  }
}

import MiniSearch from 'minisearch'
import type { GradeTable } from './grade-table'
import type { ContentLookup } from './types'
import { words, type WordIndex } from './word-index'

/** Which sessions a search found: `hits[d] === need` for a match; `scores[d]` ranks them. */
export interface SearchHits {
  need: number
  hits: Uint8Array
  scores: Float64Array
}

export const matches = (h: SearchHits, doc: number): boolean => doc < h.hits.length && h.hits[doc] === h.need

/** A session found through the text of a question it graded counts a little less than its own words. */
const QUESTION_WEIGHT = 0.5

/**
 * The texts of the questions history has grades for, in a MiniSearch index (a few hundred to a
 * few thousand short documents), rebuilt when a text or the set of questions changes.
 */
export class QuestionTexts {
  private index: MiniSearch<{ id: number; text: string }> | null = null
  private texts: (string | undefined)[] = []

  async match(word: string, table: GradeTable, lookup: ContentLookup): Promise<{ id: number; score: number }[]> {
    await this.prepare(table, lookup)
    return this.index!.search(word, { prefix: true, combineWith: 'AND' }).map((r) => ({ id: r.id as number, score: r.score }))
  }

  /** Built in chunks (`addAllAsync`): a few thousand texts take longer than one task should. */
  async prepare(table: GradeTable, lookup: ContentLookup): Promise<void> {
    const texts = table.questions.list.map((id) => lookup.questionText(id))
    if (this.index && texts.length === this.texts.length && texts.every((t, i) => t === this.texts[i])) return
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], idField: 'id' })
    await index.addAllAsync(
      texts.flatMap((text, id) => (text ? [{ id, text }] : [])),
      { chunkSize: 25 }
    )
    this.texts = texts
    this.index = index
  }
}

/**
 * Every session whose drafts, notes or graded questions contain each word of `text` (each word as
 * a prefix: "etc" finds "etcd"), ranked by BM25. Null when the text has no word to look for.
 */
export async function searchSessions(
  text: string,
  index: WordIndex,
  table: GradeTable,
  questions: QuestionTexts,
  lookup: ContentLookup
): Promise<SearchHits | null> {
  const wanted = [...new Set(words(text))]
  if (!wanted.length) return null
  const n = Math.max(table.sessions.size, index.lengths.length)
  const out: SearchHits = { need: wanted.length, hits: new Uint8Array(n), scores: new Float64Array(n) }
  for (const word of wanted) {
    const seen = new Uint8Array(n)
    const hit = (d: number): void => {
      if (seen[d]) return
      seen[d] = 1
      out.hits[d]++
    }
    index.match(word, out.scores, hit)
    for (const q of await questions.match(word, table, lookup)) {
      for (const row of table.rowsOfQuestionOrd(q.id)) {
        if (!table.counts(row)) continue
        const d = table.cols.session[row]
        out.scores[d] += q.score * QUESTION_WEIGHT
        hit(d)
      }
    }
  }
  return out
}

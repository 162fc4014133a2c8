/**
 * Full-text search over every question (text, answer, key points) with MiniSearch, plus the filters
 * of the Questions screen. The index is rebuilt only when the library changes.
 */
import MiniSearch from 'minisearch'
import type { Bank, Difficulty, Question } from './types'

export interface QuestionStats {
  attempts: number
  lastRating: number | null
  lastAt: string | null
}

export interface QuestionFilter {
  text: string
  bankIds: string[]
  topics: string[]
  difficulties: Difficulty[]
  neverTried: boolean
  /** Last grade given, 1-5; empty: any. */
  grades: number[]
  offset: number
  limit: number
}

export interface QuestionRow {
  id: string
  bankId: string
  text: string
  topics: string[]
  difficulty: Difficulty
  keyPointCount: number
  attempts: number
  lastRating: number | null
}

export interface QuestionPage {
  total: number
  rows: QuestionRow[]
}

interface Doc {
  id: string
  text: string
  answer: string
  keyPoints: string
}

export class QuestionSearch {
  private index: MiniSearch<Doc> | null = null
  private built: Bank[] | null = null
  private all: Question[] = []
  private byId = new Map<string, Question>()

  /** Makes sure the index describes these banks (same array: nothing to do). */
  use(banks: Bank[]): void {
    if (this.built === banks) return
    this.built = banks
    this.all = banks.flatMap((b) => b.questions)
    this.byId = new Map(this.all.map((q) => [q.id, q]))
    this.index = null
  }

  private mini(): MiniSearch<Doc> {
    if (this.index) return this.index
    const m = new MiniSearch<Doc>({
      fields: ['text', 'answer', 'keyPoints'],
      storeFields: [],
      // As the user types, only the last word is a prefix; typos are forgiven in longer words.
      searchOptions: {
        boost: { text: 3, keyPoints: 2 },
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length > 5 ? 0.2 : false),
        combineWith: 'AND'
      }
    })
    m.addAll(this.all.map((q) => ({ id: q.id, text: q.text, answer: q.answer, keyPoints: q.keyPoints.join('\n') })))
    this.index = m
    return m
  }

  search(f: QuestionFilter, stats: (id: string) => QuestionStats | undefined): QuestionPage {
    const byId = this.byId
    const text = f.text.trim()
    const ordered: Question[] = text
      ? this.mini()
          .search(text)
          .flatMap((r) => byId.get(String(r.id)) ?? [])
      : this.all
    const rows: QuestionRow[] = []
    let total = 0
    for (const q of ordered) {
      if (f.bankIds.length && !f.bankIds.includes(q.bankId)) continue
      if (f.topics.length && !q.topics.some((t) => f.topics.includes(t))) continue
      if (f.difficulties.length && !f.difficulties.includes(q.difficulty)) continue
      const s = stats(q.id)
      if (f.neverTried && s && s.attempts > 0) continue
      if (f.grades.length && (s?.lastRating == null || !f.grades.includes(s.lastRating))) continue
      total++
      if (total > f.offset && rows.length < f.limit) {
        rows.push({
          id: q.id,
          bankId: q.bankId,
          text: q.text,
          topics: q.topics,
          difficulty: q.difficulty,
          keyPointCount: q.keyPoints.length,
          attempts: s?.attempts ?? 0,
          lastRating: s?.lastRating ?? null
        })
      }
    }
    return { total, rows }
  }
}

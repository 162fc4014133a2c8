import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { Postings } from './postings'

const tokenizeText = MiniSearch.getDefault('tokenize') as (text: string) => string[]
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined

/** Words as MiniSearch cuts and normalises them (Unicode word boundaries, lower case). */
export function words(text: string): string[] {
  const out: string[] = []
  for (const t of tokenizeText(text)) {
    const w = processTerm(t)
    if (w) out.push(w)
  }
  return out
}

/** BM25 as MiniSearch uses it; a word that only starts with the query word counts less. */
const K1 = 1.2
const B = 0.7
const PREFIX_WEIGHT = 0.375

/**
 * The word index over drafts and notes, one document per session: MiniSearch's radix tree
 * (`SearchableMap`) maps each word to its postings, so a query word finds every word it begins in
 * one walk of the tree. Built as grades arrive (`add`), taken back when a grade is replaced
 * (`remove`), and saved with the grade table as a derived snapshot. A document is a session number.
 */
export class WordIndex {
  terms = new SearchableMap<Postings>()
  /** The same postings by exact word: a hash lookup for each word added (the tree is for prefixes). */
  private readonly byWord = new Map<string, Postings>()
  /** Words per session, for BM25's length normalisation. */
  lengths = new Uint32Array(1024)
  totalLength = 0
  documents = 0

  add(doc: number, text: string): void {
    const counts = this.count(text)
    if (!counts.size) return
    this.ensure(doc)
    if (this.lengths[doc] === 0) this.documents++
    for (const [w, tf] of counts) {
      this.postings(w).add(doc, tf)
      this.lengths[doc] += tf
      this.totalLength += tf
    }
  }

  remove(doc: number, text: string): void {
    for (const [w, tf] of this.count(text)) {
      const p = this.byWord.get(w)
      if (!p) continue
      p.remove(doc, tf)
      if (p.n === 0) {
        this.terms.delete(w)
        this.byWord.delete(w)
      }
      const take = Math.min(tf, this.lengths[doc] ?? 0)
      this.lengths[doc] -= take
      this.totalLength -= take
    }
    if (doc < this.lengths.length && this.lengths[doc] === 0) this.documents = Math.max(0, this.documents - 1)
  }

  /**
   * Adds each session's score for one query word (every indexed word it begins) into `scores`, and
   * calls `hit` once per session found.
   */
  match(word: string, scores: Float64Array, hit: (doc: number) => void): void {
    const avg = this.documents ? this.totalLength / this.documents : 1
    for (const [term, p] of this.terms.atPrefix(word)) {
      const weight = term.length === word.length ? 1 : PREFIX_WEIGHT
      const idf = Math.log(1 + (this.documents - p.n + 0.5) / (p.n + 0.5))
      p.forEach((d, tf) => {
        scores[d] += (weight * idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * this.lengths[d]) / avg))
        hit(d)
      })
    }
  }

  /** The postings of a word, made when it is first seen (also used to restore a snapshot). */
  postings(w: string, restored?: Postings): Postings {
    let p = this.byWord.get(w)
    if (!p || restored) {
      p = restored ?? new Postings()
      this.byWord.set(w, p)
      this.terms.set(w, p)
    }
    return p
  }

  private count(text: string): Map<string, number> {
    const counts = new Map<string, number>()
    for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1)
    return counts
  }

  ensure(doc: number): void {
    if (doc < this.lengths.length) return
    const next = new Uint32Array(Math.max(doc + 1, this.lengths.length * 2))
    next.set(this.lengths)
    this.lengths = next
  }
}

/**
 * How alike two questions are, to find near-duplicates across banks: the cosine similarity of TF-IDF
 * vectors of their stemmed content words (function words and the words every interview question
 * uses, such as "explain" or "difference", dropped), over the question text (counted twice) and its
 * key points. content/README.md and tests/content/format.test.ts give the threshold and why.
 */
import type { Question } from './types'

/** Two questions of different banks at or above this similarity are near-duplicates. */
export const NEAR_DUPLICATE = 0.45

const STOPWORDS = new Set(
  (
    'a an the and or but if then than so of in on at to for from by with without into onto about over under as is are was were be been ' +
    'being it its it’s this that these those there here what which who whom whose when where why how do does did done can could would ' +
    'should will shall may might must you your yours we our i me my they them their he she his her not no yes all any each every some ' +
    'such one two vs versus via per also just only more most very much many other others own same both either neither ' +
    'explain describe walk through tell talk give compare difference differences between mean means meaning work works working ' +
    'happen happens use used using need needs kubernetes k8s cluster clusters'
  ).split(' ')
)

/** A light suffix stemmer: enough to make "pods"/"pod", "scheduling"/"schedule", "policies"/"policy" meet. */
export function stem(word: string): string {
  let w = word
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y'
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1)
  for (const suffix of ['ing', 'ed', 'er', 'ly']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length)
      break
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

/** The stemmed content words of a text. */
export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && !STOPWORDS.has(w))
  return new Set(words.map(stem))
}

/** The words of a question that say what it is about: its text, counted twice, and its key points. */
export function questionTerms(q: Pick<Question, 'text' | 'keyPoints'>): Map<string, number> {
  const terms = new Map<string, number>()
  const add = (text: string, weight: number): void => {
    for (const w of contentWords(text)) terms.set(w, (terms.get(w) ?? 0) + weight)
  }
  add(q.text, 2)
  add(q.keyPoints.join('\n'), 1)
  return terms
}

export interface SimilarPair<T> {
  a: T
  b: T
  similarity: number
  /** The shared words that weigh most, for the report. */
  shared: string[]
}

/**
 * Cosine similarity of TF-IDF vectors over `questionTerms`, for every pair of items from different
 * groups (banks), most similar first; pairs that share no word are left out. IDF is taken over the
 * items given, so words every question uses ("pod", "node") weigh little and rare ones a lot.
 */
export function similarPairs<T>(
  items: T[],
  question: (t: T) => Pick<Question, 'text' | 'keyPoints'>,
  group: (t: T) => string
): SimilarPair<T>[] {
  const bags = items.map((t) => questionTerms(question(t)))
  const df = new Map<string, number>()
  for (const bag of bags) for (const w of bag.keys()) df.set(w, (df.get(w) ?? 0) + 1)
  const vectors = bags.map((bag) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [w, n] of bag) {
      const x = n * Math.log(items.length / df.get(w)!)
      v.set(w, x)
      norm += x * x
    }
    norm = Math.sqrt(norm) || 1
    for (const [w, x] of v) v.set(w, x / norm)
    return v
  })
  const pairs: SimilarPair<T>[] = []
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (group(items[i]) === group(items[j])) continue
      let similarity = 0
      const shared: [string, number][] = []
      for (const [w, x] of vectors[i]) {
        const y = vectors[j].get(w)
        if (y === undefined) continue
        similarity += x * y
        shared.push([w, x * y])
      }
      if (similarity > 0) {
        pairs.push({
          a: items[i],
          b: items[j],
          similarity,
          shared: shared
            .sort((p, q) => q[1] - p[1])
            .slice(0, 6)
            .map(([w]) => w)
        })
      }
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity)
}

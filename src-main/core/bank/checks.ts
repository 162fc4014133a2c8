/**
 * The rules bundled banks meet beyond the format (issue #13): a Kubernetes version in the front
 * matter, a spoken answer a candidate can say in a minute, follow-ups on medium and hard questions,
 * key points that state behaviour rather than a version number, references for new original
 * questions, and no near-duplicates across banks. Shared by the content tests and `npm run check:banks`.
 */
import { NEAR_DUPLICATE, similarPairs, type SimilarPair } from './similarity'
import type { Bank, Question } from './types'

export const SPOKEN_WORDS = { min: 60, max: 120 }
export const FOLLOW_UP_WORDS = { min: 20, max: 80 }
export const FOLLOW_UPS = { min: 1, max: 3 }

export interface ContentProblem {
  rule: 'kubernetes' | 'spoken' | 'follow-ups' | 'version-key-point' | 'reference' | 'near-duplicate'
  file: string
  line: number
  message: string
}

/** Words as a listener hears them: whitespace-separated tokens holding a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length
}

/** Tokens that date a fact rather than state it: 1.26, v1.29, GA, beta, removed, since… */
const VERSION_TOKEN =
  /^(v?\d+(\.\d+)+|v\d+|k8s|kubernetes|ga|alpha|beta|stable|removed|deprecated|deprecation|since|graduated|introduced|added|release|released|version|until|default|feature|gate)$/
/** Function words that carry no behaviour. */
const FILLER = /^(a|an|the|in|on|at|as|of|from|to|by|for|and|or|is|are|was|were|be|been|it|its|now|still|only|then|with)$/
/** A Kubernetes-style version, 1.26 or v1.29 (not an address such as 10.96.0.1). */
const DATED = /(?<![\w.])v?1\.\d{1,2}(?![\w.]*\d)/

/**
 * A key point is "only a version number" when it holds a Kubernetes-style version (1.26, v1.29) and,
 * without its version tokens (the number, GA, beta, removed, deprecated, since…) and filler words,
 * fewer than 4 words are left. Measured on the 268 questions before #13: of 31 dated key points, the
 * 9 with 1-3 words left are a feature name, a status and a date ("Userspace proxy mode removed in
 * 1.26", "iptables default; nftables GA in 1.33; IPVS deprecated"); with 4 or more left they state a
 * mechanism ("IPVS: hash lookups and schedulers, deprecated in 1.35", "RWOP limits it to a single
 * pod; GA in 1.29"). A cut at 3 would let the three-word feature names through.
 */
export const SUBSTANCE_WORDS = 4

export function isVersionOnly(point: string): boolean {
  if (!DATED.test(point)) return false
  const substance = point
    .toLowerCase()
    .replace(/[`*_()[\]:;,"'→>/+-]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && /[\p{L}]/u.test(w) && !VERSION_TOKEN.test(w) && !FILLER.test(w))
  return substance.length < SUBSTANCE_WORDS
}

export interface CheckOptions {
  /** Ids of the questions that existed before #13: only newer original questions need a reference. */
  legacyIds: Set<string>
}

/** The per-question and per-bank rules. */
export function checkBank(bank: Bank, opts: CheckOptions): ContentProblem[] {
  const out: ContentProblem[] = []
  const at = (rule: ContentProblem['rule'], q: Question | null, message: string): void => {
    out.push({ rule, file: bank.file, line: q?.line ?? 2, message: q ? `${q.id}: ${message}` : message })
  }
  if (!bank.kubernetes) at('kubernetes', null, 'the front matter names no "kubernetes" version (e.g. kubernetes: "1.34")')
  for (const q of bank.questions) {
    const spoken = q.spoken ? wordCount(q.spoken) : 0
    if (!q.spoken) at('spoken', q, 'no "### Spoken answer"')
    else if (spoken < SPOKEN_WORDS.min || spoken > SPOKEN_WORDS.max) {
      at('spoken', q, `spoken answer has ${spoken} words; ${SPOKEN_WORDS.min}-${SPOKEN_WORDS.max} are required`)
    }
    const followUps = q.followUps ?? []
    if (q.difficulty !== 'easy' && (followUps.length < FOLLOW_UPS.min || followUps.length > FOLLOW_UPS.max)) {
      at('follow-ups', q, `a ${q.difficulty} question needs ${FOLLOW_UPS.min}-${FOLLOW_UPS.max} follow-ups, has ${followUps.length}`)
    }
    followUps.forEach((f, i) => {
      const n = wordCount(f.answer)
      if (n < FOLLOW_UP_WORDS.min || n > FOLLOW_UP_WORDS.max) {
        at(
          'follow-ups',
          q,
          `follow-up ${i + 1} ("${f.question}") has a ${n}-word answer; ${FOLLOW_UP_WORDS.min}-${FOLLOW_UP_WORDS.max} are required`
        )
      }
      if (f.question.includes('\n') || !f.question.endsWith('?'))
        at('follow-ups', q, `follow-up ${i + 1} is not one question ending with "?"`)
    })
    for (const k of q.keyPoints) if (isVersionOnly(k)) at('version-key-point', q, `key point "${k}" is a version number, not a behaviour`)
    if (q.sources.includes('original') && !opts.legacyIds.has(q.id) && !(q.references ?? []).length) {
      at('reference', q, 'a new "original" question names no "- reference:" documentation page')
    }
  }
  return out
}

/** Pairs of questions in different banks at or above the near-duplicate threshold. */
export function nearDuplicates(banks: Bank[], threshold = NEAR_DUPLICATE): SimilarPair<Question>[] {
  return similarPairs(
    banks.flatMap((b) => b.questions),
    (q) => q,
    (q) => q.bankId
  ).filter((p) => p.similarity >= threshold)
}

/**
 * Text-search rows of the history bench (issue #12): a common word, a rare word and a prefix, cold
 * (a new store) and warm, each next to a scan of the grade log on disk with the same semantics; and
 * the longest event-loop stall during a search.
 */
import { join } from 'node:path'
import type { Bank } from '../src-main/core/bank/types'
import { historyQuery } from '../src-main/core/history/query'
import { scanSearch } from './bench-history-baselines'
import type { HistoryBench } from './bench-history-context'
import { paired, stats } from './bench-stats'
import { loopDelayDuring } from './bench-stall'
import { GENERIC_WORDS, questionVocabulary } from './synthetic-history'

/** A word of exactly one question's answer and of no question text or generic word: a rare search term. */
function rareWord(banks: Bank[]): string {
  const questions = banks.flatMap((b) => b.questions)
  const seen = new Map<string, number>()
  for (const q of questions) for (const w of questionVocabulary(q)) seen.set(w, (seen.get(w) ?? 0) + 1)
  const texts = questions.map((q) => q.text.toLowerCase()).join(' ')
  const rare = [...seen].filter(([w, n]) => n === 1 && w.length >= 8 && !GENERIC_WORDS.includes(w) && !texts.includes(w))
  return rare.map(([w]) => w).sort()[0] ?? 'kubelet'
}

export async function searchRows(ctx: HistoryBench): Promise<void> {
  const { H, banks, large, warm, rows, lookup, fresh, loaded, warmStore, measure, row, stallRow } = ctx
  // ---- text search -------------------------------------------------------------------------------
  const terms: [string, string][] = [
    ['a common word', 'etcd'],
    ['a rare word', rareWord(banks)],
    ['a prefix', 'thrott']
  ]
  const gradesFile = join(H, 'grades.jsonl')
  for (const [what, text] of terms) {
    const ms: number[] = []
    let found = 0
    for (let i = 0; i < (large ? 1 : 3); i++) {
      const t = performance.now()
      found = (await scanSearch(gradesFile, text, lookup.questionText)).size
      ms.push(performance.now() - t)
    }
    const base = stats(ms).p50
    const baseName = `scan of the grade log on disk (${found} sessions)`
    await measure(`text search "${text}" (${what}), cold`, '', async () => {
      loaded() // a search loads the grades
      const r = await paired(async () => (await fresh()).list(historyQuery({ text }), lookup), null, {
        min: large ? 1 : 3,
        max: large ? 1 : 3,
        budgetMs: 0
      })
      rows.push({ ...row(`text search "${text}" (${what}), cold (new store)`, stats(r.a), baseName, base, '', Infinity), pass: true })
    })
    await measure(`text search "${text}" (${what}), warm`, '< 100 ms', async () => {
      const total = (await warmStore().list(historyQuery({ text }), lookup)).total
      const r = await paired(() => warmStore().list(historyQuery({ text }), lookup), null, warm)
      const note = total === found ? `${total} sessions, as the baseline` : `${total} sessions; baseline semantics find ${found}`
      rows.push(row(`text search "${text}" (${what}), warm`, stats(r.a), baseName, base, '< 100 ms', 100, note))
    })
  }
  await measure('longest event-loop stall during a search', 'max < 50 ms', async () => {
    loaded()
    const s = await fresh()
    const r = await loopDelayDuring(async () => {
      await s.list(historyQuery({ text: 'etcd' }), lookup)
      await s.list(historyQuery({ text: 'thrott' }), lookup)
    })
    const b = await loopDelayDuring(() => scanSearch(gradesFile, 'etcd', lookup.questionText))
    rows.push(
      stallRow(
        'longest event-loop stall during a search (cold store: "etcd", then "thrott")',
        r.delay,
        'stall during the plain scan',
        b.delay,
        r.ms
      )
    )
  })
}

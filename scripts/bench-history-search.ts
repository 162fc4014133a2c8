/**
 * Text-search rows of the history bench (issue #12): a common word, a rare word and a prefix, cold
 * (a new store, in the cold child: scripts/bench-history-cold.ts) and warm, each next to a scan of the
 * grade log on disk with the same semantics; and the longest event-loop stall during a search.
 */
import { join } from 'node:path'
import type { Bank } from '../src-main/core/bank/types'
import { historyQuery } from '../src-main/core/history/query'
import { scanSearch } from './bench-history-baselines'
import type { HistoryBench } from './bench-history-context'
import { paired, stats } from './bench-stats'
import { scanName } from './bench-history-cold'
import type { ColdResult } from './bench-history-cold-run'
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

/** The three search terms: a common word, a rare word and a prefix. */
export const searchTerms = (banks: Bank[]): [string, string][] => [
  ['a common word', 'etcd'],
  ['a rare word', rareWord(banks)],
  ['a prefix', 'thrott']
]

/**
 * Per term, the cold row (measured in the cold child) then the warm row, against the child's scan of
 * the grade log; when the child could not scan, the scan is measured here. Then the search stall row.
 */
export async function searchRows(ctx: HistoryBench, cold: ColdResult): Promise<void> {
  const { H, banks, large, warm, rows, lookup, warmStore, measure, row } = ctx
  const gradesFile = join(H, 'grades.jsonl')
  for (const [i, [what, text]] of searchTerms(banks).entries()) {
    rows.push(...cold.groups[`search:${i}`])
    let scan = cold.scans[text]
    if (!scan) {
      const ms: number[] = []
      let found = 0
      for (let k = 0; k < (large ? 1 : 3); k++) {
        const t = performance.now()
        found = (await scanSearch(gradesFile, text, lookup.questionText)).size
        ms.push(performance.now() - t)
      }
      scan = { ms: stats(ms).p50, found }
    }
    const { found } = scan
    await measure(`text search "${text}" (${what}), warm`, '< 100 ms', async () => {
      const total = (await warmStore().list(historyQuery({ text }), lookup)).total
      const r = await paired(() => warmStore().list(historyQuery({ text }), lookup), null, warm)
      const note = total === found ? `${total} sessions, as the baseline` : `${total} sessions; baseline semantics find ${found}`
      rows.push(row(`text search "${text}" (${what}), warm`, stats(r.a), scanName(found), scan.ms, '< 100 ms', 100, note))
    })
  }
  rows.push(...cold.groups.searchStall)
}

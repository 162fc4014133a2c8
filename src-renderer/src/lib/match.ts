import type { BankSummary } from '@contract'
import { DIFFICULTIES, type Difficulty } from '@shared'

/**
 * How many questions a setup would draw from, from the banks' topic × difficulty matrix. A question
 * with several topics counts once per topic in the matrix, so with topics chosen this is an upper
 * bound, capped by the bank's count per difficulty; without topics it is exact.
 */
export function estimateMatches(
  banks: BankSummary[],
  bankIds: string[],
  topics: string[],
  difficulties: Difficulty[],
  includeFollowUps = false
): number {
  const wanted = new Set(topics)
  let n = 0
  for (const bank of banks) {
    if (!bankIds.includes(bank.id)) continue
    // #13: follow-ups drilled as questions count only when the round includes them
    for (const b of includeFollowUps && bank.followUps ? [bank, bank.followUps] : [bank]) {
      for (const d of DIFFICULTIES) {
        if (!difficulties.includes(d)) continue
        if (!wanted.size) {
          n += b.difficulties[d] ?? 0
          continue
        }
        const sum = b.matrix.filter((m) => m.difficulty === d && wanted.has(m.topic)).reduce((a, m) => a + m.count, 0)
        n += Math.min(sum, b.difficulties[d] ?? 0)
      }
    }
  }
  return n
}

/** Topics of the given banks with their question counts, by name. */
export function topicsOf(banks: BankSummary[], bankIds: string[], includeFollowUps = false): { topic: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const b of banks) {
    if (!bankIds.includes(b.id)) continue
    for (const [t, c] of Object.entries(b.topics)) counts.set(t, (counts.get(t) ?? 0) + c)
    if (includeFollowUps) for (const [t, c] of Object.entries(b.followUps?.topics ?? {})) counts.set(t, (counts.get(t) ?? 0) + c)
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([topic, count]) => ({ topic, count }))
}

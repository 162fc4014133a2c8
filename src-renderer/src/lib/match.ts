import type { BankSummary } from '@contract'

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

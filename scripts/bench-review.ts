/**
 * Review rows of `npm run bench` (issue #8): the review state built cold from the grade log (as the
 * app builds it: history's grade table, read in place) next to a bare JSON.parse of the same bytes,
 * one more grade, and the Review and Statistics queries.
 */
import { join } from 'node:path'
import type { Bank } from '../src-main/core/bank/types'
import { readLines } from '../src-main/core/fs/lines'
import { pacer } from '../src-main/core/fs/pacer'
import { decodeRecord } from '../src-main/core/fs/records'
import type { QuestionAttemptRecord } from '../src-main/core/history/types'
import { GradeReader } from '../src-main/core/history/grade-reader'
import { GradeTable } from '../src-main/core/history/grade-table'
import { gradesLoad } from '../src-main/core/review/grade-rows'
import { ReviewIndex } from '../src-main/core/review/review-index'
import type { ReviewContext } from '../src-main/core/review/schedule'
import { ReviewService } from '../src-main/core/review/service'
import type { CatalogueQuestion, ReviewGrade } from '../src-main/core/review/types'
import { stats as statsOf, type Row } from './bench-stats'

export type ReviewRow = Row

export async function benchReview(dataDir: string, banks: Bank[]): Promise<ReviewRow[]> {
  const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]
  const time = async (n: number, fn: (i: number) => unknown): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      await fn(i)
      out.push(performance.now() - t)
    }
    return out
  }
  const catalogue: CatalogueQuestion[] = banks.flatMap((b) =>
    b.questions.map((q) => ({ id: q.id, bankId: b.id, text: q.text, topics: q.topics, difficulty: q.difficulty }))
  )
  const byId = new Map(catalogue.map((q) => [q.id, q]))
  // Both sides stream the grade log line by line (at 100k sessions it is larger than a string may be).
  const log = join(dataDir, 'history', 'grades.jsonl')
  // The app's cold path (issue #12): each line checked and parsed into history's grade table (the
  // same `add` a history load runs per line; its word index is search's, not review's), then the
  // review built from that table in place, by row number.
  const build = async (): Promise<ReviewIndex> => {
    const table = new GradeTable()
    for await (const { text, offset } of readLines(log)) {
      const d = decodeRecord<{ k: string } & QuestionAttemptRecord>(text)
      if (d.ok && d.value.k === 'g') table.add(d.value, offset)
    }
    const rows: number[] = []
    for (let r = 0; r < table.rows; r++) if (!table.superseded(r)) rows.push(r)
    const index = new ReviewIndex()
    await index.rebuildInSlices({ source: new GradeReader(table), rows, catalogue: (id) => byId.get(id) }, pacer())
    return index
  }
  const parse = async (): Promise<number> => {
    let n = 0
    for await (const { text } of readLines(log)) if (text && JSON.parse(text.slice(9))) n++
    return n
  }
  // Alternated, so that both see the same load on a shared machine.
  await parse()
  const baseline: number[] = []
  const cold: number[] = []
  for (let i = 0; i < 4; i++) {
    baseline.push(...(await time(1, parse)))
    cold.push(...(await time(1, build)))
  }

  const index = await build()
  let last = 0
  for (const { grades: g } of index.questions.values()) last = Math.max(last, g.atMs(g.length - 1))
  const ctx: ReviewContext = { nowMs: last + 3_600_000, catalogue, interview: null }
  const sample = [...index.questions.values()][0].grades.last()!
  const ids = catalogue.map((q) => q.id)
  const adds = await time(300, (i) =>
    index.add({
      ...sample,
      sessionId: `bench-${i}`,
      questionIndex: 0,
      questionId: ids[(i * 7) % ids.length],
      atMs: last + i * 1000,
      rating: ((i % 5) + 1) as ReviewGrade['rating']
    })
  )
  const service = new ReviewService(
    async () => gradesLoad([]),
    () => ctx
  )
  ;(service as unknown as { index: ReviewIndex }).index = index
  const overview = await time(30, () => service.overview())
  const stats = await time(30, () => service.statistics())
  const interview = { dayMs: Math.floor(ctx.nowMs / 86_400_000 + 30) * 86_400_000, topics: [] }
  const withInterview = new ReviewService(
    async () => gradesLoad([]),
    () => ({ ...ctx, interview })
  )
  ;(withInterview as unknown as { index: ReviewIndex }).index = index
  const forecast = await time(10, () => withInterview.forecast())
  const b = pct(baseline, 50)
  return [
    {
      measure: `review state built cold from the grade log (${index.size} grades)`,
      ...statsOf(cold),
      baselineName: 'bare JSON.parse of the same lines',
      baseline: b,
      goal: '<= 3× baseline',
      pass: pct(cold, 50) <= 3 * b
    },
    {
      measure: 'review state after one more grade (incremental)',
      ...statsOf(adds),
      baselineName: 'cold build',
      baseline: pct(cold, 50),
      goal: 'p95 < 2 ms',
      pass: pct(adds, 95) < 2
    },
    {
      measure: 'Review screen query (topics, banks, difficulties, leeches)',
      ...statsOf(overview),
      baselineName: 'cold build',
      baseline: pct(cold, 50),
      goal: 'p95 < 50 ms',
      pass: pct(overview, 95) < 50
    },
    {
      measure: 'Statistics query (heatmap, streaks, weeks, due, retention, topics)',
      ...statsOf(stats),
      baselineName: 'cold build',
      baseline: pct(cold, 50),
      goal: 'p95 < 50 ms',
      pass: pct(stats, 95) < 50
    },
    {
      measure: 'interview forecast, 30 days ahead (simulated plan)',
      ...statsOf(forecast),
      baselineName: 'cold build',
      baseline: pct(cold, 50),
      goal: '',
      pass: true
    }
  ]
}

if (process.argv[1]?.endsWith('bench-review.ts')) {
  const { loadBankLibrary } = await import('../src-main/core/bank/library')
  const { banks } = await loadBankLibrary(join(import.meta.dirname, '..', 'content', 'banks'))
  console.table(await benchReview(process.argv[2], banks))
}

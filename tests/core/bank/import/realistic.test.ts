import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPaths } from '../../../../src-main/core/bank/import/index'
import { toCliReport } from '../../../../src-main/core/bank/import/report'
import { EXPECTED_ANSWERED, EXPECTED_UNANSWERED } from './realistic-expected'

const DIR = join(import.meta.dirname, '../../../fixtures/import/realistic')

describe('a realistic public-style collection', () => {
  it('finds at least 95% of the answered questions with their answers and takes nothing else', async () => {
    const report = toCliReport(await importPaths([DIR]), false)
    const got = new Map(report.questions.map((q) => [q.question, q.answer]))
    const hits = EXPECTED_ANSWERED.filter(([q, fragment]) => got.get(q)?.includes(fragment))
    const recall = hits.length / EXPECTED_ANSWERED.length
    expect(recall).toBeGreaterThanOrEqual(0.95)
    const expected = new Set([...EXPECTED_ANSWERED.map(([q]) => q), ...EXPECTED_UNANSWERED])
    const extra = [...report.questions, ...report.unanswered].map((q) => q.question).filter((q) => !expected.has(q))
    expect(extra).toEqual([])
    expect(report.unanswered.map((q) => q.question).sort()).toEqual([...EXPECTED_UNANSWERED].sort())
  })
})

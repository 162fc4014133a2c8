import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadBankLibrary } from '../../src-main/core/bank/library'
import { seedQuestions } from './seed-questions'

const { banks } = await loadBankLibrary(join(import.meta.dirname, '../../content/banks'))
const bySource = new Map<string, string[]>()
for (const b of banks) for (const q of b.questions) for (const s of q.sources) bySource.set(s, [...(bySource.get(s) ?? []), `${b.id}/${q.id}`])

const questions = seedQuestions()

describe('coverage of the seed documents', () => {
  it('finds the explicit questions of every seed', () => {
    const perSeed: Record<string, number> = {}
    for (const q of questions) perSeed[q.seed.slice(0, 3)] = (perSeed[q.seed.slice(0, 3)] ?? 0) + 1
    // 4 "### Q:" in 000, 25 numbered in 001, Questions 501–550 in 003, Q1–Q5 plus 16 lab questions and summaries in 004.
    expect(perSeed).toEqual({ '000': 4, '001': 25, '003': 50, '004': 21 })
  })

  it.each(questions.map((q) => [`${q.seed.slice(0, 3)}:${q.line} ${q.locator}`, q] as const))('answers %s', (_name, q) => {
    const answeredBy = bySource.get(`${q.seed} :: ${q.locator}`) ?? []
    expect(answeredBy, `no bank question names "${q.seed} :: ${q.locator}" as its source`).not.toEqual([])
  })
})

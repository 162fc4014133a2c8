import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { planRound, PlanError } from '../../../src-main/core/session/plan'
import { setup } from '../../helpers/world'

const library = await loadBankLibrary(join(import.meta.dirname, '../../fixtures/bank-format'))

/** Review (issue #8): a round of the questions main chose from a drill source, on #13's banks. */
describe('a round of chosen question ids', () => {
  it('keeps the chosen order, finds follow-ups drilled as questions, and keeps #13’s answer parts', () => {
    const ids = ['extended-rollout-stall-fu1', 'extended-namespace', 'extended-cpu-limit']
    const round = planRound(library.banks, setup({ questionCount: 10, secondsPerQuestion: null, questionIds: ids }))
    expect(round.map((q) => q.questionId)).toEqual(ids)
    expect(round[0]).toMatchObject({ timeLimitMs: 90_000, followUpOf: { id: 'extended-rollout-stall' } })
    expect(round[2].spoken).toEqual(expect.any(String))
  })

  it('says so when none of the chosen questions is loaded', () => {
    expect(() => planRound(library.banks, setup({ questionIds: ['gone-question'] }))).toThrow(PlanError)
  })
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deriveFollowUps, questionsForRound, tallyQuestions } from '../../../src-main/core/bank/followups'
import { loadBankLibrary } from '../../../src-main/core/bank/library'
import { HistoryStore } from '../../../src-main/core/history/store'
import { ManualClock } from '../../../src-main/core/session/clock'
import { RoundEngine } from '../../../src-main/core/session/engine'
import { planRound } from '../../../src-main/core/session/plan'
import { setup, tempDir } from '../../helpers/world'

const DIR = join(import.meta.dirname, '../../fixtures/bank-format')
const library = await loadBankLibrary(DIR)
const [bank] = library.banks
const [cpu, rollout, ns] = bank.questions

describe('follow-ups drilled as questions of their own', () => {
  it('derives <id>-fuN with the parent’s bank, topics and sources, 90 s, one step easier and no key points', () => {
    expect(library.problems).toEqual([])
    expect(deriveFollowUps(cpu)).toEqual([
      expect.objectContaining({
        id: 'extended-cpu-limit-fu1',
        bankId: 'extended',
        text: 'How would you tell that a service is being throttled?',
        topics: ['autoscaling', 'workloads'],
        difficulty: 'easy',
        timeSec: 90,
        sources: ['original'],
        answer: expect.stringMatching(/^Compare/),
        keyPoints: [],
        followUpOf: { id: 'extended-cpu-limit', text: cpu.text }
      }),
      expect.objectContaining({ id: 'extended-cpu-limit-fu2', text: 'And what happens at the memory limit instead?' })
    ])
    expect(deriveFollowUps(rollout).map((q) => [q.id, q.difficulty])).toEqual([['extended-rollout-stall-fu1', 'medium']])
    expect(deriveFollowUps(ns)).toEqual([])
  })

  it('keeps them beside the bank’s written questions, which stay as written', () => {
    expect(bank.questions.map((q) => q.id)).toEqual(['extended-cpu-limit', 'extended-rollout-stall', 'extended-namespace'])
    expect(bank.followUpQuestions!.map((q) => q.id)).toEqual([
      'extended-cpu-limit-fu1',
      'extended-cpu-limit-fu2',
      'extended-rollout-stall-fu1'
    ])
    expect(questionsForRound(bank, false)).toHaveLength(3)
    expect(questionsForRound(bank, true)).toHaveLength(6)
  })

  it('counts them apart, for the setup screen to add only when they are included', () => {
    expect(tallyQuestions(bank.followUpQuestions!)).toEqual({
      questionCount: 3,
      topics: { autoscaling: 2, workloads: 3, troubleshooting: 1 },
      difficulties: { easy: 2, medium: 1, hard: 0 },
      matrix: expect.arrayContaining([{ topic: 'workloads', difficulty: 'easy', count: 2 }])
    })
  })

  it('are drawn into a round only when the setup includes them', () => {
    const without = planRound(library.banks, setup({ questionCount: 100, secondsPerQuestion: null }))
    expect(without.map((q) => q.questionId)).toEqual(bank.questions.map((q) => q.id))
    const withThem = planRound(library.banks, setup({ questionCount: 100, secondsPerQuestion: null, includeFollowUps: true }))
    expect(withThem).toHaveLength(6)
    const fu = withThem.find((q) => q.questionId === 'extended-rollout-stall-fu1')!
    expect(fu).toMatchObject({ difficulty: 'medium', timeLimitMs: 90_000, keyPoints: [], followUpOf: { id: 'extended-rollout-stall' } })
    const easyOnly = planRound(library.banks, setup({ questionCount: 100, difficulties: ['easy'], includeFollowUps: true }))
    expect(easyOnly.map((q) => q.questionId)).toEqual(['extended-namespace', 'extended-cpu-limit-fu1', 'extended-cpu-limit-fu2'])
  })

  it('leave out a derived id that a written question already has, and lint names the clash', async () => {
    const clash = { ...ns, id: 'extended-cpu-limit-fu1' }
    const { withFollowUpQuestions } = await import('../../../src-main/core/bank/followups')
    const { lintBanks } = await import('../../../src-main/core/bank/lint')
    const b2 = { ...bank, questions: [cpu, clash] }
    expect(withFollowUpQuestions([b2])[0].followUpQuestions!.map((q) => q.id)).toEqual(['extended-cpu-limit-fu2'])
    expect(lintBanks([b2], () => '').map((p) => p.message)).toEqual([expect.stringMatching(/ends like a follow-up's id/)])
  })
})

describe('a round with the new answer parts', () => {
  async function engine() {
    const dataDir = tempDir()
    const store = new HistoryStore(dataDir)
    await store.open()
    const e = new RoundEngine({ log: store, clock: new ManualClock(), banks: () => library.banks, emit: () => {} })
    await e.init()
    return { e, store, dataDir }
  }

  it('sends the spoken answer and the follow-ups only after the reveal', async () => {
    const { e } = await engine()
    const v = await e.start(setup({ questionCount: 1 }))
    expect(v.question).toMatchObject({ questionId: 'extended-cpu-limit', answer: null, spoken: null, followUps: null })
    expect(JSON.stringify(v)).not.toContain('CFS quota')
    expect(JSON.stringify(v)).not.toContain('throttled?')
    const r = await e.reveal({ roundId: v.id })
    expect(r.question.spoken).toMatch(/^A CPU limit is enforced/)
    expect(r.question.followUps!.map((f) => f.question)).toEqual(cpu.followUps!.map((f) => f.question))
  })

  it('names the parent of a follow-up question from the start, and shows its answer with no key points', async () => {
    const { e } = await engine()
    let v = await e.start(setup({ questionCount: 6, includeFollowUps: true }))
    expect(v.question.followUpOf).toBeNull()
    // As written: the 3 written questions, then the follow-ups.
    for (let i = 0; i < 3; i++) {
      await e.reveal({ roundId: v.id })
      await e.grade({ roundId: v.id, index: i, rating: 3, keyPoints: [], note: '' })
      v = await e.next({ roundId: v.id })
    }
    expect(v.question).toMatchObject({
      questionId: 'extended-cpu-limit-fu1',
      text: 'How would you tell that a service is being throttled?',
      followUpOf: { id: 'extended-cpu-limit', text: cpu.text },
      timeLimitMs: 60_000,
      answer: null
    })
    const r = await e.reveal({ roundId: v.id })
    expect(r.question).toMatchObject({ answer: cpu.followUps![0].answer, keyPoints: [], spoken: null, followUps: [] })
  })

  it('keeps the spoken answer and follow-ups in the history snapshot of the session', async () => {
    const { e, dataDir } = await engine()
    const v = await e.start(setup({ questionCount: 2 }))
    await e.reveal({ roundId: v.id })
    await e.grade({ roundId: v.id, index: 0, rating: 4, keyPoints: [0], note: '' })
    await e.end({ roundId: v.id })
    const reopened = new HistoryStore(dataDir)
    await reopened.open()
    const state = await reopened.read(v.id)
    expect(state.questions[0].spoken).toBe(cpu.spoken)
    expect(state.questions[0].followUps).toEqual(cpu.followUps)
    expect(state.questions[1].followUps).toEqual(rollout.followUps)
  })
})

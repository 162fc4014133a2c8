import type { Bank, Question } from '../bank/types'
import { questionsForRound } from '../bank/followups'
import { roundQuestionParts } from './answer-parts'
import type { RoundQuestion, RoundSetup } from './types'

export class PlanError extends Error {}

/** Picks the questions of a round from the banks, as the setup asks. */
export function planRound(banks: Bank[], setup: RoundSetup, random: () => number = Math.random): RoundQuestion[] {
  // ---- review (issue #8): a round of questions main chose from a review source, in that order ----
  if (setup.questionIds?.length) {
    const rank = new Map(setup.questionIds.map((id, i) => [id, i]))
    const chosen = banks.flatMap((bank) =>
      questionsForRound(bank, true)
        .filter((q) => rank.has(q.id))
        .map((q) => ({ bank, q }))
    )
    chosen.sort((a, b) => rank.get(a.q.id)! - rank.get(b.q.id)!)
    if (chosen.length === 0) throw new PlanError('None of the chosen questions is in the banks loaded now.')
    return chosen.slice(0, setup.questionCount).map(({ bank, q }) => toRoundQuestion(bank, q, setup))
  }
  const chosenBanks = setup.bankIds.length ? banks.filter((b) => setup.bankIds.includes(b.id)) : banks
  const missing = setup.bankIds.filter((id) => !banks.some((b) => b.id === id))
  if (missing.length) throw new PlanError(`No such bank: ${missing.join(', ')}`)
  const pool = matchingQuestions(chosenBanks, setup)
  if (pool.length === 0) throw new PlanError('No question matches these banks, topics and difficulties.')
  if (setup.order === 'random') shuffle(pool, random)
  return pool.slice(0, setup.questionCount).map(({ bank, q }) => toRoundQuestion(bank, q, setup))
}

function toRoundQuestion(bank: Bank, q: Question, setup: RoundSetup): RoundQuestion {
  return {
    questionId: q.id,
    bankId: bank.id,
    bankTitle: bank.title,
    text: q.text,
    topics: q.topics,
    difficulty: q.difficulty,
    answer: q.answer,
    keyPoints: q.keyPoints,
    timeLimitMs: (setup.secondsPerQuestion ?? q.timeSec) * 1000,
    ...roundQuestionParts(q) // #13
  }
}

/**
 * The questions a setup draws from (the setup screen counts these too): any chosen topic, any chosen
 * difficulty, and (#13) the follow-ups drilled as questions when the setup includes them.
 */
export function matchingQuestions(
  banks: Bank[],
  filter: Pick<RoundSetup, 'topics' | 'difficulties' | 'includeFollowUps'>
): { bank: Bank; q: Question }[] {
  const pool: { bank: Bank; q: Question }[] = []
  for (const bank of banks) {
    for (const q of questionsForRound(bank, !!filter.includeFollowUps)) {
      if (filter.topics.length && !q.topics.some((t) => filter.topics.includes(t))) continue
      if (filter.difficulties.length && !filter.difficulties.includes(q.difficulty)) continue
      pool.push({ bank, q })
    }
  }
  return pool
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
}

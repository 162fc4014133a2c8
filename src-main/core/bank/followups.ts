import type { Bank, Difficulty, Question, QuestionTally } from './types'

/** Suggested time for a follow-up drilled as its own question. */
export const FOLLOW_UP_TIME_SEC = 90
/** Ids `<parent>-fu<N>` are reserved for questions derived from follow-ups. */
export const FOLLOW_UP_ID = /-fu[1-9]$/

const EASIER: Record<Difficulty, Difficulty> = { hard: 'medium', medium: 'easy', easy: 'easy' }

/**
 * The follow-ups of a question as questions of their own: id `<id>-fu<N>` (N from 1), the parent's
 * bank, topics and sources, 90 s, one difficulty step easier, the follow-up's answer and no key points.
 */
export function deriveFollowUps(q: Question): Question[] {
  return (q.followUps ?? []).map((f, i) => ({
    id: `${q.id}-fu${i + 1}`,
    bankId: q.bankId,
    text: f.question,
    topics: [...q.topics],
    difficulty: EASIER[q.difficulty],
    timeSec: FOLLOW_UP_TIME_SEC,
    sources: [...q.sources],
    references: [...(q.references ?? [])],
    answer: f.answer,
    keyPoints: [],
    followUps: [],
    line: q.line,
    followUpOf: { id: q.id, text: q.text }
  }))
}

/**
 * Gives every bank its `followUpQuestions`. A derived id that a written question already uses is
 * left out (the written question wins; lint reports the clash).
 */
export function withFollowUpQuestions(banks: Bank[]): Bank[] {
  const written = new Set(banks.flatMap((b) => b.questions.map((q) => q.id)))
  return banks.map((b) => ({
    ...b,
    followUpQuestions: b.questions.flatMap(deriveFollowUps).filter((q) => !written.has(q.id))
  }))
}

/** The questions a round may draw from a bank: the written ones, plus the follow-ups when asked. */
export function questionsForRound(bank: Bank, includeFollowUps: boolean): Question[] {
  return includeFollowUps ? [...bank.questions, ...(bank.followUpQuestions ?? [])] : bank.questions
}

export function tallyQuestions(questions: Question[]): QuestionTally {
  const topics: Record<string, number> = {}
  const difficulties: Record<Difficulty, number> = { easy: 0, medium: 0, hard: 0 }
  const matrix: QuestionTally['matrix'] = []
  for (const q of questions) {
    difficulties[q.difficulty]++
    for (const topic of q.topics) {
      topics[topic] = (topics[topic] ?? 0) + 1
      const cell = matrix.find((m) => m.topic === topic && m.difficulty === q.difficulty)
      if (cell) cell.count++
      else matrix.push({ topic, difficulty: q.difficulty, count: 1 })
    }
  }
  return { questionCount: questions.length, topics, difficulties, matrix }
}

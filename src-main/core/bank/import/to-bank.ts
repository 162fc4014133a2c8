/** A found question as a bank question draft: headings the bank format reserves are demoted, fences closed. */
import type { Difficulty } from '../types'
import type { QuestionDraft } from '../edit'

export const NO_ANSWER = '_No answer was given in the imported notes yet._'

export function draftFromImport(item: { question: string; answer: string }, topics: string[], difficulty: Difficulty): QuestionDraft {
  return {
    text: item.question.replace(/\s+/g, ' ').trim().slice(0, 300),
    topics,
    difficulty,
    timeSec: 120,
    answer: adaptAnswer(item.answer) || NO_ANSWER,
    keyPoints: []
  }
}

/** Makes any Markdown safe to store as a bank answer. */
export function adaptAnswer(markdown: string): string {
  let fence: string | null = null
  const out = markdown.split(/\r?\n/).map((line) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (m) {
      if (!fence) fence = m[1]
      else if (m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null
      return line
    }
    return !fence && /^#{1,3} /.test(line) ? line.replace(/^#{1,3}/, '####') : line
  })
  if (fence) out.push(fence)
  return out.join('\n').trim()
}

import type { ScorecardQuestion, ScorecardTopic } from './scorecard'

/** A few sentences in plain words, derived from the grades only. */
export interface Advice {
  strengths: string[]
  workOnNext: string[]
}

const list = (xs: string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`)
const avg = (n: number): string => n.toFixed(1)

export function adviceFor(topics: ScorecardTopic[], questions: ScorecardQuestion[]): Advice {
  const graded = questions.filter((q) => q.rating !== null)
  if (graded.length === 0) {
    return { strengths: [], workOnNext: ['Nothing was graded in this round: reveal and grade each answer to get advice.'] }
  }
  const rated = topics.filter((t) => t.averageRating !== null)
  const strong = rated.filter((t) => (t.averageRating ?? 0) >= 4).sort((a, b) => b.averageRating! - a.averageRating!)
  const weak = rated.filter((t) => (t.averageRating ?? 5) < 3).sort((a, b) => a.averageRating! - b.averageRating!)
  const strengths: string[] = []
  const workOnNext: string[] = []

  if (strong.length) {
    strengths.push(`You answered well on ${list(strong.slice(0, 3).map((t) => `${t.topic} (${avg(t.averageRating!)} of 5)`))}.`)
  }
  const ready = graded.filter((q) => q.rating === 5)
  if (ready.length) strengths.push(`${ready.length} of ${graded.length} answers were interview-ready.`)
  const inTime = graded.filter((q) => q.overtimeMs === 0 && !q.expired)
  if (inTime.length === graded.length && graded.length > 1) strengths.push('You finished every answer within its time.')

  if (weak.length) {
    workOnNext.push(`Review ${list(weak.slice(0, 3).map((t) => `${t.topic} (${avg(t.averageRating!)} of 5)`))} before your next round.`)
  }
  const low = graded.filter((q) => q.rating! <= 2).sort((a, b) => a.rating! - b.rating! || a.number - b.number)
  for (const q of low.slice(0, 3)) {
    const missed = q.keyPointsMissed.length ? ` You missed: ${list(q.keyPointsMissed.slice(0, 2))}.` : ''
    workOnNext.push(`Drill question ${q.number} again: “${q.text}”.${missed}`)
  }
  const slow = graded.filter((q) => q.overtimeMs > 0 || q.expired)
  if (slow.length) workOnNext.push(`${slow.length} answer${slow.length > 1 ? 's' : ''} ran out of time: practise a shorter first answer.`)
  const ungraded = questions.length - graded.length
  if (ungraded) workOnNext.push(`${ungraded} question${ungraded > 1 ? 's were' : ' was'} not graded.`)

  if (!strengths.length) strengths.push('No topic averaged 4 or more yet; every round you grade shows where you stand.')
  if (!workOnNext.length) workOnNext.push('Nothing scored below 3: try harder questions or a shorter time per question.')
  return { strengths, workOnNext }
}

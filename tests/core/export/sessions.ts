/** Small hand-made sessions for the export tests: every value chosen, nothing random. */
import { replaySession } from '../../../src-main/core/session/replay'
import type { Rating, RoundQuestion, RoundState, SessionRecord } from '../../../src-main/core/session/types'

export const Q1: RoundQuestion = {
  questionId: 'net-conntrack',
  bankId: 'networking',
  bankTitle: 'Networking',
  text: 'What does conntrack do for a Service?',
  topics: ['linux-networking', 'services'],
  difficulty: 'medium',
  answer: 'It tracks flows.\n\n```bash\nconntrack -L | head\n```\n\nSee `kube-proxy`.',
  keyPoints: ['NAT state per flow', 'Reply packets are un-NATed', 'Table can fill up'],
  timeLimitMs: 120_000
}
export const Q2: RoundQuestion = {
  questionId: 'etcd-quorum',
  bankId: 'internals',
  bankTitle: 'Internals, "quoted", with comma',
  text: '=HYPERLINK("http://evil") etcd quorum?',
  topics: ['etcd'],
  difficulty: 'hard',
  answer: 'Majority of members.',
  keyPoints: ['(n/2)+1', 'Odd member counts'],
  timeLimitMs: 60_000
}
export const Q3: RoundQuestion = {
  questionId: 'dns-ndots',
  bankId: 'networking',
  bankTitle: 'Networking',
  text: 'Why does ndots:5 slow lookups?',
  topics: ['dns'],
  difficulty: 'easy',
  answer: 'Search path expansion.',
  keyPoints: ['Search domains tried first'],
  timeLimitMs: 90_000
}

export const CYRILLIC_NOTE = 'Повторить: таблица conntrack — ΕΛΛΗΝΙΚΑ'

export interface Played {
  q: RoundQuestion
  usedMs: number
  overtimeMs?: number
  expired?: boolean
  draft?: string
  grade?: { rating: Rating; keyPoints: number[]; note: string }
}

/** A finished session from its questions and what happened to each. */
export function session(id: string, startedAt: string, played: Played[]): RoundState {
  const t0 = Date.parse(startedAt)
  const at = (s: number): string => new Date(t0 + s * 1000).toISOString()
  const records: SessionRecord[] = [
    {
      t: 'start',
      v: 1,
      id,
      at: startedAt,
      setup: {
        bankIds: [],
        topics: [],
        difficulties: [],
        questionCount: played.length,
        secondsPerQuestion: null,
        order: 'as-written',
        totalMinutes: null,
        allowOvertime: true
      },
      questions: played.map((p) => p.q)
    }
  ]
  let used = 0
  played.forEach((p, i) => {
    records.push({ t: 'open', i, at: at(used / 1000), roundUsedMs: used })
    used += p.usedMs + (p.overtimeMs ?? 0)
    records.push({
      t: 'reveal',
      i,
      at: at(used / 1000),
      usedMs: p.usedMs,
      overtimeMs: p.overtimeMs ?? 0,
      expired: p.expired ?? false,
      draft: p.draft ?? '',
      roundUsedMs: used,
      totalExpired: false
    })
    if (p.grade) records.push({ t: 'grade', i, ...p.grade, at: at(used / 1000 + 5), roundUsedMs: used })
  })
  records.push({ t: 'finish', at: at(used / 1000 + 10), status: 'finished', roundUsedMs: used })
  return replaySession(records)
}

/** Three questions: a solid one, a formula-looking one graded low with overtime, one not graded. */
export function sampleSession(id = 's1', startedAt = '2026-03-01T09:00:00.000Z'): RoundState {
  return session(id, startedAt, [
    {
      q: Q1,
      usedMs: 65_000,
      draft: 'conntrack keeps "NAT" state,\nper flow',
      grade: { rating: 4, keyPoints: [0, 2], note: CYRILLIC_NOTE }
    },
    { q: Q2, usedMs: 60_000, overtimeMs: 12_000, expired: true, grade: { rating: 2, keyPoints: [], note: '-2+3 @sum =1' } },
    { q: Q3, usedMs: 30_000 }
  ])
}

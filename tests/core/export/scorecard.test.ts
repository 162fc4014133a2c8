import { describe, expect, it } from 'vitest'
import { buildScorecard } from '../../../src-main/core/export/scorecard'
import { buildProgressReport } from '../../../src-main/core/export/progress'
import { CYRILLIC_NOTE, Q1, Q2, Q3, sampleSession, session } from './sessions'

describe('scorecard model', () => {
  it('describes the session, each question and the topics, field by field', () => {
    const card = buildScorecard(sampleSession(), { drafts: false, answers: false })
    expect(card).toMatchObject({
      sessionId: 's1',
      startedAt: '2026-03-01T09:00:00.000Z',
      endedAt: '2026-03-01T09:02:57.000Z',
      status: 'finished',
      banks: ['Networking', 'Internals, "quoted", with comma'],
      topics: ['dns', 'etcd', 'linux-networking', 'services'],
      durationMs: 167_000,
      answeringMs: 155_000,
      questionCount: 3,
      gradedCount: 2,
      averageRating: 3,
      scorePercent: 50
    })
    expect(card.questions[0]).toEqual({
      number: 1,
      questionId: Q1.questionId,
      text: Q1.text,
      bank: 'Networking',
      topics: Q1.topics,
      difficulty: 'medium',
      rating: 4,
      ratingLabel: 'solid',
      keyPointsHit: ['NAT state per flow', 'Table can fill up'],
      keyPointsMissed: ['Reply packets are un-NATed'],
      usedMs: 65_000,
      limitMs: 120_000,
      overtimeMs: 0,
      expired: false,
      note: CYRILLIC_NOTE
    })
    expect(card.questions[1]).toMatchObject({
      rating: 2,
      ratingLabel: 'vague',
      overtimeMs: 12_000,
      expired: true,
      keyPointsMissed: Q2.keyPoints
    })
    expect(card.questions[2]).toMatchObject({ rating: null, ratingLabel: null, keyPointsHit: [], keyPointsMissed: [], text: Q3.text })
    expect(card.topicBreakdown).toEqual([
      { topic: 'etcd', questions: 1, graded: 1, averageRating: 2, timeMs: 60_000 },
      { topic: 'linux-networking', questions: 1, graded: 1, averageRating: 4, timeMs: 65_000 },
      { topic: 'services', questions: 1, graded: 1, averageRating: 4, timeMs: 65_000 },
      { topic: 'dns', questions: 1, graded: 0, averageRating: null, timeMs: 30_000 }
    ])
  })

  it('includes drafts and model answers only when asked', () => {
    const without = buildScorecard(sampleSession(), { drafts: false, answers: false })
    expect('draft' in without.questions[0] || 'answer' in without.questions[0]).toBe(false)
    const withBoth = buildScorecard(sampleSession(), { drafts: true, answers: true })
    expect(withBoth.questions[0].draft).toBe('conntrack keeps "NAT" state,\nper flow')
    expect(withBoth.questions[0].answer).toBe(Q1.answer)
  })

  it('says in plain words what went well and what to work on', () => {
    const { advice } = buildScorecard(sampleSession(), { drafts: false, answers: false })
    expect(advice.strengths.join(' ')).toMatch(/linux-networking \(4\.0 of 5\)/)
    expect(advice.workOnNext.join(' ')).toMatch(/Review etcd \(2\.0 of 5\)/)
    expect(advice.workOnNext.join(' ')).toMatch(/Drill question 2 again.*You missed: \(n\/2\)\+1 and Odd member counts/)
    expect(advice.workOnNext.join(' ')).toMatch(/1 answer ran out of time/)
    expect(advice.workOnNext.join(' ')).toMatch(/1 question was not graded/)
  })
})

describe('progress report model', () => {
  it('sums sessions and time, follows the trend, and measures topic mastery and its change', () => {
    const early = session('a', '2026-03-01T09:00:00.000Z', [
      { q: Q2, usedMs: 10_000, grade: { rating: 1, keyPoints: [], note: '' } },
      { q: Q1, usedMs: 10_000, grade: { rating: 3, keyPoints: [], note: '' } }
    ])
    const late = session('b', '2026-03-05T09:00:00.000Z', [
      { q: Q2, usedMs: 20_000, grade: { rating: 3, keyPoints: [], note: '' } },
      { q: Q1, usedMs: 20_000, grade: { rating: 5, keyPoints: [], note: '' } }
    ])
    const r = buildProgressReport([late, early], { from: null, to: null, lastN: 2 })
    expect(r).toMatchObject({
      sessions: 2,
      gradedQuestions: 4,
      totalMs: 60_000,
      averageRating: 3,
      firstAt: early.startedAt,
      lastAt: late.startedAt
    })
    expect(r.trend.map((p) => [p.sessionId, p.averageRating])).toEqual([
      ['a', 2],
      ['b', 4]
    ])
    expect(r.topics.find((t) => t.topic === 'etcd')).toEqual({
      topic: 'etcd',
      attempts: 2,
      averageRating: 2,
      masteryPercent: 25,
      change: 2
    })
    expect(r.weakest[0]).toEqual({ questionId: 'etcd-quorum', text: Q2.text, attempts: 2, averageRating: 2, lastRating: 3 })
    expect(r.review).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import Conf from 'conf'
import { createAppServices } from '../../src-main/services'
import { call, createDispatcher, type Dispatch } from '../../src-main/handlers'
import { historyQuery } from '../../src-main/core/history/query'
import type { KeyValueFile } from '../../src-main/core/settings'
import type { RoundSetup } from '../../src-main/contract'
import { FIXTURE_BANKS, setup, tempDir } from '../helpers/world'

async function app(): Promise<Dispatch> {
  const dataDir = tempDir()
  const services = await createAppServices({
    dataDir,
    warmUpDelayMs: null,
    contentDir: FIXTURE_BANKS,
    version: 't',
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: () => {}
  })
  return createDispatcher(services)
}

/** Plays a whole round, grading the questions with `ratings` in order; returns the question ids. */
async function round(dispatch: Dispatch, ratings: (1 | 2 | 3 | 4 | 5)[], extra: Partial<RoundSetup> = {}): Promise<string[]> {
  let v = await call(dispatch, 'round:start', { ...setup({ questionCount: ratings.length }), ...extra })
  const ids: string[] = []
  for (let i = 0; i < ratings.length; i++) {
    await call(dispatch, 'round:reveal', { roundId: v.id })
    await call(dispatch, 'round:grade', { roundId: v.id, index: i, rating: ratings[i], keyPoints: [0], note: '' })
    ids.push(v.question.questionId)
    v = await call(dispatch, 'round:next', { roundId: v.id })
  }
  return ids
}

describe('review through the contract', () => {
  it('shows the badly graded question as the weakest and drills it', async () => {
    const dispatch = await app()
    expect((await call(dispatch, 'review:home', undefined)).best.source).toBeNull()
    const [bad, good] = await round(dispatch, [1, 5])
    const overview = await call(dispatch, 'review:overview', undefined)
    expect(overview.graded).toBe(2)
    const row = overview.topics.find((t) => t.practised === 2) ?? overview.banks[0]
    const questions = await call(dispatch, 'review:questions', { kind: row.kind, key: row.key })
    expect(questions.map((q) => q.id)).toEqual([bad, good])
    expect(questions[0]).toMatchObject({ attempts: 1, averageGrade: 1, keyPointShare: expect.any(Number) })

    const home = await call(dispatch, 'review:home', undefined)
    expect(home.dueToday).toBe(0)
    expect(home.next14[1].count).toBe(1) // the question graded 1 is due tomorrow
    expect(home.streak.current).toBe(1)

    const drill = await call(dispatch, 'round:start', { ...setup({ questionCount: 1 }), source: { kind: 'weak-questions' } })
    expect(drill.question.questionId).toBe(bad)
    await call(dispatch, 'round:end', { roundId: drill.id })
  })

  it('keeps practice rounds in the record but out of the schedule', async () => {
    const dispatch = await app()
    await round(dispatch, [4], { order: 'as-written' })
    await round(dispatch, [1], { order: 'as-written', practice: true })
    const overview = await call(dispatch, 'review:overview', undefined)
    const questions = await call(dispatch, 'review:questions', { kind: 'bank', key: overview.banks[0].key })
    expect(questions[0]).toMatchObject({ attempts: 2, averageGrade: 2.5 })
    // Good today: recall tomorrow is (1 + 0.9804 / 2.3065) ^ -0.1542 = 95 %; the practice Again did not count.
    expect(questions[0].meaning).toMatch(/about 95 %/)
  })

  it('forecasts readiness once an interview date is set', async () => {
    const dispatch = await app()
    await round(dispatch, [3, 4])
    expect(await call(dispatch, 'review:forecast', undefined)).toBeNull()
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
    await call(dispatch, 'settings:update', { interview: { date, topics: [] } })
    const f = (await call(dispatch, 'review:forecast', undefined))!
    expect(f.interviewDate).toBe(date)
    expect(f.daysLeft).toBe(10)
    expect(f.topics.length).toBeGreaterThan(0)
    expect(f.plan.perDay).toBeGreaterThanOrEqual(1)
    expect((await call(dispatch, 'review:home', undefined)).interview?.daysLeft).toBe(10)
  })

  it.each([
    ['review:questions', { kind: 'planet', key: 'x' }, /kind/],
    ['round:start', { ...setup(), source: { kind: 'nope' } }, /source/],
    ['settings:update', { interview: { date: 'tomorrow', topics: [] } }, /date/]
  ])('rejects bad input for %s', async (channel, input, message) => {
    const dispatch = await app()
    expect(await dispatch(channel, input)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(message) }
    })
  })

  it('drills one topic, and the never-tried questions of a topic', async () => {
    const dispatch = await app()
    const one = await call(dispatch, 'round:start', { ...setup({ questionCount: 5 }), source: { kind: 'topic', topic: 'etcd' } })
    expect([one.count, one.question.questionId]).toEqual([1, 'sample-etcd-two'])
    await call(dispatch, 'round:reveal', { roundId: one.id })
    await call(dispatch, 'round:grade', { roundId: one.id, index: 0, rating: 2, keyPoints: [], note: '' })
    await call(dispatch, 'round:next', { roundId: one.id })
    const fresh = await call(dispatch, 'round:start', { ...setup({ questionCount: 5 }), source: { kind: 'never-tried' } })
    expect([fresh.count, fresh.question.questionId]).toEqual([1, 'sample-kube-proxy-ns'])
  })

  it('forgets a deleted session and takes it back on restore (port onto #7: the bulk-change hook)', async () => {
    const dispatch = await app()
    await round(dispatch, [2, 4])
    expect((await call(dispatch, 'review:overview', undefined)).graded).toBe(2)
    const [session] = (await call(dispatch, 'history:list', historyQuery())).items
    await call(dispatch, 'history:delete', { sessionId: session.id })
    expect((await call(dispatch, 'review:overview', undefined)).graded).toBe(0)
    await call(dispatch, 'history:restore', { sessionId: session.id })
    expect((await call(dispatch, 'review:overview', undefined)).graded).toBe(2)
  })

  it('says plainly when a source has nothing to drill', async () => {
    const dispatch = await app()
    expect(await dispatch('round:start', { ...setup(), source: { kind: 'due' } })).toMatchObject({
      ok: false,
      error: { code: 'plan', message: expect.stringMatching(/Nothing is due today/) }
    })
  })
})

import { describe, expect, it } from 'vitest'
import { fromAttempt, fullContext } from '../../../src-main/core/review/from-log'
import { GradeRows } from '../../../src-main/core/review/grade-rows'
import type { GradeSource } from '../../../src-main/core/review/grade-source'
import { ReviewIndex } from '../../../src-main/core/review/review-index'
import type { CatalogueQuestion } from '../../../src-main/core/review/types'
import type { Rating } from '../../../src-main/core/session/types'
import { drive } from '../../helpers/drive'
import { setup, world } from '../../helpers/world'

const pace = { due: () => true, rest: async () => undefined }

/** Issue #12: the review's cold build reads the history's grade table in place, by row number. */
describe('the grade table read in place by the review index', () => {
  async function played(ratings: Rating[][]): Promise<{ w: Awaited<ReturnType<typeof world>>; ids: string[] }> {
    const w = await world()
    const d = drive(w)
    const ids: string[] = []
    for (const [day, round] of ratings.entries()) {
      const v = await w.engine.start(setup({ questionCount: round.length }))
      ids.push(v.id)
      for (const [i, r] of round.entries()) {
        await d.reveal(v.id)
        await d.grade(v.id, i, r)
        if (i === 0 && day === 1) await d.grade(v.id, i, 5) // changed before moving on: the earlier line is superseded
        await d.next(v.id)
      }
      w.clock.advance(86_400_000)
    }
    return { w, ids }
  }

  it('gives the same review state as the grade records, re-grades and deleted sessions included, and stays equal as grades arrive', async () => {
    const { w, ids } = await played([
      [4, 2],
      [1, 3],
      [5, 4],
      [2, 2]
    ])
    await w.store.delete(ids[2], null)
    const catalogue = (): CatalogueQuestion | undefined => undefined
    const { reader, rows } = await w.store.liveRows()
    expect(rows.length).toBe(6) // 8 grades, 2 of them in the deleted round; the superseded line not counted
    const inPlace = new ReviewIndex()
    await inPlace.rebuildInSlices({ source: reader, rows, catalogue }, pace)
    const fromRecords = new ReviewIndex()
    fromRecords.rebuild((await w.store.liveGrades()).map((g) => fromAttempt(g, catalogue)))
    expect(inPlace.snapshot()).toEqual(fromRecords.snapshot())
    expect(inPlace.size).toBe(6)

    const later = fromAttempt({ ...(await w.store.liveGrades())[0], rating: 1 }, catalogue) // a re-grade of a row of the table
    inPlace.add(later)
    fromRecords.add(later)
    expect(inPlace.snapshot()).toEqual(fromRecords.snapshot())
    expect(inPlace.size).toBe(6)
  })

  it('fills in what older lines left out from the banks as they are now', () => {
    const rows = new GradeRows()
    const r = rows.push({
      sessionId: 's1',
      questionIndex: 0,
      questionId: 'q1',
      atMs: Date.parse('2026-01-01T12:00:00Z'),
      rating: 4,
      bankId: '',
      topics: [],
      difficulty: 'medium',
      keyPointsHit: null,
      keyPointsTotal: null,
      usedMs: null,
      overtime: null,
      practice: false
    })
    const older: GradeSource = Object.assign(Object.create(rows) as GradeRows, { context: () => ({}) })
    const now: CatalogueQuestion = { id: 'q1', bankId: 'k8s', text: 'Q?', topics: ['etcd'], difficulty: 'hard' }
    const index = new ReviewIndex()
    return index.rebuildInSlices({ source: older, rows: [r], catalogue: (id) => (id === 'q1' ? now : undefined) }, pace).then(() => {
      expect(index.questions.get('q1')!.grades.last()).toMatchObject({ bankId: 'k8s', topics: ['etcd'], difficulty: 'hard' })
      expect(fullContext({ topics: ['dns'] }, 'q1', () => now)).toEqual({ bankId: '', topics: ['dns'], difficulty: 'medium' })
    })
  })
})

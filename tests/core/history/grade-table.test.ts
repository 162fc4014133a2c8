import { describe, expect, it } from 'vitest'
import { GradeTable } from '../../../src-main/core/history/grade-table'
import type { QuestionAttemptRecord } from '../../../src-main/core/history/types'

const grade = (s: number, i: number, q: string, rating = 3): QuestionAttemptRecord => ({
  sessionId: `s${s}`,
  questionIndex: i,
  questionId: q,
  rating,
  at: new Date(Date.UTC(2026, 0, 1) + s * 60_000).toISOString(),
  draft: '',
  note: ''
})

function filled(sessions: number): GradeTable {
  const t = new GradeTable()
  for (let s = 0; s < sessions; s++) {
    t.setLive(`s${s}`, true)
    for (let i = 0; i < 3; i++) t.add(grade(s, i, `q${(s + i) % 7}`), s * 1000 + i)
  }
  return t
}

/** Issue #12: the grade table grows ahead of need in slices, so no single copy of its columns holds the loop. */
describe('the grade table growing', () => {
  it('makes room column by column, resting between, and keeps every row and link', async () => {
    const t = filled(400) // 1,200 rows: past the first 1,024
    const before = { rows: t.rows, q3: t.rowsOfQuestion('q3'), s7: t.rowsOfSession(t.sessions.find('s7')!), r: t.record(777) }
    const room = t.spare
    let rests = 0
    await t.makeRoom(async () => void rests++)
    expect(rests).toBeGreaterThanOrEqual(14) // one rest a column at least
    expect(t.spare).toBeGreaterThan(room)
    expect(t.rows).toBe(before.rows)
    expect(t.rowsOfQuestion('q3')).toEqual(before.q3)
    expect(t.rowsOfSession(t.sessions.find('s7')!)).toEqual(before.s7)
    expect(t.record(777)).toEqual(before.r)
    t.setLive('s999', true)
    t.add(grade(999, 0, 'q3'), 1)
    expect(t.rowsOfQuestion('q3')).toEqual([...before.q3, before.rows])
  })

  it('loses nothing when a grade is added while it makes room (it copies again)', async () => {
    const t = filled(400)
    let added = false
    await t.makeRoom(async () => {
      if (added) return
      added = true // a grade of a new round, mid-copy
      t.setLive('s500', true)
      t.add(grade(500, 0, 'q1', 5), 2)
    })
    expect(t.rows).toBe(1201)
    expect(t.record(1200)).toMatchObject({ sessionId: 's500', questionId: 'q1', rating: 5 })
    expect(t.rowsOfQuestion('q1')).toContain(1200)
  })

  it('leaves a sixteenth of room when large, doubling while small', () => {
    expect(GradeTable.headroom(1000)).toBe(1024)
    expect(GradeTable.headroom(100_000)).toBe(100_000)
    expect(GradeTable.headroom(2_000_000)).toBe(125_000)
  })
})

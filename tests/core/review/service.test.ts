import { describe, expect, it } from 'vitest'
import { gradesLoad } from '../../../src-main/core/review/grade-rows'
import { ReviewService } from '../../../src-main/core/review/service'
import type { ReviewGrade } from '../../../src-main/core/review/types'
import { ctx, grade, q } from './helpers'

describe('the review service', () => {
  it('builds lazily, keeps a grade that arrives while it loads, and rebuilds after a bulk change', async () => {
    let log: ReviewGrade[] = [grade('a', 0, 4)]
    let loads = 0
    let release: () => void = () => {}
    const service = new ReviewService(
      async () => {
        loads++
        const snapshot = [...log]
        await new Promise<void>((r) => (release = r))
        return gradesLoad(snapshot)
      },
      () => ctx(1, [q('a', ['dns']), q('b', ['dns'])])
    )
    expect(loads).toBe(0) // nothing until asked
    const first = service.overview()
    const late = grade('b', 1, 1)
    log.push(late)
    service.add(late) // on disk after the log was read
    release()
    expect((await first).graded).toBe(2)
    expect(loads).toBe(1)
    service.add(grade('b', 1, 2))
    expect((await service.overview()).graded).toBe(3)
    expect(loads).toBe(1)

    log = [grade('a', 0, 4)] // history cleared down to one session
    service.invalidate()
    const again = service.overview()
    release()
    expect((await again).graded).toBe(1)
    expect(loads).toBe(2)
  })
})

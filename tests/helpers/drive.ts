/** Plays rounds through the engine's commands (one place that knows their signatures). */
import type { Rating } from '../../src-main/core/session/types'
import type { world } from './world'

type World = Awaited<ReturnType<typeof world>>

export function drive(w: World) {
  const e = w.engine
  return {
    draft: (roundId: string, index: number, draft: string) => e.saveDraft({ roundId, index, draft }),
    reveal: (roundId: string) => e.reveal({ roundId }),
    grade: (roundId: string, index: number, rating: Rating) => e.grade({ roundId, index, rating, keyPoints: [], note: '' }),
    next: (roundId: string) => e.next({ roundId }),
    end: (roundId: string) => e.end({ roundId }),
    pause: (roundId: string) => e.pause({ roundId }),
    resumeInterrupted: (roundId: string) => e.resumeInterrupted({ roundId }),
    discard: (roundId: string) => e.discardInterrupted({ roundId })
  }
}

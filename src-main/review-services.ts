/**
 * Review (issue #8) composed into the app: the review index fed by the history store's grade log,
 * and round start that first turns a drill source into question ids. Imports nothing from electron.
 * The hooks into grades: each grade record once it is durable (`history.onDurableRecord`, the grade
 * line built from the round's snapshot), a reset on bulk changes (`history.onBulkChange`), and the
 * cold build from the grade log (`history.liveRows`, read in place).
 */
import type { Bank } from './core/bank/types'
import type { HistoryStore } from './core/history/store'
import { gradeRecords } from './core/history/summary'
import { fromAttempt } from './core/review/from-log'
import type { ReviewContext } from './core/review/schedule'
import { ReviewService } from './core/review/service'
import type { RoundSource } from './core/review/schema'
import type { CatalogueQuestion } from './core/review/types'
import type { RoundEngine } from './core/session/engine'
import type { RoundSetup, RoundView } from './core/session/types'
import type { Settings } from './core/settings-schema'

export interface ReviewDeps {
  history: HistoryStore
  rounds: RoundEngine
  banks: () => Bank[]
  settings: () => Settings
  wallNow: () => Date
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the shape is what it returns
export function createReviewServices(deps: ReviewDeps) {
  let catalogueOf: Bank[] | null = null
  let catalogue: CatalogueQuestion[] = []
  let byId = new Map<string, CatalogueQuestion>()
  const current = (): CatalogueQuestion[] => {
    const banks = deps.banks()
    if (banks !== catalogueOf) {
      catalogueOf = banks
      catalogue = banks.flatMap((b) =>
        b.questions.map((q) => ({ id: q.id, bankId: b.id, text: q.text, topics: q.topics, difficulty: q.difficulty }))
      )
      byId = new Map(catalogue.map((q) => [q.id, q]))
    }
    return catalogue
  }
  const lookup = (id: string): CatalogueQuestion | undefined => (current(), byId.get(id))
  const context = (): ReviewContext => {
    const interview = deps.settings().interview
    return {
      nowMs: deps.wallNow().getTime(),
      catalogue: current(),
      interview: interview ? { dayMs: Date.parse(`${interview.date}T00:00:00Z`), topics: interview.topics } : null
    }
  }
  const service = new ReviewService(async () => {
    const { reader, rows } = await deps.history.liveRows()
    return { source: reader, rows, catalogue: lookup }
  }, context)
  deps.history.onDurableRecord(({ record, state }) => {
    if (record.t !== 'grade') return
    for (const g of gradeRecords(state, record.i)) service.add(fromAttempt(g, lookup))
  })
  deps.history.onBulkChange(() => service.invalidate())

  return {
    service,
    /** Round start: a drill source becomes the question ids main chose; the rest is the ordinary setup. */
    async startRound(setup: RoundSetup & { source?: RoundSource }): Promise<RoundView> {
      const { source, ...rest } = setup
      if (!source) return deps.rounds.start(rest)
      const questionIds = await service.choose(source, rest.questionCount)
      return deps.rounds.start({ ...rest, bankIds: [], topics: [], difficulties: [], questionIds, questionCount: questionIds.length })
    },
    /** Builds the index in the background after start-up (start-up itself does not wait). */
    warmUp: (): Promise<unknown> => service.ready()
  }
}

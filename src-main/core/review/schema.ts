/**
 * Review's (issue #8) domain schemas: the drill source a round can start from, the interview date,
 * and the review channels (with round:start). The contract composes `reviewChannels` into its table.
 */
import * as v from 'valibot'
import { channel, NoInput } from '../channel'
import { RoundSetupSchema, SlugSchema } from '../session/schema'
import type { RoundView } from '../session/types'
import type { Forecast, HomeSummary, QuestionRow, ReviewOverview, Statistics } from './results'
import { SOURCE_KINDS } from './source-kinds'

/** Where a drill round's questions come from; main turns it into question ids. */
export const RoundSourceSchema = v.strictObject({
  kind: v.picklist(SOURCE_KINDS),
  /** weak-topics: how many of the weakest topics (default 3). */
  topics: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20))),
  /** never-tried: only this topic; topic: the topic to drill, weakest questions first. */
  topic: v.optional(SlugSchema)
})
export type RoundSource = v.InferOutput<typeof RoundSourceSchema>

/** round:start's input: the ordinary setup, or a drill source for main to choose the questions from. */
export const RoundStartSchema = v.strictObject({ ...RoundSetupSchema.entries, source: v.optional(RoundSourceSchema) })

/** The interview date and the topics it covers. */
export const InterviewSchema = v.strictObject({
  date: v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)')),
  topics: v.pipe(v.array(SlugSchema), v.maxLength(100)),
  target: v.optional(v.pipe(v.number(), v.minValue(0.5, 'at least 50 %'), v.maxValue(0.97, 'at most 97 %')))
})
export type Interview = v.InferOutput<typeof InterviewSchema>

/** The review channels, and round:start: the ordinary setup or a drill source. */
export const reviewChannels = {
  'round:start': channel(RoundStartSchema).returns<RoundView>(),
  'review:home': channel(NoInput).returns<HomeSummary>(),
  'review:overview': channel(NoInput).returns<ReviewOverview>(),
  'review:questions': channel(
    v.strictObject({
      kind: v.picklist(['topic', 'bank', 'difficulty']),
      key: v.pipe(v.string(), v.maxLength(120))
    })
  ).returns<QuestionRow[]>(),
  'review:statistics': channel(NoInput).returns<Statistics>(),
  'review:forecast': channel(NoInput).returns<Forecast | null>()
}

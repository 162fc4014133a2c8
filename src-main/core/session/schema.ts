/**
 * The round's domain schemas: one declaration per shape. TypeScript types are derived from them,
 * the contract composes them into channels, and the renderer's forms read the same limits.
 */
import * as v from 'valibot'
import { DIFFICULTIES } from '../bank/types'
import { channel, NoInput } from '../channel'
import type { RoundView } from './types'

import { RATINGS, ROUND_LIMITS, ROUND_STATUSES } from './limits'

export { RATINGS, ROUND_LIMITS, ROUND_STATUSES }

export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'))
export const SlugSchema = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a question id'), v.maxLength(120))
export const DifficultySchema = v.picklist(DIFFICULTIES)
export const RoundStatusSchema = v.picklist(ROUND_STATUSES)
export type RoundStatus = v.InferOutput<typeof RoundStatusSchema>
export const RatingSchema = v.picklist(RATINGS)
export type Rating = v.InferOutput<typeof RatingSchema>
export const IndexSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(ROUND_LIMITS.index))

const L = ROUND_LIMITS
export const RoundSetupSchema = v.strictObject({
  /** Banks to draw from; empty means every bank. */
  bankIds: v.pipe(v.array(SlugSchema), v.maxLength(L.listItems)),
  /** Topics to draw from; empty means every topic. */
  topics: v.pipe(v.array(SlugSchema), v.maxLength(L.listItems)),
  /** Difficulties to draw from; empty means all. */
  difficulties: v.array(DifficultySchema),
  questionCount: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(L.questionCount.min, `at least ${L.questionCount.min} question`),
    v.maxValue(L.questionCount.max, `at most ${L.questionCount.max} questions`)
  ),
  /** Seconds per question; null uses each question's suggested time. */
  secondsPerQuestion: v.nullable(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(L.secondsPerQuestion.min, `at least ${L.secondsPerQuestion.min} seconds`),
      v.maxValue(L.secondsPerQuestion.max, 'at most an hour')
    )
  ),
  order: v.picklist(['random', 'as-written']),
  /** Optional limit for the whole round, in minutes of active (unpaused) time. */
  totalMinutes: v.nullable(
    v.pipe(
      v.number(),
      v.minValue(L.totalMinutes.min, `at least ${L.totalMinutes.min} minute`),
      v.maxValue(L.totalMinutes.max, 'at most 10 hours')
    )
  ),
  /** When time is up, keep answering and record overtime instead of revealing. */
  allowOvertime: v.boolean(),
  /** #13: draw the interviewer follow-ups (`<id>-fuN`) as questions of their own. Optional: old records lack it. */
  includeFollowUps: v.optional(v.boolean()),
  // ---- review (issue #8); optional, so old records still validate ----
  /** Questions chosen by main from a review source (weakest, due, never tried); in this order. */
  questionIds: v.optional(v.pipe(v.array(SlugSchema), v.maxLength(L.questionCount.max))),
  /** Practice (cram): recorded in history, skipped by the review schedule. */
  practice: v.optional(v.boolean())
})
export type RoundSetup = v.InferOutput<typeof RoundSetupSchema>

const RoundRef = v.strictObject({ roundId: IdSchema })

/**
 * The round's channels: input schema and result, one declaration each. `round:start` is declared by
 * review (core/review/schema.ts): its input is this setup widened with a drill source.
 */
export const roundChannels = {
  'round:current': channel(NoInput).returns<RoundView | null>(),
  'round:saveDraft': channel(
    v.strictObject({
      roundId: IdSchema,
      index: IndexSchema,
      draft: v.pipe(v.string(), v.maxLength(L.draftChars, 'the draft is too long (20,000 characters at most)'))
    })
  ).returns<RoundView>(),
  'round:reveal': channel(RoundRef).returns<RoundView>(),
  'round:grade': channel(
    v.strictObject({
      roundId: IdSchema,
      index: IndexSchema,
      rating: RatingSchema,
      keyPoints: v.pipe(v.array(IndexSchema), v.maxLength(L.keyPoints)),
      note: v.pipe(v.string(), v.maxLength(L.noteChars, 'the note is too long (2,000 characters at most)'))
    })
  ).returns<RoundView>(),
  'round:next': channel(RoundRef).returns<RoundView>(),
  'round:pause': channel(RoundRef).returns<RoundView>(),
  'round:resume': channel(RoundRef).returns<RoundView>(),
  'round:end': channel(RoundRef).returns<RoundView>(),
  'round:resumeInterrupted': channel(RoundRef).returns<RoundView>(),
  'round:discardInterrupted': channel(RoundRef).returns<null>(),
  // ---- setup count (#11) ----
  /** How many questions a setup draws from: the planner's own filter, not an estimate. */
  'round:matches': channel(
    v.strictObject({
      bankIds: RoundSetupSchema.entries.bankIds,
      topics: RoundSetupSchema.entries.topics,
      difficulties: RoundSetupSchema.entries.difficulties,
      includeFollowUps: RoundSetupSchema.entries.includeFollowUps
    })
  ).returns<{ count: number }>()
}
type RoundInput<C extends keyof typeof roundChannels> = v.InferOutput<(typeof roundChannels)[C]['input']>
export type MatchesInput = RoundInput<'round:matches'>

export type RoundRefInput = v.InferOutput<typeof RoundRef>
export type SaveDraftInput = RoundInput<'round:saveDraft'>
export type GradeInput = RoundInput<'round:grade'>

/** A question as stored in a start record (content may be a snapshot reference on disk). */
/** #13: the spoken answer, the interviewer's follow-ups, and the parent of a follow-up drilled on its own. */
const AnswerPartsEntries = {
  spoken: v.optional(v.string()),
  followUps: v.optional(v.array(v.object({ question: v.string(), answer: v.string() }))),
  followUpOf: v.optional(v.object({ id: v.string(), text: v.string() }))
}

export const RoundQuestionSchema = v.object({
  questionId: v.string(),
  bankId: v.string(),
  bankTitle: v.string(),
  text: v.string(),
  topics: v.array(v.string()),
  difficulty: DifficultySchema,
  answer: v.string(),
  keyPoints: v.array(v.string()),
  timeLimitMs: v.pipe(v.number(), v.minValue(0)),
  ...AnswerPartsEntries
})

/** The start record as replay needs it; a file whose start fails this is damaged, not a crash. */
export const StartRecordSchema = v.object({
  t: v.literal('start'),
  v: v.number(),
  id: IdSchema,
  at: v.string(),
  setup: v.object({ ...RoundSetupSchema.entries }),
  questions: v.pipe(v.array(RoundQuestionSchema), v.minLength(1))
})

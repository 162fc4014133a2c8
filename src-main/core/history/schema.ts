/** History's domain schemas; the contract composes them, the types are derived from them. */
import * as v from 'valibot'
import { channel, NoInput } from '../channel'
import { DifficultySchema, IdSchema, RoundStatusSchema, SlugSchema, ROUND_LIMITS } from '../session/schema'
import type { RoundSummary } from '../session/summary'
import type { Attempt, RoundQuestion } from '../session/types'
import type { HistoryPage, QuestionAttemptRecord, SessionListItem, SessionSummary } from './types'

export const HISTORY_LIMITS = { pageSize: 500, searchChars: 200 } as const

/** `relevance` ranks what a text search found (best match first); without text it is newest first. */
export const HISTORY_SORT_KEYS = ['startedAt', 'averageRating', 'durationMs', 'questionCount', 'status', 'relevance'] as const
export type HistorySortKey = (typeof HISTORY_SORT_KEYS)[number]

const Rating = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5)))

export const HistoryQuerySchema = v.strictObject({
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(HISTORY_LIMITS.pageSize)),
  sort: v.strictObject({ key: v.picklist(HISTORY_SORT_KEYS), dir: v.picklist(['asc', 'desc']) }),
  topics: v.pipe(v.array(SlugSchema), v.maxLength(ROUND_LIMITS.listItems)),
  // ---- bank and difficulty filters (#11): optional, so older callers still validate ----
  /** Sessions that drew from any of these banks; empty or absent: every bank. */
  bankIds: v.optional(v.pipe(v.array(SlugSchema), v.maxLength(ROUND_LIMITS.listItems))),
  /** Sessions with a question of any of these difficulties; empty or absent: all. */
  difficulties: v.optional(v.array(DifficultySchema)),
  statuses: v.array(RoundStatusSchema),
  /** ISO dates, inclusive. */
  from: v.nullable(v.pipe(v.string(), v.isoDate())),
  to: v.nullable(v.pipe(v.string(), v.isoDate())),
  minRating: Rating,
  maxRating: Rating,
  /** Matched against question texts, drafts and notes. */
  text: v.pipe(v.string(), v.maxLength(HISTORY_LIMITS.searchChars))
})
export type HistoryQuery = v.InferOutput<typeof HistoryQuerySchema>

const SessionRef = v.strictObject({ sessionId: IdSchema })

// ---- the history channels (#7: input schema and result in one table; the contract composes it) ----

/** history:get's result: the session as its page shows it. */
export interface SessionDetail {
  summary: SessionListItem
  result: RoundSummary
  questions: (RoundQuestion & { attempt: Attempt })[]
}
export type SessionQuestion = SessionDetail['questions'][number]

/** history:attempts' result: one grade of a question, with when its session began. */
export interface AttemptHistoryItem extends QuestionAttemptRecord {
  sessionStartedAt: string | null
}

export const historyChannels = {
  'history:list': channel(HistoryQuerySchema).returns<HistoryPage>(),
  'history:get': channel(SessionRef).returns<SessionDetail>(),
  'history:attempts': channel(v.strictObject({ questionId: SlugSchema })).returns<AttemptHistoryItem[]>(),
  'history:delete': channel(SessionRef).returns<null>(),
  'history:restore': channel(SessionRef).returns<SessionSummary>(),
  'history:count': channel(NoInput).returns<{ deletable: number }>(),
  'history:clear': channel(v.strictObject({ expectedCount: v.pipe(v.number(), v.integer(), v.minValue(0)) })).returns<{
    removed: number
  }>()
}

/** The marker of the round in progress (`active.json`). */
export const ActiveMarkerSchema = v.object({ v: v.number(), sessionId: IdSchema })

/** History's domain schemas; the contract composes them, the types are derived from them. */
import * as v from 'valibot'
import { DifficultySchema, IdSchema, RoundStatusSchema, SlugSchema, ROUND_LIMITS } from '../session/schema'

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
const Nothing = v.optional(v.undefined())

/** History's requests: channel → input schema. */
export const historyRequests = {
  'history:list': HistoryQuerySchema,
  'history:get': SessionRef,
  'history:attempts': v.strictObject({ questionId: SlugSchema }),
  'history:delete': SessionRef,
  'history:restore': SessionRef,
  'history:count': Nothing,
  'history:clear': v.strictObject({ expectedCount: v.pipe(v.number(), v.integer(), v.minValue(0)) })
} as const

/** The marker of the round in progress (`active.json`). */
export const ActiveMarkerSchema = v.object({ v: v.number(), sessionId: IdSchema })

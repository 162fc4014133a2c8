/** Export's requests (issue #9): channel → input schema; the contract spreads them into `requests`. */
import * as v from 'valibot'
import { IdSchema } from '../session/schema'
import { HistoryQuerySchema } from '../history/schema'

export const ExportFormatSchema = v.picklist(['pdf', 'markdown', 'csv', 'json'])
const IsoDay = v.nullable(v.pipe(v.string(), v.isoDate()))

export const exportRequests = {
  'export:session': v.strictObject({
    jobId: IdSchema,
    sessionId: IdSchema,
    format: ExportFormatSchema,
    drafts: v.boolean(),
    answers: v.boolean()
  }),
  'export:sessions': v.strictObject({
    jobId: IdSchema,
    format: ExportFormatSchema,
    drafts: v.boolean(),
    sessionIds: v.nullable(v.pipe(v.array(IdSchema), v.minLength(1, 'choose at least one session'), v.maxLength(100_000))),
    filter: v.nullable(v.omit(HistoryQuerySchema, ['offset', 'limit', 'sort']))
  }),
  'export:progress': v.strictObject({
    jobId: IdSchema,
    format: v.picklist(['pdf', 'markdown', 'json']),
    from: IsoDay,
    to: IsoDay,
    lastN: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1 session'), v.maxValue(100_000)))
  }),
  'export:cancel': v.strictObject({ jobId: IdSchema })
} as const

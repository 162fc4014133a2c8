/** Export's channels (issue #9): input schema and result; the contract composes them. */
import * as v from 'valibot'
import { channel } from '../channel'
import type { SaveOutcome } from './types'
import { IdSchema } from '../session/schema'
import { HistoryQuerySchema } from '../history/schema'

export const ExportFormatSchema = v.picklist(['pdf', 'markdown', 'csv', 'json'])
const IsoDay = v.nullable(v.pipe(v.string(), v.isoDate()))

export const exportChannels = {
  'export:session': channel(
    v.strictObject({
      jobId: IdSchema,
      sessionId: IdSchema,
      format: ExportFormatSchema,
      drafts: v.boolean(),
      answers: v.boolean()
    })
  ).returns<SaveOutcome>(),
  'export:sessions': channel(
    v.strictObject({
      jobId: IdSchema,
      format: ExportFormatSchema,
      drafts: v.boolean(),
      sessionIds: v.nullable(v.pipe(v.array(IdSchema), v.minLength(1, 'choose at least one session'), v.maxLength(100_000))),
      filter: v.nullable(v.omit(HistoryQuerySchema, ['offset', 'limit', 'sort']))
    })
  ).returns<SaveOutcome>(),
  'export:progress': channel(
    v.strictObject({
      jobId: IdSchema,
      format: v.picklist(['pdf', 'markdown', 'json']),
      from: IsoDay,
      to: IsoDay,
      lastN: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1 session'), v.maxValue(100_000)))
    })
  ).returns<SaveOutcome>(),
  'export:cancel': channel(v.strictObject({ jobId: IdSchema })).returns<{ cancelled: boolean }>()
}

/** Backup's requests (issue #9): channel → input schema; the contract spreads them into `requests`. */
import * as v from 'valibot'

const FileId = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be a file id'))
const Nothing = v.optional(v.undefined())

export const backupRequests = {
  'backup:create': Nothing,
  'backup:choose': Nothing,
  'backup:inspect': v.strictObject({ fileId: FileId }),
  'backup:restore': v.strictObject({ fileId: FileId, expectedSessions: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'backup:list': Nothing,
  'backup:pickLocal': v.strictObject({
    name: v.pipe(v.string(), v.regex(/^(auto|before-restore)-[0-9A-Za-z-]{1,40}\.tar\.gz$/, 'must be a backup in the backups folder'))
  })
} as const

import * as v from 'valibot'
import type { BackupContents } from './types'

export type { BackupContents }

/**
 * A backup is one gzip'd tar archive: the data files at their paths under the data folder, and
 * `manifest.json` (written last) that names the format, the app, the counts and a SHA-256 for every
 * file. The indexes are not archived: they are derived, and rebuilt from the sessions on restore.
 * With the sessions go the undo bin (`history/trash`, deleted sessions that can still be restored
 * for a day from their deletion) and the marker of a round in progress (`history/active.json`), so
 * that a restored unfinished round is offered to resume at the next start, as after a crash.
 */
export const BACKUP_FORMAT = 'interview-drill-backup'
export const BACKUP_FORMAT_VERSION = 1
export const MANIFEST = 'manifest.json'

/** The only paths a backup may hold: anything else marks it as foreign (or hostile). */
export const ARCHIVE_PATHS = [
  /^history\/sessions\/[A-Za-z0-9_-]{1,64}\.jsonl$/,
  /^history\/questions\/[0-9a-f]{64}\.json$/,
  /^history\/trash\/[A-Za-z0-9_-]{1,64}\.jsonl$/,
  /^history\/active\.json$/,
  /^settings\.json$/,
  /^banks\/(?:[A-Za-z0-9_][A-Za-z0-9_. -]{0,100}\/){0,3}[A-Za-z0-9_][A-Za-z0-9_. -]{0,100}$/
]
/** Folders other archivers add as entries of their own. */
export const allowedDir = (p: string): boolean =>
  p === '' ||
  p === './' ||
  /^(history|history\/sessions|history\/questions|history\/trash|banks)\/?$/.test(p) ||
  allowedPath(p.replace(/\/$/, ''))
export const allowedPath = (p: string): boolean => !p.split('/').includes('..') && ARCHIVE_PATHS.some((re) => re.test(p))

const Count = v.pipe(v.number(), v.integer(), v.minValue(0))
export const ManifestSchema = v.object({
  format: v.string(),
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  appVersion: v.string(),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  counts: v.object({ sessions: Count, questions: Count, settings: Count, bankFiles: Count, trash: v.optional(Count, 0) }),
  files: v.array(v.object({ path: v.string(), size: Count, sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }))
})
export type Manifest = v.InferOutput<typeof ManifestSchema>

export class BackupError extends Error {
  constructor(
    readonly code: 'refused' | 'busy' | 'not-found' | 'write-failed',
    message: string
  ) {
    super(message)
  }
}

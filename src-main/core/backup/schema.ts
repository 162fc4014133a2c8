/** Backup's channels (issue #9): input schema and result; the contract composes them. */
import * as v from 'valibot'
import { channel, NoInput } from '../channel'
import type { SaveOutcome } from '../export/types'
import type { BackupContents, BackupFileInfo, ChosenArchive } from './types'

const FileId = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be a file id'))

export const backupChannels = {
  'backup:create': channel(NoInput).returns<SaveOutcome>(),
  'backup:choose': channel(NoInput).returns<ChosenArchive | null>(),
  'backup:inspect': channel(v.strictObject({ fileId: FileId })).returns<BackupContents>(),
  'backup:restore': channel(v.strictObject({ fileId: FileId, expectedSessions: v.pipe(v.number(), v.integer(), v.minValue(0)) })).returns<{
    contents: BackupContents
    keptAt: string
  }>(),
  'backup:list': channel(NoInput).returns<BackupFileInfo[]>(),
  'backup:pickLocal': channel(
    v.strictObject({
      name: v.pipe(v.string(), v.regex(/^(auto|before-restore)-[0-9A-Za-z-]{1,40}\.tar\.gz$/, 'must be a backup in the backups folder'))
    })
  ).returns<ChosenArchive>()
}

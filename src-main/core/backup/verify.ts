import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import * as v from 'valibot'
import { extract } from 'tar'
import { decodeRecords } from '../fs/records'
import { HistoryStore } from '../history/store'
import { historyQuery } from '../history/query'
import type { QuestionAttemptRecord } from '../history/types'
import {
  allowedDir,
  allowedPath,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  MANIFEST,
  ManifestSchema,
  type BackupContents,
  type Manifest
} from './manifest'

export interface VerifiedBackup {
  /** A folder beside the data holding the verified files; the restore moves them into place. */
  staging: string
  manifest: Manifest
  contents: BackupContents
  /** The settings in the archive, parsed; null when it holds none. */
  settings: unknown
}

const refuse = (message: string): BackupError => new BackupError('refused', message)

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
  }
  return out
}

/**
 * Checks an archive completely, in a staging folder inside `workDir`, before anything of the
 * user's data is touched: it must be a gzip'd tar of only the paths this app writes, with a
 * manifest of a known format version, every file present with its checksum, the settings valid,
 * and every session file verified and replayed by the history reader. Refuses with a clear
 * message otherwise (and removes the staging folder).
 */
export async function verifyBackup(
  archive: string,
  workDir: string,
  opts: { checkSettings: (value: unknown) => string | null }
): Promise<VerifiedBackup> {
  const staging = join(workDir, `.restore-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { recursive: true })
  try {
    return await verifyIn(archive, staging, opts)
  } catch (e) {
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
    throw e
  }
}

async function verifyIn(
  archive: string,
  staging: string,
  opts: { checkSettings: (value: unknown) => string | null }
): Promise<VerifiedBackup> {
  const bytes = (await stat(archive).catch(() => null))?.size
  if (bytes === undefined) throw new BackupError('not-found', 'The backup file could not be found.')
  const strangers: string[] = []
  try {
    await extract({
      file: archive,
      cwd: staging,
      strict: true,
      preservePaths: false,
      filter: (path, entry) => {
        const p = path.replace(/^\.\//, '')
        const type = 'type' in entry ? entry.type : 'File'
        const ok = type === 'Directory' ? allowedDir(p) : type === 'File' && (p === MANIFEST || allowedPath(p))
        if (!ok) strangers.push(p)
        return ok
      }
    })
  } catch (e) {
    throw refuse(`This file is damaged or is not a backup archive (${(e as Error).message}). Nothing was changed.`)
  }
  if (strangers.length) {
    throw refuse(
      `This archive is not an Interview Drill backup: it holds "${strangers[0]}", which the app never writes. Nothing was changed.`
    )
  }
  if (!existsSync(join(staging, MANIFEST))) {
    throw refuse('This file is not an Interview Drill backup (it has no manifest). Nothing was changed.')
  }
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(staging, MANIFEST), 'utf8'))
  } catch {
    throw refuse('The backup’s manifest is damaged. Nothing was changed.')
  }
  if ((raw as { format?: unknown })?.format !== BACKUP_FORMAT) {
    throw refuse('This archive was not made by Interview Drill (its manifest names another format). Nothing was changed.')
  }
  const parsed = v.safeParse(ManifestSchema, raw)
  if (!parsed.success) throw refuse(`The backup’s manifest is damaged (${parsed.issues[0].message}). Nothing was changed.`)
  const manifest = parsed.output
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw refuse(
      `This backup was made by a newer version of Interview Drill (${manifest.appVersion}, backup format ${manifest.formatVersion}); update the app to restore it. Nothing was changed.`
    )
  }

  // Every file listed, none more, each with its checksum.
  const present = new Set((await filesUnder(staging)).filter((p) => p !== MANIFEST))
  for (const f of manifest.files) {
    if (!allowedPath(f.path) || !present.delete(f.path))
      throw refuse(`The backup is incomplete: ${f.path} is missing. Nothing was changed.`)
    const body = await readFile(join(staging, f.path))
    if (body.length !== f.size || createHash('sha256').update(body).digest('hex') !== f.sha256) {
      throw refuse(`The backup is damaged: ${f.path} does not match its checksum. Nothing was changed.`)
    }
  }
  if (present.size) throw refuse(`The backup holds a file its manifest does not list (${[...present][0]}). Nothing was changed.`)
  const sessionFiles = manifest.files.filter((f) => f.path.startsWith('history/sessions/')).length
  if (sessionFiles !== manifest.counts.sessions) throw refuse('The backup’s manifest does not add up. Nothing was changed.')

  let settings: unknown = null
  if (existsSync(join(staging, 'settings.json'))) {
    try {
      settings = JSON.parse(await readFile(join(staging, 'settings.json'), 'utf8'))
    } catch {
      throw refuse('The settings in the backup are damaged. Nothing was changed.')
    }
    const problem = opts.checkSettings(settings)
    if (problem) throw refuse(`The settings in the backup are not valid (${problem}). Nothing was changed.`)
  }

  // Every session must be read, verified and replayed by the same reader the app uses; this also
  // writes the history indexes in the staging folder, so History answers at once after the restore.
  const store = new HistoryStore(staging)
  await store.open()
  await store.warmUp()
  // The marker of a round in progress must name an unfinished session of the archive (#7's recovery).
  await store.interrupted()
  if (store.problems.length) throw refuse(`The backup holds a damaged session: ${store.problems[0].message} Nothing was changed.`)
  const summaries = (await store.list(historyQuery({ limit: Number.MAX_SAFE_INTEGER, sort: { key: 'startedAt', dir: 'asc' } }), noContent))
    .items
  if (summaries.length !== manifest.counts.sessions) throw refuse('Some sessions in the backup could not be read. Nothing was changed.')

  const grades: BackupContents['grades'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }
  const gradeLog = join(staging, 'history', 'grades.jsonl')
  if (existsSync(gradeLog)) {
    for (const r of decodeRecords<{ k: string } & QuestionAttemptRecord>(await readFile(gradeLog, 'utf8')).records) {
      if (r.k === 'g') grades[String(r.rating) as keyof typeof grades]++
    }
  }
  return {
    staging,
    manifest,
    settings,
    contents: {
      appVersion: manifest.appVersion,
      createdAt: manifest.createdAt,
      sessions: summaries.length,
      gradedQuestions: Object.values(grades).reduce((a, b) => a + b, 0),
      grades,
      firstSessionAt: summaries[0]?.startedAt ?? null,
      lastSessionAt: summaries[summaries.length - 1]?.startedAt ?? null,
      questionSnapshots: manifest.counts.questions,
      settings: settings !== null,
      bankFiles: manifest.counts.bankFiles,
      bytes
    }
  }
}

const noContent = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }

/**
 * Export and backup, composed for both shells: contract inputs → core/export and core/backup →
 * the shell's file port. Long exports run as cancellable jobs whose progress goes out as events.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as v from 'valibot'
import { dailyBackup, listBackups } from './core/backup/auto'
import { createBackup } from './core/backup/create'
import { BackupError, type BackupContents } from './core/backup/manifest'
import type { ChosenArchive } from './core/backup/types'
import { BACKUPS_DIR, replaceData } from './core/backup/restore'
import { verifyBackup, type VerifiedBackup } from './core/backup/verify'
import { exportProgress, exportSession, exportSessions, type ExportFile } from './core/export/formats'
import { ExportError, ExportJobs, type JobProgress } from './core/export/jobs'
import type { ReviewReadiness } from './core/export/progress'
import { fileStamp } from './core/export/scorecard'
import type { HistoryStore } from './core/history/store'
import { historyQuery } from './core/history/query'
import type { ContentLookup, HistoryQuery } from './core/history/types'
import { DEFAULT_SETTINGS, type SettingsService } from './core/settings'
import { SettingsSchema, type Requests } from './contract'
import { newFileId, type FilePort, type SaveOutcome } from './shell/files'

export interface DataServicesDeps {
  dataDir: string
  version: string
  history: HistoryStore
  settings: SettingsService
  content: ContentLookup
  files: FilePort
  activeRoundId: () => string | null
  emitProgress: (p: JobProgress) => void
  /** OPTIONAL SLOT for the review module (issue #8): due load and readiness for the progress report. */
  review?: () => ReviewReadiness | null
}

/** The inputs, as the contract validated them (one declaration of each shape: the schemas). */
type Validated<C extends 'export:session' | 'export:sessions' | 'export:progress'> = v.InferOutput<Requests[C]>
export type SessionExportInput = Validated<'export:session'>
export type SessionsExportInput = Validated<'export:sessions'>
export type ProgressExportInput = Validated<'export:progress'>

const ALL = Number.MAX_SAFE_INTEGER

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the shape is what this returns
export function createDataServices(d: DataServicesDeps) {
  const jobs = new ExportJobs(d.emitProgress)
  const read = (id: string): ReturnType<HistoryStore['read']> => d.history.read(id)
  let pending: { fileId: string; verified: VerifiedBackup } | null = null
  /** Archives of the backups folder chosen for a restore, by file id. */
  const local = new Map<string, string>()

  async function save(file: ExportFile): Promise<SaveOutcome> {
    try {
      return await d.files.save(file)
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ? `${(e as Error).message}` : String((e as Error)?.message ?? e)
      throw new ExportError('write-failed', `The file could not be saved (${reason}). No file was written.`)
    }
  }

  async function ids(query: Partial<HistoryQuery>): Promise<string[]> {
    return (await d.history.list(historyQuery({ limit: ALL, ...query }), d.content)).items.map((s) => s.id)
  }

  const checkSettings = (value: unknown): string | null => {
    const r = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, ...(value as object) })
    return r.success ? null : (r.issues[0]?.message ?? 'invalid')
  }

  // Staging folders of restores that were never confirmed (a crash between the two steps).
  void (async () => {
    for (const n of existsSync(d.dataDir) ? await readdir(d.dataDir) : []) {
      if (n.startsWith('.restore-')) await rm(join(d.dataDir, n), { recursive: true, force: true })
    }
  })().catch(() => undefined)

  return {
    exportSession: (i: SessionExportInput): Promise<SaveOutcome> =>
      jobs.run(i.jobId, async (job) => {
        const file = await exportSession(await read(i.sessionId), i.format, { drafts: i.drafts, answers: i.answers }, d.version)
        job.check()
        return save(file)
      }),

    exportSessions: (i: SessionsExportInput): Promise<SaveOutcome> =>
      jobs.run(i.jobId, async (job) => {
        const chosen = i.sessionIds ?? (await ids({ ...(i.filter ?? {}), sort: { key: 'startedAt', dir: 'asc' } }))
        const file = await exportSessions({
          ids: chosen,
          read,
          format: i.format,
          opts: { drafts: i.drafts, answers: false },
          appVersion: d.version,
          job
        })
        return save(file)
      }),

    exportProgress: (i: ProgressExportInput): Promise<SaveOutcome> =>
      jobs.run(i.jobId, async (job) => {
        let chosen = await ids({
          from: i.from,
          to: i.to,
          statuses: ['finished', 'ended-early', 'abandoned'],
          sort: { key: 'startedAt', dir: 'desc' }
        })
        if (i.lastN !== null) chosen = chosen.slice(0, i.lastN)
        const file = await exportProgress({
          ids: chosen,
          read,
          range: { from: i.from, to: i.to, lastN: i.lastN },
          format: i.format,
          appVersion: d.version,
          review: d.review?.() ?? null,
          job
        })
        return save(file)
      }),

    cancel: (jobId: string): { cancelled: boolean } => ({ cancelled: jobs.cancel(jobId) }),

    async backupCreate(): Promise<SaveOutcome> {
      const dir = await mkdtemp(join(tmpdir(), 'idrill-backup-'))
      try {
        const now = new Date()
        const { file } = await createBackup(d.dataDir, join(dir, 'backup.tar.gz'), { appVersion: d.version, now })
        return await save({
          fileName: `interview-drill-backup-${fileStamp(now.toISOString())}.tar.gz`,
          mime: 'application/gzip',
          bytes: await readFile(file)
        })
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },

    chooseArchive: () => d.files.chooseArchive(),

    /** Checks an archive completely and says what it holds; nothing of the data changes. */
    async backupInspect(fileId: string): Promise<BackupContents> {
      const path = local.get(fileId) ?? d.files.resolve(fileId)
      if (!path) throw new BackupError('not-found', 'That file is no longer available; choose it again.')
      if (pending) await rm(pending.verified.staging, { recursive: true, force: true })
      pending = null
      const verified = await verifyBackup(path, d.dataDir, { checkSettings })
      pending = { fileId, verified }
      return verified.contents
    },

    /** Replaces the data with the archive checked by backupInspect, once the user confirmed what it holds. */
    async backupRestore(fileId: string, expectedSessions: number): Promise<{ contents: BackupContents; keptAt: string }> {
      if (!pending || pending.fileId !== fileId) throw new BackupError('not-found', 'Check the backup again before restoring it.')
      const { verified } = pending
      if (verified.contents.sessions !== expectedSessions)
        throw new BackupError('refused', 'The backup is not the one you confirmed. Nothing was changed.')
      if (d.activeRoundId())
        throw new BackupError('busy', 'A round is in progress: finish or end it before restoring a backup. Nothing was changed.')
      pending = null
      const { keptAt } = await d.history.replaceFolder(() => replaceData(d.dataDir, verified, { appVersion: d.version }))
      if (verified.settings !== null) d.settings.update(v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...(verified.settings as object) }))
      return { contents: verified.contents, keptAt }
    },

    listBackups: () => listBackups(d.dataDir),

    /** One of the archives in the backups folder (automatic, or kept before a restore), to restore it. */
    async pickLocal(name: string): Promise<ChosenArchive> {
      if (!(await listBackups(d.dataDir)).some((b) => b.name === name))
        throw new BackupError('not-found', `There is no backup named ${name}.`)
      const fileId = newFileId()
      local.set(fileId, join(d.dataDir, BACKUPS_DIR, name))
      return { fileId, name }
    },

    /** The automatic daily backup, off the start-up path: first after `delayMs`, then every 6 hours. */
    scheduleDaily(delayMs: number): void {
      const run = (): void => void dailyBackup(d.dataDir, d.version).catch((e) => console.error('automatic backup failed', e))
      setTimeout(() => {
        run()
        setInterval(run, 6 * 3_600_000).unref()
      }, delayMs).unref()
    }
  }
}

export type DataServices = ReturnType<typeof createDataServices>

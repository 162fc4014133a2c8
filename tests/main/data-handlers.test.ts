import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import { call, createDispatcher } from '../../src-main/handlers'
import { historyQuery } from '../../src-main/core/history/query'
import { createAppServices } from '../../src-main/services'
import type { KeyValueFile } from '../../src-main/core/settings'
import { folderFiles, type FilePort } from '../../src-main/shell/files'
import type { ExportFile } from '../../src-main/core/export/formats'
import { FIXTURE_BANKS, setup, tempDir } from '../helpers/world'

async function app<F extends FilePort>(files: F = folderFiles(join(tempDir(), 'out')) as unknown as F, dataDir = tempDir()) {
  const progress: unknown[] = []
  const services = await createAppServices({
    dataDir,
    contentDir: FIXTURE_BANKS,
    version: 't',
    warmUpDelayMs: null,
    autoBackupDelayMs: null,
    files,
    openSettingsFile: () => new Conf({ cwd: dataDir, configName: 'settings', projectName: 'test' }) as unknown as KeyValueFile,
    emit: (e, p) => e === 'export:progress' && progress.push(p)
  })
  const dispatch = createDispatcher(services)
  const play = async (rating: 1 | 2 | 3 | 4 | 5, note = ''): Promise<string> => {
    const v = await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(dispatch, 'round:reveal', { roundId: v.id })
    await call(dispatch, 'round:grade', { roundId: v.id, index: 0, rating, keyPoints: [], note })
    await call(dispatch, 'round:next', { roundId: v.id })
    return v.id
  }
  return { dispatch, services, files, dataDir, progress, play }
}
const NO_FILTER = { topics: [], statuses: [], from: null, to: null, minRating: null, maxRating: null, text: '' }
const saved = (o: { kind: string; path?: string }): string => {
  expect(o.kind).toBe('saved')
  return o.path!
}

describe('export and backup through the contract', () => {
  it('exports one session in each format to the file port', async () => {
    const { dispatch, play } = await app()
    const id = await play(4, 'Привет')
    for (const format of ['pdf', 'markdown', 'csv', 'json'] as const) {
      const path = saved(
        await call(dispatch, 'export:session', { jobId: `j-${format}`, sessionId: id, format, drafts: true, answers: true })
      )
      expect(path).toMatch(new RegExp(`\\.${{ pdf: 'pdf', markdown: 'md', csv: 'csv', json: 'json' }[format]}$`))
      if (format === 'pdf') expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('Привет')
      else expect(readFileSync(path, 'utf8')).toContain('Привет')
    }
  })

  it('exports the filtered set or chosen sessions as CSV, reports progress, and validates input', async () => {
    const { dispatch, play, progress } = await app()
    const a = await play(2)
    const b = await play(5)
    const all = saved(
      await call(dispatch, 'export:sessions', { jobId: 'x', format: 'csv', drafts: false, sessionIds: null, filter: NO_FILTER })
    )
    expect((parse(readFileSync(all, 'utf8'), { columns: true }) as { session_id: string }[]).map((r) => r.session_id)).toEqual([a, b])
    const filtered = saved(
      await call(dispatch, 'export:sessions', {
        jobId: 'y',
        format: 'json',
        drafts: false,
        sessionIds: null,
        filter: { topics: [], statuses: [], from: null, to: null, minRating: 4, maxRating: null, text: '' }
      })
    )
    expect(JSON.parse(readFileSync(filtered, 'utf8')).sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([b])
    const chosen = saved(
      await call(dispatch, 'export:sessions', { jobId: 'z', format: 'csv', drafts: false, sessionIds: [a], filter: null })
    )
    expect(readFileSync(chosen, 'utf8')).toContain(a)
    expect(progress).toContainEqual({ jobId: 'z', done: 1, total: 1, step: 'Writing the file' })
    await expect(
      call(dispatch, 'export:session', { jobId: 'bad', sessionId: '../x', format: 'csv', drafts: false, answers: false })
    ).rejects.toMatchObject({
      code: 'invalid-input'
    })
    await expect(
      call(dispatch, 'export:session', { jobId: 'bad', sessionId: a, format: 'exe' as never, drafts: false, answers: false })
    ).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('writes a progress report PDF over the last N sessions', async () => {
    const { dispatch, play } = await app()
    for (const r of [1, 3, 5] as const) await play(r)
    const path = saved(await call(dispatch, 'export:progress', { jobId: 'p', format: 'pdf', from: null, to: null, lastN: 2 }))
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
    expect(text).toContain('Last 2 sessions')
  })

  it('says why a write failed and leaves no file; a cancelled export writes nothing', async () => {
    const failing: FilePort = {
      save: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      },
      chooseArchive: async () => null,
      resolve: () => null
    }
    const { dispatch, play } = await app(failing)
    const id = await play(3)
    await expect(
      call(dispatch, 'export:session', { jobId: 'w', sessionId: id, format: 'csv', drafts: false, answers: false })
    ).rejects.toMatchObject({
      code: 'write-failed',
      message: expect.stringMatching(/permission denied.*No file was written/)
    })

    let release!: () => void
    const slow: FilePort & { wrote: ExportFile[] } = {
      wrote: [],
      save: async (f) => (slow.wrote.push(f), { kind: 'saved', path: 'x', fileName: f.fileName, bytes: 0 }),
      chooseArchive: async () => null,
      resolve: () => null
    }
    const second = await app(slow)
    const ids = [await second.play(1), await second.play(2)]
    const gate = new Promise<void>((r) => (release = r))
    const read = second.services.history.read.bind(second.services.history)
    second.services.history.read = async (sid: string) => (await gate, read(sid))
    const running = call(second.dispatch, 'export:sessions', { jobId: 'c', format: 'json', drafts: false, sessionIds: ids, filter: null })
    expect(await call(second.dispatch, 'export:cancel', { jobId: 'c' })).toEqual({ cancelled: true })
    release()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    expect(slow.wrote).toEqual([])
  })

  it('backs up, restores after history was deleted, and refuses a corrupted archive with nothing changed', async () => {
    const files = folderFiles(join(tempDir(), 'out'))
    const { dispatch, play, dataDir } = await app(files)
    await play(2)
    await play(4)
    await call(dispatch, 'settings:update', { theme: 'dark' })
    const before = await call(dispatch, 'history:list', historyQuery())
    const archive = saved(await call(dispatch, 'backup:create', undefined))
    expect(archive).toMatch(/interview-drill-backup-.*\.tar\.gz$/)

    await call(dispatch, 'history:clear', { expectedCount: 2 })
    await call(dispatch, 'settings:update', { theme: 'light' })
    expect((await call(dispatch, 'history:list', historyQuery())).total).toBe(0)

    const fileId = files.register(archive)
    const contents = await call(dispatch, 'backup:inspect', { fileId })
    expect(contents).toMatchObject({ sessions: 2, gradedQuestions: 2, grades: { '2': 1, '4': 1 }, settings: true })
    await expect(call(dispatch, 'backup:restore', { fileId, expectedSessions: 3 })).rejects.toMatchObject({ code: 'refused' })
    // A refused confirmation does not lose the checked archive: confirm the right count.
    await call(dispatch, 'backup:inspect', { fileId })
    const restored = await call(dispatch, 'backup:restore', { fileId, expectedSessions: 2 })
    expect(existsSync(restored.keptAt)).toBe(true)
    expect(await call(dispatch, 'history:list', historyQuery())).toEqual(before)
    expect((await call(dispatch, 'app:state', undefined)).settings.theme).toBe('dark')
    expect((await call(dispatch, 'backup:list', undefined)).map((b) => b.kind)).toEqual(['before-restore'])
    // The archive kept before the restore brings the replaced (empty) history back.
    const [kept] = await call(dispatch, 'backup:list', undefined)
    await expect(call(dispatch, 'backup:pickLocal', { name: '../settings.json' })).rejects.toMatchObject({ code: 'invalid-input' })
    const local = await call(dispatch, 'backup:pickLocal', { name: kept.name })
    expect((await call(dispatch, 'backup:inspect', { fileId: local.fileId })).sessions).toBe(0)
    await call(dispatch, 'backup:restore', { fileId: local.fileId, expectedSessions: 0 })
    expect((await call(dispatch, 'history:list', historyQuery())).total).toBe(0)
    // …and the first archive again.
    await call(dispatch, 'backup:inspect', { fileId })
    await call(dispatch, 'backup:restore', { fileId, expectedSessions: 2 })
    expect(await call(dispatch, 'history:list', historyQuery())).toEqual(before)

    const broken = join(tempDir(), 'broken.tar.gz')
    const bytes = readFileSync(archive)
    writeFileSync(broken, bytes.subarray(0, bytes.length - 40))
    const brokenId = files.register(broken)
    await expect(call(dispatch, 'backup:inspect', { fileId: brokenId })).rejects.toMatchObject({
      code: 'refused',
      message: /Nothing was changed/
    })
    await expect(call(dispatch, 'backup:restore', { fileId: brokenId, expectedSessions: 2 })).rejects.toMatchObject({ code: 'not-found' })
    expect(await call(dispatch, 'history:list', historyQuery())).toEqual(before)
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.restore-'))).toEqual([])
  })

  it('refuses to restore while a round is in progress', async () => {
    const files = folderFiles(join(tempDir(), 'out'))
    const { dispatch, play } = await app(files)
    await play(3)
    const archive = saved(await call(dispatch, 'backup:create', undefined))
    const fileId = files.register(archive)
    await call(dispatch, 'round:start', setup({ questionCount: 1 }))
    await call(dispatch, 'backup:inspect', { fileId })
    await expect(call(dispatch, 'backup:restore', { fileId, expectedSessions: 1 })).rejects.toMatchObject({ code: 'busy' })
  })
})

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { create as tarCreate, list as tarList } from 'tar'
import { describe, expect, it } from 'vitest'
import { dailyBackup, listBackups } from '../../../src-main/core/backup/auto'
import { createBackup } from '../../../src-main/core/backup/create'
import { BackupError } from '../../../src-main/core/backup/manifest'
import { replaceData } from '../../../src-main/core/backup/restore'
import { verifyBackup } from '../../../src-main/core/backup/verify'
import { HistoryStore } from '../../../src-main/core/history/store'
import { historyQuery } from '../../../src-main/core/history/query'
import { setup, tempDir, world } from '../../helpers/world'

const noContent = { questionText: (): undefined => undefined, bankTitle: (): undefined => undefined }
const ok = { checkSettings: (): null => null }

/** A data folder with two played rounds, settings and a user bank. */
async function dataFolder(): Promise<{ dataDir: string; ids: string[] }> {
  const w = await world()
  const ids: string[] = []
  for (const rating of [2, 5] as const) {
    const v = await w.engine.start(setup({ questionCount: 1 }))
    w.clock.advance(5_000)
    await w.engine.reveal({ roundId: v.id })
    await w.engine.grade({ roundId: v.id, index: 0, rating, keyPoints: [0], note: `заметка ${rating}` })
    await w.engine.next({ roundId: v.id })
    ids.push(v.id)
  }
  writeFileSync(join(w.dataDir, 'settings.json'), JSON.stringify({ theme: 'dark' }))
  mkdirSync(join(w.dataDir, 'banks'), { recursive: true })
  writeFileSync(join(w.dataDir, 'banks', 'mine.md'), '---\nid: mine\n---\n')
  return { dataDir: w.dataDir, ids }
}

/** Every file under a folder with its hash: "nothing changed" means this is equal before and after. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue
    const p = join(e.parentPath, e.name)
    out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
  }
  return out
}

async function listing(dataDir: string) {
  const s = new HistoryStore(dataDir)
  await s.open()
  return (await s.list(historyQuery({ limit: 100 }), noContent)).items
}

async function refused(archive: string, dataDir: string): Promise<string> {
  const before = tree(dataDir)
  const err = await verifyBackup(archive, dataDir, ok).then(
    () => null,
    (e) => e
  )
  expect(err).toBeInstanceOf(BackupError)
  expect(tree(dataDir)).toEqual(before)
  expect(readdirSync(dataDir).filter((n) => n.startsWith('.restore-'))).toEqual([])
  return (err as BackupError).message
}

describe('backup and restore', () => {
  it('archives history, question snapshots, settings and banks with a manifest, and restores the same history', async () => {
    const { dataDir, ids } = await dataFolder()
    const before = await listing(dataDir)
    const archive = join(tempDir(), 'b.tar.gz')
    const { manifest } = await createBackup(dataDir, archive, { appVersion: '9.9.9', now: new Date('2026-05-01T00:00:00Z') })
    expect(manifest).toMatchObject({
      format: 'interview-drill-backup',
      formatVersion: 1,
      appVersion: '9.9.9',
      counts: { sessions: 2, settings: 1, bankFiles: 1 }
    })
    expect(manifest.counts.questions).toBeGreaterThan(0)
    const names: string[] = []
    await tarList({ file: archive, onReadEntry: (e) => names.push(e.path) })
    expect(names).toContain('manifest.json')
    expect(names).toContain(`history/sessions/${ids[0]}.jsonl`)
    expect(names).toContain('banks/mine.md')
    for (const f of manifest.files)
      expect(f.sha256).toBe(
        createHash('sha256')
          .update(readFileSync(join(dataDir, f.path)))
          .digest('hex')
      )

    // Another data folder, with other history, gets replaced by the archive.
    const other = await dataFolder()
    const verified = await verifyBackup(archive, other.dataDir, ok)
    expect(verified.contents).toMatchObject({ appVersion: '9.9.9', sessions: 2, gradedQuestions: 2, settings: true, bankFiles: 1 })
    expect(verified.contents.grades).toEqual({ '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 })
    expect(verified.contents.firstSessionAt).toBe(before[before.length - 1].startedAt)
    expect(verified.settings).toEqual({ theme: 'dark' })
    const replacedIds = (await listing(other.dataDir)).map((s) => s.id)
    const { keptAt } = await replaceData(other.dataDir, verified, { appVersion: 't' })
    expect(await listing(other.dataDir)).toEqual(before)
    // The replaced data was archived first, and that archive restores it.
    expect(existsSync(keptAt)).toBe(true)
    const back = await verifyBackup(keptAt, other.dataDir, ok)
    expect(back.contents.sessions).toBe(2)
    await replaceData(other.dataDir, back, { appVersion: 't' })
    expect((await listing(other.dataDir)).map((s) => s.id)).toEqual(replacedIds)
  })

  it('refuses a damaged archive and changes nothing', async () => {
    const { dataDir } = await dataFolder()
    const archive = join(tempDir(), 'b.tar.gz')
    await createBackup(dataDir, archive, { appVersion: 't' })
    const bytes = readFileSync(archive)
    const cut = join(tempDir(), 'cut.tar.gz')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(await refused(cut, dataDir)).toMatch(/damaged|incomplete/)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(bytes.length / 2)] ^= 0xff
    const bad = join(tempDir(), 'flip.tar.gz')
    writeFileSync(bad, flipped)
    expect(await refused(bad, dataDir)).toMatch(/damaged|incomplete|checksum/)
  })

  it('refuses an archive whose file does not match its checksum, or whose session does not replay', async () => {
    const { dataDir, ids } = await dataFolder()
    const archive = join(tempDir(), 'b.tar.gz')
    await createBackup(dataDir, archive, { appVersion: 't' })
    // Unpack, change one byte of a session, pack again with the old manifest.
    const work = tempDir()
    const { extract } = await import('tar')
    await extract({ file: archive, cwd: work })
    const session = join(work, 'history', 'sessions', `${ids[0]}.jsonl`)
    writeFileSync(session, readFileSync(session, 'utf8').replace('"rating":2', '"rating":5'))
    const tampered = join(tempDir(), 't.tar.gz')
    await tarCreate({ gzip: true, file: tampered, cwd: work }, readdirSync(work))
    expect(await refused(tampered, dataDir)).toMatch(/does not match its checksum/)

    // A consistent manifest over a session whose record checksum fails: the history reader refuses it.
    const manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8'))
    const entry = manifest.files.find((f: { path: string }) => f.path.endsWith(`${ids[0]}.jsonl`))
    const body = readFileSync(session)
    entry.sha256 = createHash('sha256').update(body).digest('hex')
    entry.size = body.length
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest))
    const replayBad = join(tempDir(), 'r.tar.gz')
    await tarCreate({ gzip: true, file: replayBad, cwd: work }, readdirSync(work))
    expect(await refused(replayBad, dataDir)).toMatch(/damaged session/)
  })

  it('refuses foreign archives: not a tar, files this app never writes, another format, a newer version', async () => {
    const { dataDir } = await dataFolder()
    const text = join(tempDir(), 'notes.tar.gz')
    writeFileSync(text, 'just some text')
    expect(await refused(text, dataDir)).toMatch(/damaged or is not a backup|no manifest/)

    const work = tempDir()
    mkdirSync(join(work, 'etc'))
    writeFileSync(join(work, 'etc', 'passwd'), 'root:x:0:0')
    const foreign = join(tempDir(), 'f.tar.gz')
    await tarCreate({ gzip: true, file: foreign, cwd: work }, ['etc'])
    expect(await refused(foreign, dataDir)).toMatch(/not an Interview Drill backup/)

    const other = tempDir()
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ format: 'something-else', formatVersion: 1 }))
    const otherFormat = join(tempDir(), 'o.tar.gz')
    await tarCreate({ gzip: true, file: otherFormat, cwd: other }, ['manifest.json'])
    expect(await refused(otherFormat, dataDir)).toMatch(/not made by Interview Drill/)

    const archive = join(tempDir(), 'b.tar.gz')
    await createBackup(dataDir, archive, { appVersion: 't' })
    const newer = tempDir()
    const { extract } = await import('tar')
    await extract({ file: archive, cwd: newer })
    const m = JSON.parse(readFileSync(join(newer, 'manifest.json'), 'utf8'))
    writeFileSync(join(newer, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 2, appVersion: '5.0.0' }))
    const future = join(tempDir(), 'n.tar.gz')
    await tarCreate({ gzip: true, file: future, cwd: newer }, readdirSync(newer))
    expect(await refused(future, dataDir)).toMatch(/newer version of Interview Drill \(5\.0\.0/)

    // Path traversal never leaves the staging folder.
    const evil = gzipSync(Buffer.concat([tarHeader('../../escape.txt', 4), Buffer.from('evil'), Buffer.alloc(508), Buffer.alloc(1024)]))
    const traversal = join(tempDir(), 'e.tar.gz')
    writeFileSync(traversal, evil)
    expect(gunzipSync(evil).length).toBeGreaterThan(0)
    expect(await refused(traversal, dataDir)).toMatch(/not an Interview Drill backup|no manifest|damaged/)
    expect(existsSync(join(dataDir, '..', 'escape.txt'))).toBe(false)
  })

  it('keeps one automatic backup a day, the newest 7', async () => {
    expect(await dailyBackup(tempDir(), 't')).toBeNull() // no history yet, no archive
    const { dataDir } = await dataFolder()
    for (let day = 1; day <= 9; day++) {
      const file = await dailyBackup(dataDir, 't', new Date(Date.UTC(2026, 0, day, 12)))
      expect(file).toMatch(new RegExp(`auto-2026-01-0${day}\\.tar\\.gz$`))
    }
    expect(await dailyBackup(dataDir, 't', new Date(Date.UTC(2026, 0, 9, 18)))).toBeNull()
    const names = readdirSync(join(dataDir, 'backups')).sort()
    expect(names).toEqual([3, 4, 5, 6, 7, 8, 9].map((d) => `auto-2026-01-0${d}.tar.gz`))
    expect((await listBackups(dataDir)).map((b) => b.kind)).toEqual(Array(7).fill('auto'))
    expect(statSync(join(dataDir, 'backups', names[0])).size).toBeGreaterThan(0)
  })

  it("carries #7's undo bin and round-in-progress marker, and a restore leaves a live store's indexes consistent", async () => {
    const w = await world()
    const ids: string[] = []
    for (const rating of [3, 4] as const) {
      const r = await w.engine.start(setup({ questionCount: 1 }))
      await w.engine.reveal({ roundId: r.id })
      await w.engine.grade({ roundId: r.id, index: 0, rating, keyPoints: [], note: '' })
      await w.engine.next({ roundId: r.id })
      ids.push(r.id)
    }
    await w.store.delete(ids[0], null)
    const deletedAt = statSync(join(w.dataDir, 'history', 'trash', `${ids[0]}.jsonl`)).mtimeMs
    const running = await w.engine.start(setup({ questionCount: 2 }))
    const archive = join(tempDir(), 'b.tar.gz')
    const { manifest } = await createBackup(w.dataDir, archive, { appVersion: 't' })
    expect(manifest.counts).toMatchObject({ sessions: 2, trash: 1 })
    const names: string[] = []
    await tarList({ file: archive, onReadEntry: (e) => names.push(e.path) })
    expect(names).toEqual(expect.arrayContaining([`history/trash/${ids[0]}.jsonl`, 'history/active.json']))

    // A live store over another folder has read its indexes; the restore swaps the folder under it.
    const other = await dataFolder()
    const live = new HistoryStore(other.dataDir)
    await live.open()
    expect((await live.list(historyQuery({ limit: 100 }), noContent)).items.map((s) => s.id).sort()).toEqual([...other.ids].sort())
    const verified = await verifyBackup(archive, other.dataDir, ok)
    expect(verified.contents.sessions).toBe(2)
    await live.replaceFolder(() => replaceData(other.dataDir, verified, { appVersion: 't' }))
    const listed = async (): Promise<string[]> => (await live.list(historyQuery({ limit: 100 }), noContent)).items.map((s) => s.id).sort()
    expect(await listed()).toEqual([ids[1], running.id].sort())
    expect(await live.count()).toBe(2)
    expect((await live.attempts((await live.read(ids[1])).questions[0].questionId)).map((a) => a.sessionId)).toEqual([ids[1]])
    // The deletion can still be undone after the restore, its day counted from the deletion.
    const trashed = join(other.dataDir, 'history', 'trash', `${ids[0]}.jsonl`)
    expect(Math.abs(statSync(trashed).mtimeMs - deletedAt)).toBeLessThan(2_000)
    await live.restore(ids[0])
    expect(await listed()).toEqual([...ids, running.id].sort())
    // The unfinished round is offered to resume at the next start, as after a crash.
    const next = new HistoryStore(other.dataDir)
    await next.open()
    expect((await next.interrupted())?.id).toBe(running.id)
    expect(next.problems).toEqual([])
  })
})

/** A minimal ustar header, for an archive tar itself would refuse to write. */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512)
  h.write(name, 0)
  h.write('0000644\0', 100)
  h.write('0000000\0', 108)
  h.write('0000000\0', 116)
  h.write(size.toString(8).padStart(11, '0') + '\0', 124)
  h.write('00000000000\0', 136)
  h.write('        ', 148)
  h.write('0', 156)
  h.write('ustar\0', 257)
  h.write('00', 263)
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148)
  return h
}

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../helpers/world'

const answers: { save: { canceled: boolean; filePath?: string }[]; open: { canceled: boolean; filePaths: string[] }[] } = {
  save: [],
  open: []
}
const asked: { defaultPath?: string }[] = []
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: async (_w: unknown, o?: { defaultPath?: string }) => (
      asked.push((o ?? _w) as { defaultPath?: string }),
      answers.save.shift()
    ),
    showOpenDialog: async (_w: unknown, o?: { defaultPath?: string }) => (
      asked.push((o ?? _w) as { defaultPath?: string }),
      answers.open.shift()
    )
  }
}))
const { electronFiles } = await import('../../src-main/shell/electron-files')

const file = { fileName: 'card.pdf', mime: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) }

describe('the Electron file port', () => {
  it('saves where the native dialog says, atomically, and remembers the folder for next time', async () => {
    const data = tempDir()
    const docs = tempDir()
    const chosen = tempDir()
    const files = electronFiles(
      data,
      () => null,
      () => docs
    )
    answers.save.push({ canceled: false, filePath: join(chosen, 'mine.pdf') })
    expect(await files.save(file)).toEqual({ kind: 'saved', path: join(chosen, 'mine.pdf'), fileName: 'mine.pdf', bytes: 4 })
    expect(asked.pop()?.defaultPath).toBe(join(docs, 'card.pdf'))
    expect([...readFileSync(join(chosen, 'mine.pdf'))]).toEqual([37, 80, 68, 70])
    expect(readdirSync(chosen)).toEqual(['mine.pdf'])

    answers.save.push({ canceled: true })
    expect(await files.save(file)).toEqual({ kind: 'cancelled' })
    expect(asked.pop()?.defaultPath).toBe(join(chosen, 'card.pdf'))
  })

  it('fails with the reason and leaves no half-written file', async () => {
    const blocker = join(tempDir(), 'not-a-folder')
    writeFileSync(blocker, 'x')
    const files = electronFiles(
      tempDir(),
      () => null,
      () => tempDir()
    )
    answers.save.push({ canceled: false, filePath: join(blocker, 'card.pdf') })
    await expect(files.save(file)).rejects.toThrow(/ENOTDIR|EEXIST/)
    expect(existsSync(join(blocker, 'card.pdf'))).toBe(false)
  })

  it('hands out an id for a chosen backup archive', async () => {
    const files = electronFiles(
      tempDir(),
      () => null,
      () => tempDir()
    )
    answers.open.push({ canceled: false, filePaths: ['/backups/b.tar.gz'] })
    const picked = await files.chooseArchive()
    expect(picked).toMatchObject({ name: 'b.tar.gz', fileId: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(files.resolve(picked!.fileId)).toBe('/backups/b.tar.gz')
    answers.open.push({ canceled: true, filePaths: [] })
    expect(await files.chooseArchive()).toBeNull()
  })
})

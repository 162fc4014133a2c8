import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BankCatalog } from '../../../src-main/core/bank/catalog'
import { parseBank } from '../../../src-main/core/bank/format'

const FIXTURE_BANKS = join(import.meta.dirname, '../../fixtures/banks')
const draft = {
  text: 'What does a readiness probe decide?',
  topics: ['workloads', 'my-own-topic'],
  difficulty: 'easy' as const,
  timeSec: 90,
  answer: 'Whether the Pod receives Service traffic.\n\n```yaml\nreadinessProbe: {}\n```',
  keyPoints: []
}
const open: BankCatalog[] = []
async function catalog(): Promise<{ c: BankCatalog; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'user-banks-'))
  const c = await BankCatalog.open({ contentDir: FIXTURE_BANKS, userDir: dir })
  open.push(c)
  return { c, dir }
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

describe('BankCatalog', () => {
  it('creates a bank and a question in a Markdown file that reads back, with the user topic', async () => {
    const { c, dir } = await catalog()
    const bank = await c.createBank('My K8s notes')
    expect(bank.id).toBe('my-k8s-notes')
    const q = await c.saveQuestion(bank.id, draft)
    expect(q.id).toBe('my-k8s-notes-what-does-a-readiness-probe-decide')
    const text = readFileSync(join(dir, 'my-k8s-notes.md'), 'utf8')
    const back = parseBank(text, 'my-k8s-notes.md', { user: true })
    expect(back.questions[0]).toMatchObject({ text: draft.text, topics: draft.topics, answer: draft.answer, keyPoints: [] })
    expect(c.banks().map((b) => b.id)).toEqual(['sample', 'my-k8s-notes'])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('edits, moves, deletes with undo, and renames', async () => {
    const { c } = await catalog()
    const a = await c.createBank('A')
    const b = await c.createBank('B')
    const q = await c.saveQuestion(a.id, draft)
    await c.saveQuestion(a.id, { ...draft, text: 'What does a liveness probe decide?', keyPoints: ['restarts the container'] }, q.id)
    expect(c.find(q.id)?.question).toMatchObject({ text: 'What does a liveness probe decide?', keyPoints: ['restarts the container'] })
    await c.moveQuestion(q.id, b.id)
    expect(c.find(q.id)?.bank.id).toBe(b.id)
    const { undoToken } = await c.deleteQuestion(q.id)
    expect(c.find(q.id)).toBeUndefined()
    await c.restoreQuestion(undoToken)
    expect(c.find(q.id)?.bank.id).toBe(b.id)
    await c.renameBank(b.id, 'Bee')
    expect(c.banks().find((x) => x.id === b.id)?.title).toBe('Bee')
    const del = await c.deleteBank(a.id)
    expect(c.isUser(a.id)).toBe(false)
    await c.restoreBank(del.undoToken)
    expect(c.isUser(a.id)).toBe(true)
  })

  it('keeps bundled banks read-only and duplicates their questions with a new id', async () => {
    const { c } = await catalog()
    const bundled = c.banks()[0].questions[0]
    await expect(c.deleteQuestion(bundled.id)).rejects.toMatchObject({ code: 'read-only' })
    await expect(c.saveQuestion('sample', draft)).rejects.toMatchObject({ code: 'read-only' })
    const mine = await c.createBank('Mine')
    const id = await c.duplicateQuestion(bundled.id, mine.id)
    expect(id).not.toBe(bundled.id)
    expect(c.find(id)?.question).toMatchObject({ text: bundled.text, answer: bundled.answer, keyPoints: bundled.keyPoints })
  })

  it('picks up an outside edit through the watcher and reports a broken file while the rest keeps working', async () => {
    const { c, dir } = await catalog()
    const bank = await c.createBank('Watched')
    await c.saveQuestion(bank.id, draft)
    let changes = 0
    c.watch(() => changes++, 50)
    await new Promise((r) => setTimeout(r, 300))
    const file = join(dir, 'watched.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('What does a readiness probe decide?', 'Edited outside?'))
    await waitFor(() => c.find('watched-what-does-a-readiness-probe-decide')?.question.text === 'Edited outside?')
    writeFileSync(join(dir, 'broken.md'), '---\nid: broken\ntitle: Broken\n---\n\n## Q?\n\n- id: broken-q\n- time: soon\n')
    await waitFor(() => c.problems().some((p) => p.file === 'banks/broken.md'))
    expect(c.problems().find((p) => p.file === 'banks/broken.md')).toMatchObject({ line: 6, message: expect.stringMatching(/topics/) })
    expect(c.find('watched-what-does-a-readiness-probe-decide')).toBeDefined()
    expect(changes).toBeGreaterThan(0)
  })

  it('refuses a draft that would not save as a bank', async () => {
    const { c } = await catalog()
    const bank = await c.createBank('X')
    await expect(c.saveQuestion(bank.id, { ...draft, timeSec: 5 })).rejects.toMatchObject({ code: 'invalid' })
  })
})

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}

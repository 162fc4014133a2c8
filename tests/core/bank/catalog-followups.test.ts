// Port of #10 onto #13 and #7: user banks get follow-up questions, keep spoken answers and follow-ups
// through duplicate and edit, need neither, and still load when the bundled folder is missing.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BankCatalog } from '../../../src-main/core/bank/catalog'
import { parseBank } from '../../../src-main/core/bank/format'

const EXTENDED = join(import.meta.dirname, '../../fixtures/bank-format/extended.md')
const open: BankCatalog[] = []
async function catalog(contentDir?: string): Promise<{ c: BankCatalog; userDir: string }> {
  const content = contentDir ?? mkdtempSync(join(tmpdir(), 'bundled-'))
  if (!contentDir) copyFileSync(EXTENDED, join(content, 'extended.md'))
  const userDir = mkdtempSync(join(tmpdir(), 'user-banks-'))
  const c = await BankCatalog.open({ contentDir: content, userDir })
  open.push(c)
  return { c, userDir }
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

describe('BankCatalog with the #13 format', () => {
  it('duplicating a bundled question keeps its spoken answer, references and follow-ups, and derives its follow-up questions', async () => {
    const { c, userDir } = await catalog()
    const original = c.find('extended-cpu-limit')!.question
    expect(original.spoken).toBeTruthy()
    expect(original.followUps).toHaveLength(2)
    const bank = await c.createBank('Mine')
    const id = await c.duplicateQuestion('extended-cpu-limit', bank.id)

    const onDisk = parseBank(readFileSync(join(userDir, 'mine.md'), 'utf8'), 'mine.md', { user: true }).questions[0]
    expect(onDisk).toMatchObject({ id, spoken: original.spoken, references: original.references, followUps: original.followUps })

    const mine = c.banks().find((b) => b.id === bank.id)!
    expect(mine.followUpQuestions?.map((q) => q.id)).toEqual([`${id}-fu1`, `${id}-fu2`])
    expect(mine.followUpQuestions?.[0]).toMatchObject({ difficulty: 'easy', timeSec: 90, followUpOf: { id } })
    expect(c.question(`${id}-fu1`)?.text).toBe(original.followUps![0].question)
    // the bundled bank keeps its own derived follow-ups
    expect(
      c
        .banks()
        .find((b) => b.id === 'extended')!
        .followUpQuestions?.some((q) => q.id === 'extended-cpu-limit-fu1')
    ).toBe(true)
  })

  it('editing a question in the form keeps the parts the form does not show', async () => {
    const { c } = await catalog()
    const bank = await c.createBank('Mine')
    const id = await c.duplicateQuestion('extended-cpu-limit', bank.id)
    const q = c.find(id)!.question
    const draft = {
      text: 'CPU limits, in short?',
      topics: q.topics,
      difficulty: q.difficulty,
      timeSec: q.timeSec,
      answer: q.answer,
      keyPoints: []
    }
    const saved = await c.saveQuestion(bank.id, draft, id)
    expect(saved).toMatchObject({ text: 'CPU limits, in short?', spoken: q.spoken, followUps: q.followUps, keyPoints: [] })
  })

  it('a user bank needs no spoken answer and no follow-ups, even on hard questions', async () => {
    const { c, userDir } = await catalog()
    writeFileSync(
      join(userDir, 'notes.md'),
      '---\nid: notes\ntitle: Notes\nversion: 1\n---\n\n## Why did the node go NotReady?\n\n- id: notes-notready\n- topics: my-topic\n- difficulty: hard\n- time: 120\n- source: original\n\n### Answer\n\nThe kubelet stopped posting its lease.\n\n### Key points\n'
    )
    await c.reload()
    expect(c.problems()).toEqual([])
    const notes = c.banks().find((b) => b.id === 'notes')!
    expect(notes.questions.map((q) => q.id)).toEqual(['notes-notready'])
    expect(notes.followUpQuestions).toEqual([])
  })

  it('a missing bundled folder is reported and the user banks still load', async () => {
    const { c } = await catalog(join(tmpdir(), 'no-such-banks-folder-xyz'))
    expect(c.problems()[0].message).toMatch(/question banks folder cannot be read \(ENOENT\)/)
    const bank = await c.createBank('Still works')
    expect(c.banks().map((b) => b.id)).toEqual([bank.id])
  })
})
